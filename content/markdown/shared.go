package markdown

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"backstory/content"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
	"go.yaml.in/yaml/v3"
)

// sharedCardKeys are the keys a shared card's front matter may have, besides
// the attributes of its kind.
var sharedCardKeys = []string{"kind", "title", "updated"}

// ParseCard turns the source of a shared card, the file cards/{id}.md, into
// a card: front matter with its kind, title and attributes, and its body in
// Markdown. Its id is the file's name. On failure the error is a
// content.Problems listing every problem in the file.
func (p *Parser) ParseCard(name string, src []byte) (content.Card, error) {
	b := newBuilder(name, src, p.lang)
	kindLine := 1
	card := content.Card{ID: strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), ".md")}
	if !slugPattern.MatchString(card.ID) {
		b.problemAt(1, 1, fmt.Sprintf("a shared card's file is named by its id: lowercase letters, digits and hyphens, as in %s/wang-yi.md", content.SharedCardsDir))
	}
	if len(bytes.TrimSpace(src)) == 0 {
		b.problemAt(1, 1, "the file is empty: a shared card needs front matter with its kind and title, and a body")
		return content.Card{}, b.problems
	}
	if b.checkSource(); len(b.problems) > 0 {
		return content.Card{}, b.problems
	}
	pc := parser.NewContext()
	doc := p.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	fmEnd := frontMatterEnd(src)
	switch fm := frontmatter.Get(pc); {
	case fm == nil:
		b.problemAt(1, 1, "a shared card starts with front matter: a line \"---\", a line \"kind: background\", a line \"title: …\", and a closing \"---\"")
	case fmEnd == 0:
		b.problemAt(1, 1, "the front matter opened here is never closed with a line \"---\"")
	default:
		kindLine = b.readCardFrontMatter(&card, fm.Decode, 2)
	}
	var inner []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if c, ok := n.(*Card); ok {
			b.problem(c.Offset, "a shared card cannot contain a card: write each card in its own file, and place both in the article")
			inner = append(inner, n)
		}
	}
	for _, n := range inner {
		doc.RemoveChild(doc, n)
	}
	card.Title = b.typo.text(card.Title)
	if card.Lang != "" {
		// The words of a quotation in another language.
		b.typo = newTypographer(card.Lang)
	}
	if spec, _ := content.LookupCardKind(card.Kind); spec.Events {
		if fmEnd != 0 {
			card.Events = b.timelineIn(doc, true, b.offsetOf(fmEnd, 1), 0)
		}
	} else {
		card.Blocks = b.blocks(doc, 1)
	}
	for _, a := range b.anchors {
		b.problem(a.offset, fmt.Sprintf("a shared card is shown in many articles, so it cannot link to #%s in one: link to a page, as in /cards/%s", a.id, a.id))
	}
	if len(card.Blocks) == 0 && len(card.Events) == 0 && fmEnd != 0 && len(b.problems) == 0 {
		b.problemAt(fmEnd-1, 1, "the card has no text after its front matter")
	}
	if spec, ok := content.LookupCardKind(card.Kind); ok && card.Kind != "" {
		if lack := spec.Lacks(&card); lack != "" {
			b.problemAt(kindLine, 1, lack)
		}
	}
	if len(b.problems) > 0 {
		b.problems.Sort()
		return content.Card{}, b.problems
	}
	return content.NewSharedCard(card)
}

// readCardFrontMatter fills a shared card's kind, title and attributes from
// its front matter, which starts on line firstLine of the file, and returns
// the line of its kind (1 if it has none).
func (b *builder) readCardFrontMatter(card *content.Card, decode func(any) error, firstLine int) (kindLine int) {
	var doc yaml.Node
	if err := decode(&doc); err != nil {
		b.yamlError(err, firstLine)
		return 1
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		b.problemAt(firstLine-1, 1, "the front matter must be a list of key: value lines, with at least the card's kind")
		return 1
	}
	root := doc.Content[0]
	fields := map[string]*yaml.Node{}
	var order []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		if slices.Contains(order, key.Value) {
			b.problemAt(firstLine-1+key.Line, key.Column, fmt.Sprintf("front matter key %q is given twice", key.Value))
			continue
		}
		order = append(order, key.Value)
		if value.Kind != yaml.ScalarNode {
			b.problemAt(firstLine-1+value.Line, value.Column, fmt.Sprintf("%s must be a single value, not a list or map", key.Value))
			continue
		}
		fields[key.Value] = value
	}
	kind, ok := fields["kind"]
	if !ok {
		b.problemAt(1, 1, fmt.Sprintf("the front matter needs the card's kind: add a line \"kind: …\" (%s)", kindNames()))
		return 1
	}
	spec, known := content.LookupCardKind(content.CardKind(kind.Value))
	if !known {
		b.problemAt(firstLine-1+kind.Line, kind.Column, fmt.Sprintf("unknown card kind %q: use %s", kind.Value, kindNames()))
		return 1
	}
	card.Kind = spec.Kind
	for _, key := range order {
		value := fields[key]
		if value == nil {
			continue // reported
		}
		line, col := firstLine-1+value.Line, value.Column
		v := oneLine(value.Value)
		switch {
		case key == "kind":
		case key == "title":
			card.Title = v
		case key == "updated":
			t, err := parseDate(v)
			if err != nil {
				b.problemAt(line, col, fmt.Sprintf("updated: %v", err))
			}
			card.Updated = t
		case key != "id" && slices.Contains(spec.Attrs, key):
			b.cardAttr(card, cardAttr{Key: key, Value: v, Offset: b.offsetOf(line, col)})
		default:
			known := append(slices.Clone(sharedCardKeys), spec.Attrs[1:]...)
			b.problemAt(firstLine-1+value.Line, 1, fmt.Sprintf("a shared %s card has no key %q (it takes %s)", spec.Kind, key, strings.Join(known, ", ")))
		}
	}
	return firstLine - 1 + kind.Line
}

// kindNames lists the kinds of card as a front matter names them:
// "background or quote".
func kindNames() string {
	var names []string
	for _, s := range content.CardKinds {
		names = append(names, string(s.Kind))
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// offsetOf is the byte offset of a line and column (from 1) of the source.
func (b *builder) offsetOf(line, col int) int {
	b.lineCol(0) // makes lineStarts
	if line < 1 || line > len(b.lineStarts) {
		return len(b.src)
	}
	start := b.lineStarts[line-1]
	rest := b.src[start:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return start + len(string([]rune(string(rest))[:min(col-1, len([]rune(string(rest))))]))
}
