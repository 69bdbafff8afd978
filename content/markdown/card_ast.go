package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindCard is the ast.NodeKind of a card.
var KindCard = ast.NewNodeKind("Card")

// cardAttr is one attribute of a card's {…}: #id is the key "id".
type cardAttr struct {
	Key    string
	Value  string
	Offset int // byte offset of the attribute in the source
}

// Card is a card directive: ":::name[label]{attrs}" up to a line ":::".
// The parser records what was written; the model builder judges it.
type Card struct {
	ast.BaseBlock

	// Name is the directive name as written: "background", "quote", or
	// anything else (an error the builder reports). It is empty for a stray
	// closing ":::".
	Name string
	// Label is the text between [ and ], if HasLabel.
	Label    string
	HasLabel bool
	// Attrs are the attributes in the order written.
	Attrs []cardAttr
	// Offset is the byte offset of the opening ":::" in the source.
	Offset int
	// Closed reports whether a closing ":::" line ended the card.
	Closed bool
	// Leaf says the card is a leaf directive of one line, "::name…",
	// with no body: "::card{#id}" places a shared card.
	Leaf bool
	// Nested holds the offsets of card openings found inside this card,
	// which are errors: cards do not nest.
	Nested []int
	// Syntax describes a malformed opening line, at SyntaxOffset.
	Syntax       string
	SyntaxOffset int
}

// NewCard returns a card node that starts at the given byte offset.
func NewCard(offset int) *Card {
	return &Card{Offset: offset}
}

// Kind implements ast.Node.
func (n *Card) Kind() ast.NodeKind { return KindCard }

// Dump implements ast.Node.
func (n *Card) Dump(source []byte, level int) {
	kv := map[string]string{
		"Name":   n.Name,
		"Label":  n.Label,
		"Closed": fmt.Sprint(n.Closed),
	}
	for _, a := range n.Attrs {
		kv["attr:"+a.Key] = a.Value
	}
	ast.DumpHelper(n, source, level, kv, nil)
}
