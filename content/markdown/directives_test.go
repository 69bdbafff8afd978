package markdown

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// remarkReading is how remark-directive, the generic-directives proposal's
// reference implementation, reads a card's opening line
// (testdata/directives/generate.mjs made the file once, with Node).
type remarkReading struct {
	Input       string            `json:"input"`
	Directive   bool              `json:"directive"`
	Name        string            `json:"name"`
	Attributes  map[string]string `json:"attributes"`
	Label       *string           `json:"label"`
	LabelMarkup bool              `json:"labelMarkup"`
}

// TestDirectivesAsRemarkReadsThem: an author's opening line means the same
// here as in remark-directive: the kind, the attributes (ids, classes,
// character references decoded) and the label. Labels with inline Markdown
// are where the two still differ: remark-directive reads the Markdown,
// backstory keeps the text as written (issue 13 asks for inline labels).
func TestDirectivesAsRemarkReadsThem(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "directives", "remark-directive.json"))
	if err != nil {
		t.Fatal(err)
	}
	var readings []remarkReading
	if err := json.Unmarshal(raw, &readings); err != nil {
		t.Fatal(err)
	}
	if len(readings) < 10 {
		t.Fatalf("only %d readings", len(readings))
	}
	for _, want := range readings {
		var c Card
		parseOpening(&c, []byte(strings.TrimPrefix(want.Input, ":::")), 3)
		if !want.Directive {
			if c.Syntax == "" {
				t.Errorf("%s: remark-directive reads no directive; backstory reads %q with no problem", want.Input, c.Name)
			}
			continue
		}
		if c.Syntax != "" {
			t.Errorf("%s: backstory refuses it (%s)", want.Input, c.Syntax)
			continue
		}
		if c.Name != want.Name {
			t.Errorf("%s: kind %q, remark-directive's %q", want.Input, c.Name, want.Name)
		}
		got := map[string]string{}
		for _, a := range c.Attrs {
			if a.Key == "class" && got["class"] != "" {
				got["class"] += " " + a.Value
				continue
			}
			got[a.Key] = a.Value
		}
		if g, w := jsonOf(got), jsonOf(want.Attributes); g != w {
			t.Errorf("%s: attributes %s, remark-directive's %s", want.Input, g, w)
		}
		switch {
		case want.Label == nil && c.HasLabel:
			t.Errorf("%s: a label %q where remark-directive reads none", want.Input, c.Label)
		case want.Label != nil && want.LabelMarkup:
			// Known difference: the label's Markdown stays as written here.
		case want.Label != nil && c.Label != *want.Label:
			t.Errorf("%s: label %q, remark-directive's %q", want.Input, c.Label, *want.Label)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
