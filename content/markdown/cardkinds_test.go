package markdown

import (
	"strings"
	"testing"

	"backstory/content"
)

// TestCardKindsDeclared: each kind of card is declared whole, and its
// declared example, as an author would write it, parses with no problem
// into a card of that kind, its body in Blocks or, for a timeline, Events.
func TestCardKindsDeclared(t *testing.T) {
	seen := map[content.CardKind]bool{}
	for _, spec := range content.CardKinds {
		switch {
		case spec.Kind == "" || seen[spec.Kind]:
			t.Errorf("a kind is declared empty or twice: %q", spec.Kind)
		case spec.Name == "" || spec.Lacks == nil || len(spec.Attrs) == 0 || spec.Attrs[0] != "id":
			t.Errorf("%s: declared without a name, a check or its attributes (id first)", spec.Kind)
		case !strings.HasPrefix(spec.Example, ":::"+string(spec.Kind)):
			t.Errorf("%s: the example %q is not its directive", spec.Kind, spec.Example)
		}
		seen[spec.Kind] = true
		if got, ok := content.LookupCardKind(spec.Kind); !ok || got.Kind != spec.Kind {
			t.Errorf("LookupCardKind(%q) = %v, %t", spec.Kind, got.Kind, ok)
		}
		body := "The card's text."
		if spec.Events {
			body = "- 2018: The card's text."
		}
		src := "---\ntitle: T\nslug: t\npublished: 2024-01-02\n---\n\nText.\n\n" + spec.Example + "{#c}\n" + body + "\n:::\n"
		if strings.Contains(spec.Example, "{") {
			src = strings.Replace(src, "}{#c}", " #c}", 1)
		}
		a, err := Parse("kinds.md", []byte(src))
		if err != nil {
			t.Errorf("%s: its example does not parse: %v", spec.Kind, err)
			continue
		}
		if len(a.Cards) != 1 || a.Cards[0].Kind != spec.Kind || a.Cards[0].ID != "c" {
			t.Errorf("%s: its example made %+v", spec.Kind, a.Cards)
			continue
		}
		if c := a.Cards[0]; (len(c.Events) > 0) != spec.Events || (len(c.Blocks) > 0) == spec.Events {
			t.Errorf("%s: its body went to %d blocks and %d events (Events: %t)", spec.Kind, len(c.Blocks), len(c.Events), spec.Events)
		}
	}
	if _, ok := content.LookupCardKind("gallery"); ok {
		t.Error("an undeclared kind is found")
	}
}
