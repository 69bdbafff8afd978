package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"sync"
	"testing"

	"backstory/internal/browsertest"
)

// axeSource is axe-core's script (testdata/axe), read once.
var axeSource = sync.OnceValues(func() (string, error) {
	gz, err := os.ReadFile("testdata/axe/axe.min.js.gz")
	if err != nil {
		return "", err
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return "", err
	}
	src, err := io.ReadAll(r)
	return string(src), err
})

// axeViolation is a rule axe-core finds broken on a page, and where.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeCheck runs axe-core's WCAG 2 A and AA rules on the tab's page, as it
// is now, and fails the test for each violation.
func axeCheck(t *testing.T, tab *browsertest.Tab, what string) {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		t.Fatalf("reading axe-core: %v", err)
	}
	eval[bool](t, tab, src+";true")
	raw := eval[string](t, tab, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`)
	var violations []axeViolation
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatalf("%s: reading axe's answer: %v", what, err)
	}
	for _, v := range violations {
		var targets []any
		for _, n := range v.Nodes {
			targets = append(targets, n.Target...)
		}
		t.Errorf("%s: axe: %s (%s): %s, at %v", what, v.ID, v.Impact, v.Help, targets)
	}
}
