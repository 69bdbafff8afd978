package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// TestLabelSource: a card's label is the source between its brackets, less
// the white space around it, wherever the card's line starts: after an
// indent, or after a tab that a block quote's ">" has half consumed (the
// line goldmark gives the card parser then starts with spaces that are not
// in the source).
func TestLabelSource(t *testing.T) {
	tests := []struct {
		line  string
		label string // "-" for none
	}{
		{":::background[Title]", "Title"},
		{":::background[Title]{#id}", "Title"},
		{"::::background[Four colons]", "Four colons"},
		{"   :::background[Indented]", "Indented"},
		{":::background[  Spaced \t]", "Spaced"},
		{":::background[Nested [x] \\] y]{#n}", "Nested [x] \\] y"},
		{":::background[]", ""},
		{":::background{#id}", "-"},
		{">\t:::background[*After a tab*]", "*After a tab*"},
		{"> \t:::background[*After a tab*]", "*After a tab*"},
		{">\t\t:::background[Too deep]", "-"},
	}
	p := NewParser()
	for _, tt := range tests {
		src := []byte(tt.line + "\nText.\n:::\n")
		var card *Card
		_ = ast.Walk(p.md.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if c, ok := n.(*Card); ok && entering && card == nil {
				card = c
			}
			return ast.WalkContinue, nil
		})
		got := "-"
		if card != nil && card.Label() != nil {
			got = string(card.Label().Lines().Value(src))
		}
		if got != tt.label {
			t.Errorf("%q: label %q, want %q", tt.line, got, tt.label)
		}
	}
}
