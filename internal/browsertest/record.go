package browsertest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// Record evaluates the script js in a fresh tab of a fresh Chromium and
// writes the value it returns to path as indented JSON: test data taken
// from the browser readers use, for tests that compare the Go side with it
// (refreshed with their -update flag).
func Record(tb testing.TB, path, js string) {
	tb.Helper()
	tab := Start(tb).NewTab(tb)
	v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[json.RawMessage](js))
	if err != nil {
		tb.Fatalf("recording %s: %v", path, err)
	}
	var b bytes.Buffer
	if err := json.Indent(&b, v, "", "  "); err != nil {
		tb.Fatalf("recording %s: %v", path, err)
	}
	b.WriteByte('\n')
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("wrote %s", path)
}
