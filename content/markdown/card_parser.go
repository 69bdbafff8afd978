package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// cardParser parses card directives. Like goldmark's block quote parser, a
// card is a container: Open returns HasChildren, and the Markdown between the
// fences becomes the card's children.
type cardParser struct{}

var _ parser.BlockParser = (*cardParser)(nil)

func (p *cardParser) Trigger() []byte { return []byte{':'} }

// Open starts a card on a line of three or more colons followed by a name. A
// line of colons alone opens nothing in a well-formed document, so it is kept
// as a stray fence for the builder to report. Two colons and a name are a
// leaf directive, a card of one line: "::card{#id}" places a shared card.
func (p *cardParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	indent, pos := util.IndentWidth(line, reader.LineOffset())
	fence := fenceLength(line[pos:])
	if indent > 3 || fence < 2 {
		return nil, parser.NoChildren
	}
	rest := bytes.TrimLeft(line[pos:], ":")
	if fence == 2 && (len(rest) == 0 || !isNameByte(rest[0], true)) {
		// "::" and then no name: text, as for remark-directive.
		return nil, parser.NoChildren
	}
	// The line starts with seg.Padding spaces that stand for part of a tab
	// and are not in the source.
	start := seg.Start - seg.Padding + pos
	if outer := enclosingCard(parent); outer != nil && !isBlank(rest) {
		// Cards do not nest. Rather than open a card inside a card, keep the
		// line as text of the outer card and let the builder report it; this
		// also keeps thousands of opening lines from nesting thousands deep.
		outer.Nested = append(outer.Nested, start)
		return nil, parser.NoChildren
	}
	card := NewCard(start)
	if fence == 2 {
		// A leaf directive, "::card{#id}": it places a shared card. A
		// line that only starts like one is text, as for
		// remark-directive, unless it names our directive: then its
		// author meant one, and hears what is wrong.
		card.Leaf, card.Closed = true, true
		parseOpening(card, rest, card.Offset+2)
		if card.Syntax != "" && card.Name != placeDirective {
			return nil, parser.NoChildren
		}
		skipLine(reader, line)
		return card, parser.NoChildren
	}
	if isBlank(rest) {
		// A stray ":::" that closes nothing.
		card.Closed = true
		skipLine(reader, line)
		return card, parser.NoChildren
	}
	parseOpening(card, rest, card.Offset+(len(line[pos:])-len(rest)))
	skipLine(reader, line)
	return card, parser.HasChildren
}

// Continue closes the card on a line of colons alone, unless the line belongs
// to a fenced code block inside the card.
func (p *cardParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	card := node.(*Card)
	if card.Name == "" || card.Leaf {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	indent, pos := util.IndentWidth(line, reader.LineOffset())
	if indent <= 3 && fenceLength(line[pos:]) >= 3 && isBlank(bytes.TrimLeft(line[pos:], ":")) && !insideFencedCode(card, pc) {
		card.Closed = true
		skipLine(reader, line)
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (p *cardParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph is true: a card may follow a paragraph line directly.
func (p *cardParser) CanInterruptParagraph() bool { return true }

func (p *cardParser) CanAcceptIndentedLine() bool { return false }

// enclosingCard returns the card that n is, or is inside, or nil.
func enclosingCard(n ast.Node) *Card {
	for ; n != nil; n = n.Parent() {
		if c, ok := n.(*Card); ok {
			return c
		}
	}
	return nil
}

// insideFencedCode reports whether a fenced code block is open inside card.
func insideFencedCode(card *Card, pc parser.Context) bool {
	inside := false
	for _, b := range pc.OpenedBlocks() {
		if b.Node == card {
			inside = true
			continue
		}
		if inside && b.Node.Kind() == ast.KindFencedCodeBlock {
			return true
		}
	}
	return false
}

// skipLine moves the reader to the end of line, so that nothing on it is
// parsed as a child block.
func skipLine(reader text.Reader, line []byte) {
	reader.Advance(len(bytes.TrimRight(line, "\r\n")))
}

// fenceLength counts the colons a line starts with.
func fenceLength(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ':' {
		n++
	}
	return n
}

func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}
