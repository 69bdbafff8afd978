package markdown

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/content"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/text"
)

// remarkReading is how remark-directive, the generic-directives proposal's
// reference implementation, reads a card's opening line
// (testdata/directives/generate.mjs made the file once, with Node). Its
// label is given as text and as inline content in backstory's model.
type remarkReading struct {
	Input        string            `json:"input"`
	Leaf         bool              `json:"leaf"` // a leaf directive's line, "::card{#id}"
	Directive    bool              `json:"directive"`
	Name         string            `json:"name"`
	Attributes   map[string]string `json:"attributes"`
	Label        *string           `json:"label"`
	LabelInlines []content.Inline  `json:"labelInlines"`
}

// TestDirectivesAsRemarkReadsThem: an author's opening line means the same
// here as in remark-directive: the kind, the attributes (ids, classes,
// character references decoded) and the label, read as inline Markdown.
// Where backstory is deliberately stricter (links and images in a label,
// which a card's title cannot hold), it says so with a problem.
func TestDirectivesAsRemarkReadsThem(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "directives", "remark-directive.json"))
	if err != nil {
		t.Fatal(err)
	}
	var readings []remarkReading
	if err := json.Unmarshal(raw, &readings); err != nil {
		t.Fatal(err)
	}
	if len(readings) < 25 {
		t.Fatalf("only %d readings", len(readings))
	}
	p := NewParser()
	for _, want := range readings {
		if want.Leaf {
			compareLeaf(t, p, want)
			continue
		}
		src := []byte(want.Input + "\nText.\n:::\n")
		c, _ := p.md.Parser().Parse(text.NewReader(src)).FirstChild().(*Card)
		if !want.Directive {
			if c != nil && c.Syntax == "" {
				t.Errorf("%s: remark-directive reads no directive; backstory reads %q with no problem", want.Input, c.Name)
			}
			continue
		}
		if c == nil || c.Syntax != "" {
			t.Errorf("%s: backstory refuses it (%+v)", want.Input, c)
			continue
		}
		if c.Name != want.Name {
			t.Errorf("%s: kind %q, remark-directive's %q", want.Input, c.Name, want.Name)
		}
		if g, w := jsonOf(attrsOf(c)), jsonOf(want.Attributes); g != w {
			t.Errorf("%s: attributes %s, remark-directive's %s", want.Input, g, w)
		}
		switch {
		case want.Label == nil && c.Label() != nil:
			t.Errorf("%s: a label where remark-directive reads none", want.Input)
		case want.Label != nil && c.Label() == nil:
			t.Errorf("%s: no label where remark-directive reads %q", want.Input, *want.Label)
		case want.Label != nil:
			compareLabel(t, want, src, c)
		}
	}
}

// attrsOf is a card's attributes as remark-directive gives them: by name,
// classes joined.
func attrsOf(c *Card) map[string]string {
	got := map[string]string{}
	for _, a := range c.Attrs {
		if a.Key == "class" && got["class"] != "" {
			got["class"] += " " + a.Value
			continue
		}
		got[a.Key] = a.Value
	}
	return got
}

// compareLeaf compares backstory's reading of a leaf directive's line
// ("::card{#wang-yi}", which places a shared card) with remark-directive's:
// a directive, with the same name and attributes, or text. A line that
// names backstory's own directive but is not one ("::card{#x} and
// words") is deliberately reported rather than left as text: its author
// meant to place a card.
func compareLeaf(t *testing.T, p *Parser, want remarkReading) {
	t.Helper()
	c, _ := p.md.Parser().Parse(text.NewReader([]byte(want.Input + "\n"))).FirstChild().(*Card)
	switch {
	case !want.Directive && c != nil && !(c.Name == placeDirective && c.Syntax != ""):
		t.Errorf("%s: remark-directive reads text; backstory reads the directive %q", want.Input, c.Name)
	case !want.Directive:
	case c == nil || !c.Leaf || c.Syntax != "":
		t.Errorf("%s: remark-directive reads a leaf directive; backstory reads %+v", want.Input, c)
	case c.Name != want.Name:
		t.Errorf("%s: name %q, remark-directive's %q", want.Input, c.Name, want.Name)
	case jsonOf(attrsOf(c)) != jsonOf(want.Attributes):
		t.Errorf("%s: attributes %s, remark-directive's %s", want.Input, jsonOf(attrsOf(c)), jsonOf(want.Attributes))
	case (c.Label() != nil) != (want.Label != nil):
		t.Errorf("%s: label %v, remark-directive's %v", want.Input, c.Label() != nil, want.Label != nil)
	}
}

// compareLabel compares backstory's reading of c's label with
// remark-directive's: the same inline content, but for what a card's title
// cannot hold (a link, an image), which is refused with a problem. Runs of
// text are compared once merged, and without the white space around the
// label, which backstory trims.
func compareLabel(t *testing.T, want remarkReading, src []byte, c *Card) {
	t.Helper()
	b := newBuilder("t.md", src, "en")
	got := b.label(c.Label())
	wantRuns, refused := asTitle(want.LabelInlines)
	if diff := cmp.Diff(trimRuns(mergeText(wantRuns)), trimRuns(mergeText(got))); diff != "" {
		t.Errorf("%s: label (-remark-directive's +backstory's):\n%s", want.Input, diff)
	}
	switch {
	case refused && len(b.problems) == 0:
		t.Errorf("%s: remark-directive reads a link or image in the label; backstory takes it with no problem", want.Input)
	case !refused && len(b.problems) > 0:
		t.Errorf("%s: backstory refuses the label: %v", want.Input, b.problems)
	case refused && !strings.Contains(b.problems.Error(), "in the card's text"):
		t.Errorf("%s: the problem does not say where to put it instead: %v", want.Input, b.problems)
	case !refused:
		plain, _ := title(got)
		if w := oneLine(*want.Label); plain != w {
			t.Errorf("%s: title %q, remark-directive's label %q", want.Input, plain, w)
		}
	}
}

// asTitle is what a card's title makes of inline content: a URL written as
// text (www.example.com, <https://example.com>) is its text; another link is
// refused and leaves its text, an image is refused and leaves nothing.
func asTitle(runs []content.Inline) (out []content.Inline, refused bool) {
	for _, r := range runs {
		switch r.Kind {
		case content.InlineLink:
			text := content.PlainText(r.Children)
			if r.URL != text && r.URL != "http://"+text && r.URL != "mailto:"+text {
				refused = true
			}
			children, _ := asTitle(r.Children)
			out = append(out, children...)
			continue
		case content.InlineImage:
			refused = true
			continue
		}
		if r.Children != nil {
			var inner bool
			r.Children, inner = asTitle(r.Children)
			refused = refused || inner
		}
		out = append(out, r)
	}
	return out, refused
}

// mergeText merges neighbouring runs of text, at every depth.
func mergeText(runs []content.Inline) []content.Inline {
	var out []content.Inline
	for _, r := range runs {
		if r.Children != nil {
			r.Children = mergeText(r.Children)
		}
		if n := len(out); n > 0 && r.Kind == content.InlineText && out[n-1].Kind == content.InlineText {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

// trimRuns trims the white space at the start and the end of a label.
func trimRuns(runs []content.Inline) []content.Inline {
	if n := len(runs); n > 0 {
		if runs[0].Kind == content.InlineText {
			runs[0].Text = strings.TrimLeft(runs[0].Text, " \t")
		}
		if runs[n-1].Kind == content.InlineText {
			runs[n-1].Text = strings.TrimRight(runs[n-1].Text, " \t")
		}
	}
	return runs
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
