// Package webbuild builds the files the server reads from its web directory:
// the WebAssembly UI (app.wasm) and Go's wasm_exec.js, which must come from
// the toolchain that built the wasm. make and the tests build with it, so
// that tests run what ships.
package webbuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"backstory/internal/precompress"
)

// Flags are the go build flags of the wasm:
//   - no symbol table or DWARF: the browser uses neither;
//   - no inlining: inlined copies of functions make the wasm compress worse
//     (brotli 1.39 MB instead of 1.46 MB, measured), and the UI's start-up
//     in Chromium did not measurably slow (90–130 ms cold, 30–50 ms warm,
//     with and without);
//   - no file paths of the build machine.
var Flags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=all=-l"}

// Build builds the wasm of the module at root into outDir/app.wasm and copies
// wasm_exec.js next to it. With compress, it also writes the wasm's brotli
// and gzip forms (app.wasm.br, app.wasm.gz).
func Build(ctx context.Context, root, outDir string, compress bool) error {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	out, err := filepath.Abs(filepath.Join(outDir, "app.wasm"))
	if err != nil {
		return err
	}
	args := append([]string{"build"}, Flags...)
	args = append(args, "-o", out, ".")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build of the wasm: %v\n%s", err, msg)
	}
	goroot, err := exec.CommandContext(ctx, "go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	js, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("reading Go's wasm_exec.js: %w", err)
	}
	if err := os.WriteFile(filepath.Join(outDir, "wasm_exec.js"), js, 0o644); err != nil {
		return err
	}
	if !compress {
		return nil
	}
	return compressFile(out)
}

// compressFile writes path.br and path.gz. Brotli at its best quality takes
// about 18 s for the wasm, so both are kept in the user's cache by content
// hash, and an unchanged wasm costs nothing the next time.
func compressFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:16])
	for _, form := range []struct {
		ext  string
		make func([]byte) []byte
	}{
		{".br", func(b []byte) []byte { return precompress.Brotli(b, precompress.Best) }},
		{".gz", precompress.Gzip},
	} {
		out, err := cached(key+form.ext, func() []byte { return form.make(data) })
		if err != nil {
			return err
		}
		if err := os.WriteFile(path+form.ext, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cached returns the bytes cached under name, making and caching them if
// absent. A cache that cannot be used only costs time.
func cached(name string, make func() []byte) ([]byte, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return make(), nil
	}
	dir = filepath.Join(dir, "backstory-webbuild")
	path := filepath.Join(dir, name)
	if b, err := os.ReadFile(path); err == nil {
		return b, nil
	}
	b := make()
	if os.MkdirAll(dir, 0o755) == nil {
		tmp, err := os.CreateTemp(dir, name+".*")
		if err == nil {
			_, werr := tmp.Write(b)
			cerr := tmp.Close()
			if werr == nil && cerr == nil {
				os.Rename(tmp.Name(), path)
			} else {
				os.Remove(tmp.Name())
			}
		}
	}
	return b, nil
}

// ModuleRoot is the directory of the main module's go.mod.
func ModuleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := string(bytes.TrimSpace(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside the backstory module")
	}
	return filepath.Dir(gomod), nil
}
