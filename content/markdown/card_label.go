package markdown

import (
	"strings"

	"backstory/content"

	"github.com/yuin/goldmark/ast"
)

// A card's [label] is its title: inline Markdown, as remark-directive reads
// it, so emphasis, strong, strikethrough, code, backslash escapes and
// character references work there as in a paragraph. The title sits in the
// card's <summary>, the control that opens and closes the card, so a link
// there would be a trap (a tap meant to open the card would leave the
// page): links, card references and images are refused, each with a message
// that says where they go instead. A URL written as text (www.example.com,
// <https://example.com>) stays text: nothing of it is lost.

// label builds a card's label.
func (b *builder) label(l *CardLabel) []content.Inline {
	b.inLabel = true
	defer func() { b.inLabel = false }()
	return b.inlines(l)
}

// labelInline builds what a label holds differently from a paragraph; ok is
// false for anything else.
func (b *builder) labelInline(n ast.Node) (runs []content.Inline, ok bool) {
	switch n := n.(type) {
	case *ast.Link:
		if strings.HasPrefix(destination(n.Destination), "#") {
			b.problemNode(n, "a card's title cannot refer to a card or heading: a tap on the title opens or closes its card; make the reference in the card's text")
		} else {
			b.problemNode(n, "a card's title cannot hold a link: a tap on the title opens or closes its card; put the link in the card's text")
		}
		// Its text, so that the title reads on in further messages.
		return b.inlines(n), true
	case *ast.AutoLink:
		b.typo.word()
		return []content.Inline{{Kind: content.InlineText, Text: string(n.Label(b.src))}}, true
	case *ast.Image:
		b.problemNode(n, "a card's title cannot hold an image: put the picture in the card's text")
		return nil, true
	}
	return nil, false
}

// title is a card's title made from its label: the plain text (for the
// page's <title>, share texts and embeds' names) and, if the label holds
// more than text, its inline content.
func title(label []content.Inline) (string, []content.Inline) {
	if len(label) == 1 && label[0].Kind == content.InlineText {
		return oneLine(label[0].Text), nil
	}
	plain := oneLine(content.PlainText(label))
	for _, r := range label {
		if r.Kind != content.InlineText {
			return plain, label
		}
	}
	return plain, nil
}
