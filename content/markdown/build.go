package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"backstory/content"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// builder turns a goldmark document into a content.Article, collecting every
// problem it finds on the way.
type builder struct {
	file        string
	src         []byte
	lineStarts  []int // made on the first problem
	article     *content.Article
	problems    content.Problems
	text        []byte           // scratch for inline text
	runs        []content.Inline // a stack of inline runs being built
	typo        typographer      // sets the text's punctuation (typography.go)
	inlineDepth int              // how deep inlines is: 0 outside any text

	cardIDs map[*Card]string
	labels  map[*Card][]content.Inline // the cards' labels, built
	inLabel bool                       // building a label
	isCard  map[string]bool            // the cards' ids
	ids     map[string]bool            // the cards' and the headings' ids
	anchors []anchorLink
}

// anchorLink is an in-page link to an id that is neither a card nor (yet) a
// known heading; it is checked once every heading has its id.
type anchorLink struct {
	id     string
	offset int
}

// newBuilder returns a builder for the source of file, whose text is in
// lang until told otherwise.
func newBuilder(file string, src []byte, lang string) *builder {
	return &builder{
		file:    file,
		src:     src,
		typo:    newTypographer(lang),
		article: &content.Article{},
		cardIDs: map[*Card]string{},
		labels:  map[*Card][]content.Inline{},
		isCard:  map[string]bool{},
		ids:     map[string]bool{},
	}
}

func (b *builder) problemAt(line, col int, msg string) {
	b.problems = append(b.problems, content.Problem{File: b.file, Line: line, Col: col, Message: msg})
}

// problem reports msg at a byte offset of the source.
func (b *builder) problem(offset int, msg string) {
	line, col := b.lineCol(offset)
	b.problemAt(line, col, msg)
}

// lineCol converts a byte offset to a line and a column counted in
// characters, both from 1.
func (b *builder) lineCol(offset int) (int, int) {
	if b.lineStarts == nil {
		b.lineStarts = []int{0}
		for i, c := range b.src {
			if c == '\n' {
				b.lineStarts = append(b.lineStarts, i+1)
			}
		}
	}
	offset = min(max(offset, 0), len(b.src))
	i := sort.Search(len(b.lineStarts), func(i int) bool { return b.lineStarts[i] > offset }) - 1
	return i + 1, utf8.RuneCount(b.src[b.lineStarts[i]:offset]) + 1
}

// offset returns where a node starts in the source, or -1 if it has no text
// of its own anywhere below it.
func offset(n ast.Node) int {
	switch n := n.(type) {
	case *Card:
		return n.Offset
	case *ast.Text:
		return n.Segment.Start
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start
		}
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if o := offset(c); o >= 0 {
			return o
		}
	}
	return -1
}

// problemNode reports msg where node n starts, or failing that where its
// nearest ancestor with a position starts.
func (b *builder) problemNode(n ast.Node, msg string) {
	b.problem(b.posOf(n), msg)
}

// inlineStart moves an inline node's offset from its first text back to the
// markup that opens it: "[" of a link, "![" of an image.
func inlineStart(n ast.Node, o int) int {
	switch n.Kind() {
	case ast.KindLink:
		return o - 1
	case ast.KindImage:
		return o - 2
	}
	return o
}

// assignCardIDs gives every card its id before the body is built, so that
// headings and references can be checked against them. Explicit ids come
// first; duplicates are problems. A card without an id gets one derived from
// its title or speaker and first words; so the cards' labels are built here
// too.
func (b *builder) assignCardIDs(doc ast.Node) {
	var room [32]*Card
	cards := appendCards(room[:0], doc)
	if len(cards) > 0 {
		b.article.Cards = make([]content.Card, 0, len(cards))
	}
	for _, c := range cards {
		if l := c.Label(); l != nil {
			b.labels[c] = b.label(l)
		}
	}
	for _, c := range cards {
		for _, a := range c.Attrs {
			if a.Key != "id" {
				continue
			}
			if b.isCard[a.Value] {
				b.problem(a.Offset, fmt.Sprintf("duplicate card id %q: each card needs its own id", a.Value))
			}
			b.isCard[a.Value] = true
			b.ids[a.Value] = true
			b.cardIDs[c] = a.Value
			break
		}
	}
	for _, c := range cards {
		if _, ok := b.cardIDs[c]; ok || c.Leaf {
			continue // a placed card names its id, or is a problem
		}
		id := b.unique(derivedCardID(c, content.PlainText(b.labels[c]), b.src), b.ids)
		b.isCard[id] = true
		b.ids[id] = true
		b.cardIDs[c] = id
	}
}

// appendCards appends the cards below n, in document order. Cards are
// blocks: it goes down blocks only, not into the inline content of each
// paragraph, which is most of the tree.
func appendCards(cards []*Card, n ast.Node) []*Card {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeBlock {
			continue
		}
		if card, ok := c.(*Card); ok && card.Name != "" {
			cards = append(cards, card)
		}
		cards = appendCards(cards, c)
	}
	return cards
}

// derivedCardID is the id of a card written without one: the slug of its
// title (the label's text), or of a quote's speaker and first words.
func derivedCardID(c *Card, title string, src []byte) string {
	base := title
	if spec, _ := content.LookupCardKind(content.CardKind(c.Name)); spec.Quoted {
		for _, a := range c.Attrs {
			if a.Key == "by" {
				base = a.Value
			}
		}
		words := strings.Fields(plainBlockText(c, src))
		base += " " + strings.Join(words[:min(len(words), 4)], " ")
	}
	if id := Slugify(base); id != "" {
		return id
	}
	return "card"
}

// unique returns id, or id-2, id-3… if taken already has it.
func (b *builder) unique(id string, taken map[string]bool) string {
	if !taken[id] {
		return id
	}
	for i := 2; ; i++ {
		if next := fmt.Sprintf("%s-%d", id, i); !taken[next] {
			return next
		}
	}
}

// plainBlockText is the raw text of the first paragraph under n.
func plainBlockText(n ast.Node, src []byte) string {
	var out []byte
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || out != nil {
			return ast.WalkSkipChildren, nil
		}
		if n.Kind() == ast.KindParagraph {
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				out = append(out, seg.Value(src)...)
			}
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return string(out)
}

// blocks builds the children of a container. depth is 0 at the top of the
// article and grows inside lists, block quotes and cards.
func (b *builder) blocks(parent ast.Node, depth int) []content.Block {
	out := make([]content.Block, 0, parent.ChildCount())
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if blk, ok := b.block(n, depth); ok {
			out = append(out, blk)
		}
	}
	return out
}

func (b *builder) block(n ast.Node, depth int) (content.Block, bool) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return paragraphBlock(b.inlines(n)), true
	case *ast.Heading:
		text := b.inlines(n)
		id := b.unique(orDefault(Slugify(content.PlainText(text)), "section"), b.ids)
		b.ids[id] = true
		return content.Block{Kind: content.BlockHeading, Level: n.Level, ID: id, Text: text}, true
	case *ast.ThematicBreak:
		return content.Block{Kind: content.BlockRule}, true
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return b.code(n), true
	case *ast.Blockquote:
		return content.Block{Kind: content.BlockQuote, Blocks: b.blocks(n, depth+1)}, true
	case *ast.List:
		return b.list(n, depth), true
	case *extast.Table:
		return b.table(n), true
	case *ast.HTMLBlock:
		b.problemNode(n, "raw HTML is not allowed: write Markdown instead (cards, links and images cover what HTML would)")
		return content.Block{}, false
	case *Card:
		return b.cardBlock(n, depth)
	case *CardLabel:
		// Built with the card's id (assignCardIDs): it is the card's title.
		return content.Block{}, false
	case *ast.LinkReferenceDefinition:
		// Not shown to readers: the links that use it carry its URL.
		return content.Block{}, false
	}
	b.problemNode(n, fmt.Sprintf("unsupported Markdown element %s", n.Kind()))
	return content.Block{}, false
}

// paragraphBlock is a paragraph of text, or a figure if the text is an
// image alone.
func paragraphBlock(text []content.Inline) content.Block {
	if len(text) == 1 && text[0].Kind == content.InlineImage {
		img := text[0]
		return content.Block{Kind: content.BlockImage, Image: &content.Image{URL: img.URL, Alt: img.Text, Title: img.Title}}
	}
	return content.Block{Kind: content.BlockParagraph, Text: text}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (b *builder) code(n ast.Node) content.Block {
	var buf bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(b.src))
	}
	blk := content.Block{Kind: content.BlockCode, Code: trimBlankLines(buf.String())}
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		blk.Lang = unescape(f.Language(b.src))
	}
	return blk
}

// trimBlankLines drops the blank lines at the start and end of a code block.
func trimBlankLines(code string) string {
	lines := strings.Split(code, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func (b *builder) list(n *ast.List, depth int) content.Block {
	blk := content.Block{Kind: content.BlockList, Ordered: n.IsOrdered(), Tight: n.IsTight}
	if blk.Ordered {
		blk.Start = n.Start
	}
	if items := n.ChildCount(); items > 0 {
		blk.Items = make([][]content.Block, 0, items)
	}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		if item.Kind() != ast.KindListItem {
			b.problemNode(item, fmt.Sprintf("unsupported Markdown element %s in a list", item.Kind()))
			continue
		}
		blk.Items = append(blk.Items, b.blocks(item, depth+1))
	}
	return blk
}

func (b *builder) table(n *extast.Table) content.Block {
	t := &content.Table{}
	if len(n.Alignments) > 0 {
		t.Align = make([]content.Align, 0, len(n.Alignments))
	}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, alignment(a))
	}
	if rows := n.ChildCount() - 1; rows > 0 { // less the header
		t.Rows = make([][][]content.Inline, 0, rows)
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]content.Inline
		if n := row.ChildCount(); n > 0 {
			cells = make([][]content.Inline, 0, n)
		}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, b.inlines(cell))
		}
		if row.Kind() == extast.KindTableHeader {
			t.Header = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	if !hasAlignment(t.Align) {
		t.Align = nil
	}
	return content.Block{Kind: content.BlockTable, Table: t}
}

func alignment(a extast.Alignment) content.Align {
	switch a {
	case extast.AlignLeft:
		return content.AlignLeft
	case extast.AlignCenter:
		return content.AlignCenter
	case extast.AlignRight:
		return content.AlignRight
	}
	return content.AlignNone
}

func hasAlignment(as []content.Align) bool {
	for _, a := range as {
		if a != content.AlignNone {
			return true
		}
	}
	return false
}

// checkAnchors reports in-page links to ids that no card or heading has.
func (b *builder) checkAnchors() {
	for _, a := range b.anchors {
		if !b.ids[a.id] {
			b.problem(a.offset, fmt.Sprintf("link to #%s, but no card or heading has the id %q", a.id, a.id))
		}
	}
}
