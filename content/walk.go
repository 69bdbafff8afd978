package content

import "iter"

// The one walk of the content tree. Whatever looks for something everywhere
// in an article (its words, its images, its card references) walks it with
// these, so that a new place for content (a table cell, a timeline entry)
// is seen by all of them at once.

// Descendants yields each of blocks and, depth first in reading order,
// every block inside it: a list's items, a block quote's blocks. A card
// placed in the body (BlockCard) has nothing inside it here: its content is
// in the article's Cards.
func Descendants(blocks []Block) iter.Seq[*Block] {
	return func(yield func(*Block) bool) {
		walkBlocks(blocks, yield)
	}
}

func walkBlocks(blocks []Block, yield func(*Block) bool) bool {
	for i := range blocks {
		b := &blocks[i]
		if !yield(b) {
			return false
		}
		for _, item := range b.Items {
			if !walkBlocks(item, yield) {
				return false
			}
		}
		if !walkBlocks(b.Blocks, yield) {
			return false
		}
	}
	return true
}

// Descendants yields every block of the card's body: its Blocks, or each
// of its timeline's events' blocks in turn.
func (c *Card) Descendants() iter.Seq[*Block] {
	return func(yield func(*Block) bool) {
		if !walkBlocks(c.Blocks, yield) {
			return
		}
		for _, e := range c.Events {
			if !walkBlocks(e.Blocks, yield) {
				return
			}
		}
	}
}

// AllBlocks yields every block of the article: its body's, then each of
// its cards'.
func (a *Article) AllBlocks() iter.Seq[*Block] {
	return func(yield func(*Block) bool) {
		if !walkBlocks(a.Blocks, yield) {
			return
		}
		for i := range a.Cards {
			for b := range a.Cards[i].Descendants() {
				if !yield(b) {
					return
				}
			}
		}
	}
}

// Texts yields the inline content a block holds itself, not counting the
// blocks inside it: a paragraph's or a heading's text, each cell of a
// table.
func (b *Block) Texts() iter.Seq[[]Inline] {
	return func(yield func([]Inline) bool) {
		if len(b.Text) > 0 && !yield(b.Text) {
			return
		}
		if b.Table == nil {
			return
		}
		for _, cell := range b.Table.Header {
			if !yield(cell) {
				return
			}
		}
		for _, row := range b.Table.Rows {
			for _, cell := range row {
				if !yield(cell) {
					return
				}
			}
		}
	}
}

// Runs yields every inline run of the block's own text (see Texts) and,
// depth first, every run inside it: the text of a link, of emphasis.
func (b *Block) Runs() iter.Seq[*Inline] {
	return func(yield func(*Inline) bool) {
		for text := range b.Texts() {
			if !walkRuns(text, yield) {
				return
			}
		}
	}
}

func walkRuns(runs []Inline, yield func(*Inline) bool) bool {
	for i := range runs {
		if !yield(&runs[i]) || !walkRuns(runs[i].Children, yield) {
			return false
		}
	}
	return true
}
