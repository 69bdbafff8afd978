package content

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// SharedCardsDir is the folder, next to the articles, that holds the shared
// cards: one file cards/{id}.md each.
const SharedCardsDir = "cards"

// NewSharedCard marks c as a shared card and gives it its Revision, a hash
// of its content.
func NewSharedCard(c Card) (Card, error) {
	c.Shared, c.Revision = false, ""
	data, err := json.Marshal(c)
	if err != nil {
		return Card{}, fmt.Errorf("encoding card %q: %w", c.ID, err)
	}
	sum := sha256.Sum256(data)
	c.Shared, c.Revision = true, hex.EncodeToString(sum[:8])
	return c, nil
}

// SharedCards are the shared cards by id. Treat it as immutable once made.
type SharedCards map[string]Card

// key is what the placed cards are now, for the article that places ids:
// their revisions in order, "-" for one that does not exist.
func (sc SharedCards) key(ids []string) string {
	var b strings.Builder
	for _, id := range ids {
		if c, ok := sc[id]; ok {
			b.WriteString(c.Revision)
		} else {
			b.WriteByte('-')
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// Resolve resolves the entry's article with the shared cards it places, as
// a store with cards shows it (see Store.Article), and returns the entry
// with its checksum and card ids for the resolved article, and the
// problems found: a placed card that is not in cards, and a card the
// article defines whose id a shared card has. Problems carry a line and
// column but no file: the caller knows it. A placed card that does not
// exist is left out (the references to it become plain text), so that the
// article still reads. The entry keeps its article's JSON as parsed, not
// the resolved JSON, which a store makes when asked: memory for 10,000
// articles stays that of their JSON. Resolving decodes nothing.
func (e Entry) Resolve(cards SharedCards) (Entry, Problems) {
	var problems Problems
	for _, s := range e.sites {
		_, shared := cards[s.ID]
		switch {
		case s.Placed && !shared:
			problems = append(problems, Problem{Line: s.Line, Col: s.Col, Message: fmt.Sprintf(
				"there is no shared card %q: write %s/%s.md (backstory new -card %s), or define the card in the article", s.ID, SharedCardsDir, s.ID, s.ID)})
		case !s.Placed && shared:
			problems = append(problems, Problem{Line: s.Line, Col: s.Col, Message: fmt.Sprintf(
				"the id %q is a shared card's (%s/%s.md) too: give this card another id, or place the shared one with ::card{#%s}", s.ID, SharedCardsDir, s.ID, s.ID)})
		}
	}
	if len(e.placed) == 0 {
		return e, problems
	}
	key := cards.key(e.placed)
	if key == e.resolvedWith {
		return e, problems
	}
	// Placing cards changes neither the article's summary (reading time
	// counts the body, not its cards) nor anything but its cards: its
	// checksum is its own and the cards', and it keeps the ids of the
	// cards that exist.
	h := sha256.New()
	h.Write(e.rawSum[:])
	h.Write([]byte(key))
	h.Sum(e.sum[:0])
	ids := make([]string, 0, len(e.cards))
	for _, id := range e.cards {
		if _, ok := cards[id]; ok || !slices.Contains(e.placed, id) {
			ids = append(ids, id)
		}
	}
	e.cards, e.resolvedWith = ids, key
	return e, problems
}

// placeCards replaces the article's placed cards by the shared cards of
// their ids, keeping the classes the placement adds; one that does not
// exist is left out, with its place and the references to it.
func placeCards(a *Article, cards SharedCards) {
	missing := map[string]bool{}
	kept := a.Cards[:0]
	for _, c := range a.Cards {
		if !c.Shared || c.Kind != "" {
			kept = append(kept, c)
			continue
		}
		shared, ok := cards[c.ID]
		if !ok {
			missing[c.ID] = true
			continue
		}
		for _, class := range shared.Classes {
			if !slices.Contains(c.Classes, class) {
				c.Classes = append(c.Classes, class)
			}
		}
		classes := c.Classes
		c = shared
		c.Classes = classes
		kept = append(kept, c)
	}
	a.Cards = kept
	if len(missing) == 0 {
		return
	}
	a.Blocks = slices.DeleteFunc(a.Blocks, func(b Block) bool { return b.Kind == BlockCard && missing[b.ID] })
	for b := range a.AllBlocks() {
		if b.Text != nil {
			b.Text = unreferenced(b.Text, missing)
		}
		if t := b.Table; t != nil {
			for i := range t.Header {
				t.Header[i] = unreferenced(t.Header[i], missing)
			}
			for _, row := range t.Rows {
				for i := range row {
					row[i] = unreferenced(row[i], missing)
				}
			}
		}
	}
}

// unreferenced replaces references to the given cards by their text.
func unreferenced(runs []Inline, cards map[string]bool) []Inline {
	var out []Inline
	for _, r := range runs {
		if r.Kind == InlineCardRef && cards[r.Card] {
			out = append(out, unreferenced(r.Children, cards)...)
			continue
		}
		if len(r.Children) > 0 {
			r.Children = unreferenced(r.Children, cards)
		}
		out = append(out, r)
	}
	return out
}
