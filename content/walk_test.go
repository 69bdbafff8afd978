package content_test

import (
	"testing"

	"backstory/content"

	"github.com/google/go-cmp/cmp"
)

// para is a paragraph holding runs.
func para(runs ...content.Inline) content.Block {
	return content.Block{Kind: content.BlockParagraph, Text: runs}
}

func txt(s string) content.Inline { return content.Inline{Kind: content.InlineText, Text: s} }

func img(url string) content.Inline { return content.Inline{Kind: content.InlineImage, URL: url} }

// walked is an article with content in every place the walk must reach.
func walked() content.Article {
	return content.Article{
		Blocks: []content.Block{
			para(txt("body"), content.Inline{Kind: content.InlineLink, Children: []content.Inline{img("in-link")}}),
			{Kind: content.BlockList, Items: [][]content.Block{
				{para(txt("item")), {Kind: content.BlockQuote, Blocks: []content.Block{para(img("quote-in-item"))}}},
			}},
			{Kind: content.BlockTable, Table: &content.Table{
				Header: [][]content.Inline{{txt("head")}},
				Rows:   [][][]content.Inline{{{img("in-cell")}}},
			}},
			{Kind: content.BlockCard, ID: "c"},
			{Kind: content.BlockCard, ID: "t"},
		},
		Cards: []content.Card{
			{ID: "c", Kind: content.CardBackground, Blocks: []content.Block{para(img("in-card"))}},
			{ID: "t", Kind: content.CardTimeline, Events: []content.TimelineEvent{
				{Date: "2018", Blocks: []content.Block{para(img("in-event"))}},
				{Date: "2019", Blocks: []content.Block{{Kind: content.BlockList, Items: [][]content.Block{{para(img("nested-in-event"))}}}}},
			}},
		},
	}
}

// TestWalk: the walk reaches every block and every run, in reading order,
// in the body, in cards and in timeline entries.
func TestWalk(t *testing.T) {
	a := walked()
	var kinds []content.BlockKind
	var images []string
	for b := range a.AllBlocks() {
		kinds = append(kinds, b.Kind)
		for r := range b.Runs() {
			if r.Kind == content.InlineImage {
				images = append(images, r.URL)
			}
		}
	}
	wantKinds := []content.BlockKind{"paragraph", "list", "paragraph", "quote", "paragraph", "table", "card", "card", "paragraph", "paragraph", "list", "paragraph"}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	wantImages := []string{"in-link", "quote-in-item", "in-cell", "in-card", "in-event", "nested-in-event"}
	if diff := cmp.Diff(wantImages, images); diff != "" {
		t.Errorf("images (-want +got):\n%s", diff)
	}
}

// TestWalkStops: a loop that breaks stops the walk, wherever it is.
func TestWalkStops(t *testing.T) {
	a := walked()
	total := 0
	for range a.AllBlocks() {
		total++
	}
	for stop := 1; stop <= total; stop++ {
		n := 0
		for range a.AllBlocks() {
			if n++; n == stop {
				break
			}
		}
		if n != stop {
			t.Errorf("breaking after %d blocks walked %d", stop, n)
		}
	}
	for b := range a.AllBlocks() {
		for range b.Runs() {
			break
		}
	}
}

// TestWordsLeaveCardsOut: reading time counts the body, not the cards.
func TestWordsLeaveCardsOut(t *testing.T) {
	a := walked()
	a.Title = "A title"
	a.Cards[1].Events[0].Blocks = []content.Block{para(txt("many words that are not counted"))}
	if got, want := a.Words(), 5; got != want { // A title, body, item, head
		t.Errorf("Words() = %d, want %d", got, want)
	}
}
