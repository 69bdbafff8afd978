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
	// The punctuation of a text is set across its runs: the quote that
	// closes "*progress*" follows the emphasis.
	if b.inlineDepth == 0 {
		b.typo = b.typo.fresh()
	}
	b.inlineDepth++
	defer func() { b.inlineDepth-- }()
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
				b.typo.lineBreak()
			}
		case *ast.String:
			text = b.typo.appendLiteral(text, n.Value)
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
// character references resolved, the language's punctuation set, a soft
// line break as a space.
func (b *builder) appendText(dst []byte, n *ast.Text) []byte {
	v := n.Segment.Value(b.src)
	if n.IsRaw() {
		dst = b.typo.appendLiteral(dst, v)
	} else {
		after := classSpace
		if last := len(v) - 1; last >= 0 && (v[last] == '"' || v[last] == '\'') && !n.SoftLineBreak() && !n.HardLineBreak() {
			after = b.classAfter(n)
		}
		dst = b.typo.appendText(dst, v, true, after)
	}
	if n.SoftLineBreak() && !n.HardLineBreak() {
		dst = b.typo.appendSpace(dst)
	}
	return dst
}

// classAfter is the class of the first character a reader sees after the
// inline node n in its text: a quote mark that ends n's text opens or
// closes by it.
func (b *builder) classAfter(n ast.Node) charClass {
	for ; n != nil && n.Type() == ast.TypeInline && n.Kind() != ast.KindImage; n = n.Parent() {
		for s := n.NextSibling(); s != nil; s = s.NextSibling() {
			if c, ok := b.classAt(s); ok {
				return c
			}
		}
	}
	return classSpace // the end of the text, or of an image's description
}

// classAt is the class of the first character a reader sees of the inline
// node n; ok is false if n shows nothing.
func (b *builder) classAt(n ast.Node) (c charClass, ok bool) {
	switch n := n.(type) {
	case *ast.Text:
		if v := n.Segment.Value(b.src); len(v) > 0 {
			return b.typo.classAt(v, 0, classSpace), true
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			return classSpace, true
		}
		return c, false
	case *ast.String:
		if len(n.Value) > 0 {
			return b.typo.classAt(n.Value, 0, classSpace), true
		}
		return c, false
	case *ast.Emphasis, *extast.Strikethrough, *ast.Link:
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			if c, ok := b.classAt(k); ok {
				return c, true
			}
		}
		return c, false
	}
	return classWord, true // a code span, an image, an autolink
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
		b.typo.word()
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
		// The description is a text of its own, in the text around it.
		around := b.typo
		b.typo = b.typo.fresh()
		alt := oneLine(content.PlainText(b.inlines(n)))
		b.typo = around
		b.typo.word()
		if alt == "" {
			b.problemNode(n, "an image needs a description for readers who cannot see it: ![what the picture shows](url)")
		}
		return content.Inline{Kind: content.InlineImage, URL: url, Text: alt, Title: oneLine(b.typo.title(n.Title))}, true
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
	return content.Inline{Kind: content.InlineLink, URL: url, Title: oneLine(b.typo.title(n.Title)), Children: children}
}

func (b *builder) autoLink(n *ast.AutoLink) content.Inline {
	raw := string(n.URL(b.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(raw), "mailto:") {
		raw = "mailto:" + raw
	}
	url := b.checkURL(raw, b.posOf(n), "link", linkURL)
	label := string(n.Label(b.src))
	b.typo.word()
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
