package content

// BlockKind says what a Block is.
type BlockKind string

// The kinds of block.
const (
	BlockHeading   BlockKind = "heading"   // Level, ID, Text
	BlockParagraph BlockKind = "paragraph" // Text
	BlockList      BlockKind = "list"      // Ordered, Start, Tight, Items
	BlockQuote     BlockKind = "quote"     // Blocks: a block quote in the text (not a quote card)
	BlockCode      BlockKind = "code"      // Code, Lang
	BlockImage     BlockKind = "image"     // Image: a picture standing alone in its paragraph
	BlockRule      BlockKind = "rule"      // a thematic break
	BlockTable     BlockKind = "table"     // Table
	BlockCard      BlockKind = "card"      // ID: where the card with that ID stands
)

// Block is one block of an article's body. Kind says which fields are used.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Level is a heading's level, 1 to 6.
	Level int `json:"level,omitempty"`
	// ID is a heading's anchor, or the card a BlockCard places.
	ID string `json:"id,omitempty"`
	// Text is the inline content of a heading or paragraph.
	Text []Inline `json:"text,omitempty"`
	// Ordered, Start and Tight describe a list; Items holds its items, each
	// a list of blocks. In a tight list, paragraphs are shown without gaps.
	Ordered bool      `json:"ordered,omitempty"`
	Start   int       `json:"start,omitempty"`
	Tight   bool      `json:"tight,omitempty"`
	Items   [][]Block `json:"items,omitempty"`
	// Blocks is the content of a block quote.
	Blocks []Block `json:"blocks,omitempty"`
	// Code and Lang are a code block's text and language.
	Code string `json:"code,omitempty"`
	Lang string `json:"lang,omitempty"`
	// Image is a picture standing alone.
	Image *Image `json:"image,omitempty"`
	// Table is a table.
	Table *Table `json:"table,omitempty"`
}

// Image is a picture.
type Image struct {
	URL   string `json:"url"`
	Alt   string `json:"alt"`
	Title string `json:"title,omitempty"`
}

// Align is a table column's alignment.
type Align string

// The alignments of a table column.
const (
	AlignNone   Align = ""
	AlignLeft   Align = "left"
	AlignCenter Align = "center"
	AlignRight  Align = "right"
)

// Table is a table with one header row.
type Table struct {
	Align  []Align      `json:"align,omitempty"`
	Header [][]Inline   `json:"header"`
	Rows   [][][]Inline `json:"rows,omitempty"`
}
