package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"backstory/content"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// inlines builds the inline content of a block. Text from consecutive text
// nodes (goldmark splits text at every line end and escape) is gathered into
// a single run.
func (b *builder) inlines(parent ast.Node) []content.Inline {
	// The runs are gathered on the builder's stack, above those of the
	// blocks that contain this one (emphasis in a link), and copied off it
	// at the end: merged, they are far fewer than goldmark's nodes, and
	// articles stay in memory while served.
	base := len(b.runs)
	defer func() { b.runs = b.runs[:base] }()
	// Text is gathered in the builder's buffer, which nested inlines
	// share: it is empty whenever one is built, since the text before it
	// is flushed first, and it comes back, grown perhaps, in b.text.
	text := b.text[:0]
	defer func() { b.text = text[:0] }()
	flush := func() {
		if len(text) > 0 {
			b.runs = append(b.runs, content.Inline{Kind: content.InlineText, Text: string(text)})
			text = text[:0]
		}
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			text = b.appendText(text, n)
			if n.HardLineBreak() {
				flush()
				b.runs = append(b.runs, content.Inline{Kind: content.InlineLineBreak})
			}
		case *ast.String:
			text = append(text, n.Value...)
		default:
			flush()
			b.text = text
			if runs, ok := b.labelRuns(n); ok {
				b.runs = append(b.runs, runs...)
			} else if run, ok := b.inline(n); ok {
				b.runs = append(b.runs, run)
			}
			text = b.text[:0]
		}
	}
	// A line end before the end of the block leaves no space behind.
	text = bytes.TrimRight(text, " \t")
	flush()
	if len(b.runs) == base {
		return nil
	}
	out := make([]content.Inline, len(b.runs)-base)
	copy(out, b.runs[base:])
	return out
}

// appendText appends what a reader sees of a text node: escapes and
// character references resolved, a soft line break as a space.
func (b *builder) appendText(dst []byte, n *ast.Text) []byte {
	v := n.Segment.Value(b.src)
	if n.IsRaw() {
		dst = append(dst, v...)
	} else {
		dst = appendUnescaped(dst, v)
	}
	if n.SoftLineBreak() && !n.HardLineBreak() {
		dst = append(dst, ' ')
	}
	return dst
}

// labelRuns builds what a card's label makes of an inline node that a
// title cannot hold (a link, an image), when building a label.
func (b *builder) labelRuns(n ast.Node) ([]content.Inline, bool) {
	if !b.inLabel {
		return nil, false
	}
	return b.labelInline(n)
}

// inline builds an inline node other than text, or reports it and returns
// false.
func (b *builder) inline(n ast.Node) (content.Inline, bool) {
	switch n := n.(type) {
	case *ast.CodeSpan:
		var code strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				code.WriteString(strings.ReplaceAll(string(t.Segment.Value(b.src)), "\n", " "))
			}
		}
		return content.Inline{Kind: content.InlineCode, Text: code.String()}, true
	case *ast.Emphasis:
		kind := content.InlineEmphasis
		if n.Level == 2 {
			kind = content.InlineStrong
		}
		return content.Inline{Kind: kind, Children: b.inlines(n)}, true
	case *extast.Strikethrough:
		return content.Inline{Kind: content.InlineStrike, Children: b.inlines(n)}, true
	case *ast.Link:
		return b.link(n), true
	case *ast.AutoLink:
		return b.autoLink(n), true
	case *ast.Image:
		url := b.checkURL(destination(n.Destination), b.posOf(n), "image", imageURL)
		alt := oneLine(content.PlainText(b.inlines(n)))
		if alt == "" {
			b.problemNode(n, "an image needs a description for readers who cannot see it: ![what the picture shows](url)")
		}
		return content.Inline{Kind: content.InlineImage, URL: url, Text: alt, Title: oneLine(unescape(n.Title))}, true
	case *ast.RawHTML:
		b.problemNode(n, "raw HTML is not allowed: write Markdown instead")
		return content.Inline{}, false
	}
	b.problemNode(n, fmt.Sprintf("unsupported Markdown element %s", n.Kind()))
	return content.Inline{}, false
}

// link builds a link; a link to a card's id is a card reference.
func (b *builder) link(n *ast.Link) content.Inline {
	dest := destination(n.Destination)
	children := b.inlines(n)
	if id, ok := strings.CutPrefix(dest, "#"); ok && b.isCard[id] {
		return content.Inline{Kind: content.InlineCardRef, Card: id, Children: children}
	}
	pos := b.posOf(n)
	url := b.checkURL(dest, pos, "link", linkURL)
	if id, ok := strings.CutPrefix(url, "#"); ok {
		b.anchors = append(b.anchors, anchorLink{id: id, offset: pos})
	}
	return content.Inline{Kind: content.InlineLink, URL: url, Title: oneLine(unescape(n.Title)), Children: children}
}

func (b *builder) autoLink(n *ast.AutoLink) content.Inline {
	raw := string(n.URL(b.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(raw), "mailto:") {
		raw = "mailto:" + raw
	}
	url := b.checkURL(raw, b.posOf(n), "link", linkURL)
	label := string(n.Label(b.src))
	return content.Inline{Kind: content.InlineLink, URL: url, Children: []content.Inline{{Kind: content.InlineText, Text: label}}}
}

// posOf is the byte offset where an inline node starts, as well as known.
func (b *builder) posOf(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if o := offset(p); o >= 0 {
			if p == n {
				return inlineStart(n, o)
			}
			return o
		}
	}
	return 0
}
