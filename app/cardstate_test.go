package app

import (
	"reflect"
	"testing"

	"backstory/content"
)

// article builds an article from a compact plan: "p" is a paragraph, "p>x"
// a paragraph referring to card x, "c:x" card x, "c:x>y" card x referring
// to card y.
func article(plan ...string) *content.Article {
	a := &content.Article{}
	ref := func(id string) []content.Inline {
		return []content.Inline{{Kind: content.InlineCardRef, Card: id, Children: []content.Inline{{Kind: content.InlineText, Text: id}}}}
	}
	for _, p := range plan {
		kind, rest := p[:1], p[1:]
		var id, target string
		switch {
		case kind == "c":
			id, target = splitRef(rest[1:])
		default:
			_, target = splitRef(rest)
		}
		var text []content.Inline
		if target != "" {
			text = ref(target)
		}
		if kind == "c" {
			a.Blocks = append(a.Blocks, content.Block{Kind: content.BlockCard, ID: id})
			a.Cards = append(a.Cards, content.Card{ID: id, Kind: content.CardBackground, Title: id, Blocks: []content.Block{{Kind: content.BlockParagraph, Text: text}}})
			continue
		}
		a.Blocks = append(a.Blocks, content.Block{Kind: content.BlockParagraph, Text: text})
	}
	return a
}

func splitRef(s string) (id, target string) {
	for i := range s {
		if s[i] == '>' {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

func TestTapRef(t *testing.T) {
	type tap struct {
		card string
		at   refPlace
	}
	tests := []struct {
		name      string
		plan      []string
		taps      []tap
		wantOpen  []string
		wantDocks map[int][]string
	}{
		{
			name:     "a card right after its reference opens at home",
			plan:     []string{"p>a", "c:a"},
			taps:     []tap{{"a", refPlace{Block: 0}}},
			wantOpen: []string{"a"},
		},
		{
			name: "tapping again closes it",
			plan: []string{"p>a", "c:a"},
			taps: []tap{{"a", refPlace{Block: 0}}, {"a", refPlace{Block: 0}}},
		},
		{
			name:     "cards after cards still count as right after",
			plan:     []string{"p>b", "c:a", "c:b"},
			taps:     []tap{{"b", refPlace{Block: 0}}},
			wantOpen: []string{"b"},
		},
		{
			name:      "a card far below moves up to the reference",
			plan:      []string{"p>a", "p", "p", "c:a"},
			taps:      []tap{{"a", refPlace{Block: 0}}},
			wantOpen:  []string{"a"},
			wantDocks: map[int][]string{0: {"a"}},
		},
		{
			name:      "a card above moves down to the reference",
			plan:      []string{"c:a", "p", "p>a"},
			taps:      []tap{{"a", refPlace{Block: 2}}},
			wantOpen:  []string{"a"},
			wantDocks: map[int][]string{2: {"a"}},
		},
		{
			name:      "an open card elsewhere moves here and stays open",
			plan:      []string{"p>a", "c:a", "p", "p>a"},
			taps:      []tap{{"a", refPlace{Block: 0}}, {"a", refPlace{Block: 3}}},
			wantOpen:  []string{"a"},
			wantDocks: map[int][]string{3: {"a"}},
		},
		{
			name:      "a docked card closes from its reference and stays docked",
			plan:      []string{"p>a", "p", "c:a"},
			taps:      []tap{{"a", refPlace{Block: 0}}, {"a", refPlace{Block: 0}}},
			wantDocks: map[int][]string{0: {"a"}},
		},
		{
			name:      "a reference in a docked card opens its card right after that card",
			plan:      []string{"p>a", "p", "c:a>b", "p", "c:b"},
			taps:      []tap{{"a", refPlace{Block: 0}}, {"b", refPlace{Block: 2, InCard: "a"}}},
			wantOpen:  []string{"a", "b"},
			wantDocks: map[int][]string{0: {"a", "b"}},
		},
		{
			name:     "an unknown card does nothing",
			plan:     []string{"p>a", "c:a"},
			taps:     []tap{{"nope", refPlace{Block: 0}}},
			wantOpen: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.plan...)
			plan := newCardPlan(a)
			s := newCardState()
			for _, tap := range tt.taps {
				s.tapRef(plan, tap.card, tap.at)
			}
			var open []string
			for _, id := range plan.cardIDs {
				if s.open[id] {
					open = append(open, id)
				}
			}
			if !reflect.DeepEqual(open, tt.wantOpen) {
				t.Errorf("open cards %v, want %v", open, tt.wantOpen)
			}
			if tt.wantDocks == nil {
				tt.wantDocks = map[int][]string{}
			}
			if !reflect.DeepEqual(s.docks, tt.wantDocks) {
				t.Errorf("docks %v, want %v", s.docks, tt.wantDocks)
			}
		})
	}
}

func TestSetAll(t *testing.T) {
	a := article("p>a", "c:a", "c:b")
	plan := newCardPlan(a)
	s := newCardState()
	s.setAll(plan, true)
	if !s.allOpen(plan) {
		t.Fatalf("after expand all, open = %v", s.open)
	}
	s.setAll(plan, false)
	if len(s.open) != 0 {
		t.Errorf("after collapse all, open = %v", s.open)
	}
}
