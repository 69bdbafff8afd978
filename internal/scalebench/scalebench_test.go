package scalebench

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun runs make scale's measurement with 120 articles: the binary
// serves them on three index pages, the worker saves only its cap, and the
// export holds every article.
func TestRun(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "backstory")
	if out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput(); err != nil {
		t.Fatalf("building backstory: %v\n%s", err, out)
	}
	web := t.TempDir()
	for name, body := range map[string]string{"app.wasm": "\x00asm\x01\x00\x00\x00", "wasm_exec.js": "// stand-in\n"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Run(context.Background(), Options{Binary: bin, WebDir: web, Articles: 120, SharedCards: 12, Export: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Load <= 0 || r.RSS <= 0 || r.PeakRSS < r.RSS || r.IndexPages != 3 {
		t.Errorf("%+v", r)
	}
	if r.SharedCards != 12 || r.MostUsed < 12 || r.CardEdit <= 0 {
		t.Errorf("shared cards: %d, the most used placed by %d articles, its edit served in %v", r.SharedCards, r.MostUsed, r.CardEdit)
	}
	if r.PrecachePages != 2+2*50 {
		t.Errorf("the service worker saves %d pages, want the index, its JSON and 50 articles with theirs", r.PrecachePages)
	}
	if r.ExportFiles < 120*4 {
		t.Errorf("the export has %d files for 120 articles", r.ExportFiles)
	}
	var out strings.Builder
	Print(&out, []Result{r})
	if !strings.Contains(out.String(), "/page/3") {
		t.Errorf("the report lacks the last index page:\n%s", out.String())
	}
}
