package webbuild

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// budget is the most brotli bytes the wasm may take: go-app's own floor is
// about 1.42 MB (an empty go-app app), and the UI may add little to it.
const budget = 1_450_000

func TestWasmBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and compresses the wasm")
	}
	ctx := context.Background()
	root, err := ModuleRoot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// As make does it, and in a process of its own: brotli 11 of the
	// wasm takes 18 s, and minutes under the race detector.
	dir := t.TempDir()
	cmd := exec.CommandContext(ctx, "go", "run", "./cmd/webbuild", "-out", dir)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./cmd/webbuild: %v\n%s", err, out)
	}
	sizes := map[string]int64{}
	for _, name := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz", "wasm_exec.js"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sizes[name] = info.Size()
	}
	t.Logf("wasm: %d bytes raw, %d gzip, %d brotli", sizes["app.wasm"], sizes["app.wasm.gz"], sizes["app.wasm.br"])
	if sizes["app.wasm.br"] > budget {
		t.Errorf("the wasm is %d bytes of brotli, over the budget of %d", sizes["app.wasm.br"], budget)
	}
	if sizes["app.wasm.br"] >= sizes["app.wasm.gz"] || sizes["app.wasm.gz"] >= sizes["app.wasm"] {
		t.Errorf("compressed forms are not smaller: %v", sizes)
	}
}

// TestWasmCarriesNoServerCode checks the wasm's dependencies: the UI, the
// model and go-app, but no server, command line, Markdown parser or
// compressor.
func TestWasmCarriesNoServerCode(t *testing.T) {
	ctx := context.Background()
	root, err := ModuleRoot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", ".")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	deps := strings.Fields(string(out))
	for _, forbidden := range []string{"github.com/yuin/goldmark", "backstory/server", "backstory/cli", "backstory/content/markdown", "github.com/andybalholm/brotli", "gopkg.in/yaml.v3", "html/template"} {
		for _, d := range deps {
			if d == forbidden || strings.HasPrefix(d, forbidden+"/") {
				t.Errorf("the wasm depends on %s", d)
			}
		}
	}
	for _, required := range []string{"backstory/app", "backstory/content", "github.com/maxence-charriere/go-app/v10/pkg/app"} {
		found := false
		for _, d := range deps {
			found = found || d == required
		}
		if !found {
			t.Errorf("the wasm does not depend on %s: is this the right build?", required)
		}
	}
}
