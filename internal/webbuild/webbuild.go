// Package webbuild builds the files the server reads from its web directory:
// the WebAssembly UI (app.wasm) and Go's wasm_exec.js, which must come from
// the toolchain that built the wasm. make and the tests build with it, so
// that tests run what ships.
package webbuild

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Flags are the go build flags of the wasm: no symbol table or DWARF (the
// browser does not use them; go-app's floor is 1.42 MB of brotli without
// them) and no file paths of the build machine.
var Flags = []string{"-trimpath", "-ldflags=-s -w"}

// Build builds the wasm of the module at root into outDir/app.wasm and copies
// wasm_exec.js next to it.
func Build(ctx context.Context, root, outDir string) error {
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
	return os.WriteFile(filepath.Join(outDir, "wasm_exec.js"), js, 0o644)
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
