package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The ast.NodeKinds of a card and of its label.
var (
	KindCard      = ast.NewNodeKind("Card")
	KindCardLabel = ast.NewNodeKind("CardLabel")
)

// cardAttr is one attribute of a card's {…}: #id is the key "id".
type cardAttr struct {
	Key    string
	Value  string
	Offset int // byte offset of the attribute in the source
}

// Card is a card directive: ":::name[label]{attrs}" up to a line ":::".
// The parser records what was written; the model builder judges it. Its
// children are its [label], if it has one (a CardLabel, first), then the
// blocks of its body.
type Card struct {
	ast.BaseBlock

	// Name is the directive name as written: "background", "quote", or
	// anything else (an error the builder reports). It is empty for a stray
	// closing ":::".
	Name string
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

// Label returns the card's [label], or nil if it has none.
func (n *Card) Label() *CardLabel {
	l, _ := n.FirstChild().(*CardLabel)
	return l
}

// Dump implements ast.Node.
func (n *Card) Dump(source []byte, level int) {
	kv := map[string]string{
		"Name":   n.Name,
		"Closed": fmt.Sprint(n.Closed),
	}
	for _, a := range n.Attrs {
		kv["attr:"+a.Key] = a.Value
	}
	ast.DumpHelper(n, source, level, kv, nil)
}

// CardLabel is a card's [label]: inline Markdown, as remark-directive reads
// it. Its one line is the text between the brackets, which goldmark's inline
// parsers read after the blocks, as they read a paragraph's; its children
// are the inlines. (remark-directive, too, keeps the label as the
// directive's first child: a paragraph marked directiveLabel.)
type CardLabel struct {
	ast.BaseBlock
}

// NewCardLabel returns a label of the text at seg, which may be empty.
func NewCardLabel(seg text.Segment) *CardLabel {
	n := &CardLabel{}
	if !seg.IsEmpty() {
		n.Lines().Append(seg)
	}
	return n
}

// Kind implements ast.Node.
func (n *CardLabel) Kind() ast.NodeKind { return KindCardLabel }

// Dump implements ast.Node.
func (n *CardLabel) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}
