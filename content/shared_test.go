package content_test

import (
	"testing"

	"backstory/content"

	"github.com/google/go-cmp/cmp"
)

func sharedCard(t *testing.T, id, text string) content.Card {
	t.Helper()
	c, err := content.NewSharedCard(content.Card{ID: id, Kind: content.CardBackground, Title: id, Classes: []string{"wide"}, Blocks: []content.Block{{Kind: content.BlockParagraph, Text: []content.Inline{{Kind: content.InlineText, Text: text}}}}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// placing is an article, published on date, that places the shared cards
// ids, each after a paragraph that refers to it.
func placing(slug, date string, ids ...string) content.Article {
	a := content.Article{Slug: slug, Title: slug, Published: day(date)}
	for i, id := range ids {
		a.Blocks = append(a.Blocks,
			content.Block{Kind: content.BlockParagraph, Text: []content.Inline{{Kind: content.InlineCardRef, Card: id, Children: []content.Inline{{Kind: content.InlineText, Text: "about " + id}}}}},
			content.Block{Kind: content.BlockCard, ID: id})
		a.Cards = append(a.Cards, content.Card{ID: id, Shared: true, Classes: []string{"pull"}})
		a.Sites = append(a.Sites, content.CardSite{ID: id, Line: 10 + i, Col: 1, Placed: true})
	}
	return a
}

func entry(t *testing.T, a content.Article) content.Entry {
	t.Helper()
	e, err := content.NewEntry(&a)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestSharedCardsAreResolved(t *testing.T) {
	cards := content.SharedCards{"wang-yi": sharedCard(t, "wang-yi", "Who Wang Yi is."), "unused": sharedCard(t, "unused", "Nobody places it.")}
	local := content.Article{Slug: "local", Title: "local", Published: day("2023-01-01"),
		Blocks: []content.Block{{Kind: content.BlockCard, ID: "unused"}},
		Cards:  []content.Card{{ID: "unused", Kind: content.CardBackground, Title: "A local card"}},
		Sites:  []content.CardSite{{ID: "unused", Line: 7, Col: 1}}}
	older, newer := placing("older", "2023-06-19", "wang-yi", "missing"), placing("newer", "2024-01-01", "wang-yi")

	e, problems := entry(t, older).Resolve(cards)
	wantProblems := content.Problems{{Line: 11, Col: 1, Message: `there is no shared card "missing": write cards/missing.md (backstory new -card missing), or define the card in the article`}}
	if diff := cmp.Diff(wantProblems, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, ps := entry(t, local).Resolve(cards); len(ps) != 1 || ps[0].Line != 7 {
		t.Errorf("a local card with a shared card's id: %v", ps)
	}

	s, err := content.NewStoreOfEntries([]content.Entry{e, entry(t, newer), entry(t, local)}, cards)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article("older")
	got, ok := a.Card("wang-yi")
	want := cards["wang-yi"]
	want.Classes = []string{"pull", "wide"}
	if !ok || !cmp.Equal(want, got) {
		t.Errorf("the placed card (-want +got):\n%s", cmp.Diff(want, got))
	}
	if _, ok := a.Card("missing"); ok || len(a.Blocks) != 3 || a.Blocks[2].Kind != content.BlockParagraph {
		t.Errorf("a missing card keeps its place: %+v", a.Blocks)
	}
	if ref := a.Blocks[2].Text[0]; ref.Kind != content.InlineText || ref.Text != "about missing" {
		t.Errorf("a reference to a missing card is %+v, want its text", ref)
	}
	if ids := s.CardIDs("older"); !cmp.Equal(ids, []string{"wang-yi"}) {
		t.Errorf("the card ids of an article placing a missing card: %v", ids)
	}
	if got := s.CardUsers("wang-yi"); len(got) != 2 || got[0].Slug != "newer" || got[1].Slug != "older" {
		t.Errorf("users of wang-yi, newest first: %+v", got)
	}
	if got := s.CardUsers("unused"); len(got) != 0 {
		t.Errorf("a local card with a shared id counts as a use: %+v", got)
	}
	if ids := []string{s.SharedCards()[0].ID, s.SharedCards()[1].ID}; ids[0] != "unused" || ids[1] != "wang-yi" {
		t.Errorf("shared cards by id: %v", ids)
	}

	// A changed card is a new revision, and every article placing it
	// shows the new version; a store without the card resolves it away.
	changed := content.SharedCards{"wang-yi": sharedCard(t, "wang-yi", "Who Wang Yi is now."), "unused": cards["unused"]}
	s2, err := content.NewStoreOfEntries([]content.Entry{e, entry(t, newer), entry(t, local)}, changed)
	if err != nil {
		t.Fatal(err)
	}
	if s2.Revision() == s.Revision() {
		t.Error("the store's revision did not change with a card")
	}
	for _, slug := range []string{"older", "newer"} {
		a, _ := s2.Article(slug)
		if c, _ := a.Card("wang-yi"); content.PlainText(c.Blocks[0].Text) != "Who Wang Yi is now." {
			t.Errorf("%s shows %q", slug, content.PlainText(c.Blocks[0].Text))
		}
	}
	s3, err := content.NewStoreOfEntries([]content.Entry{e}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := s3.Article("older"); len(a.Cards) != 0 {
		t.Errorf("without shared cards, the article keeps %+v", a.Cards)
	}
}
