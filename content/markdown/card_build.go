package markdown

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"backstory/content"
)

// cardBlock checks a card node, adds the card to the article and returns the
// block that places it in the body.
func (b *builder) cardBlock(n *Card, depth int) (content.Block, bool) {
	if n.Name == "" {
		b.problem(n.Offset, "this \":::\" closes no card")
		return content.Block{}, false
	}
	if !n.Closed {
		b.problem(n.Offset, "the card opened here is never closed: end it with a line \":::\"")
	}
	if n.Syntax != "" {
		b.problem(n.SyntaxOffset, n.Syntax)
	}
	if n.Leaf {
		return b.placedCard(n, depth)
	}
	for _, o := range n.Nested {
		b.problem(o, "a card cannot contain another card: close the first card with \":::\" before opening the next")
	}
	if depth > 0 {
		b.problem(n.Offset, "a card must stand on its own, not inside a list or block quote")
	}
	kind := content.CardKind(n.Name)
	spec, known := content.LookupCardKind(kind)
	keys := spec.Attrs
	if !known {
		b.problem(n.Offset, fmt.Sprintf("unknown card kind %q: use %s", n.Name, cardKindList()))
	}
	card := content.Card{ID: b.cardIDs[n], Kind: kind}
	card.Title, card.TitleText = title(b.labels[n])
	seen := map[string]bool{}
	for _, a := range n.Attrs {
		switch {
		case a.Key == "class":
			// Any kind takes classes, {.pull} or class="pull wide": hooks
			// for a publisher's styles.
			b.cardClasses(&card, a)
			continue
		case known && !slices.Contains(keys, a.Key):
			b.problem(a.Offset, fmt.Sprintf("a %s card has no attribute %q (it takes %s)", kind, a.Key, strings.Join(keys, ", ")))
		case seen[a.Key]:
			b.problem(a.Offset, fmt.Sprintf("attribute %q is given twice", a.Key))
		default:
			b.cardAttr(&card, a)
		}
		seen[a.Key] = true
	}
	if known {
		if lack := spec.Lacks(&card); lack != "" {
			b.problem(n.Offset, lack)
		}
	}
	if spec.Quoted && card.Lang != "" {
		// The words of a quotation in another language.
		around := b.typo
		b.typo = newTypographer(card.Lang)
		defer func() { b.typo = around }()
	}
	if spec.Events {
		card.Events = b.timeline(n, depth+1)
	} else {
		card.Blocks = b.blocks(n, depth+1)
		if len(card.Blocks) == 0 && n.Closed {
			b.problem(n.Offset, "the card is empty: write its text between the opening line and \":::\"")
		}
	}
	b.article.Cards = append(b.article.Cards, card)
	line, col := b.lineCol(n.Offset)
	b.article.Sites = append(b.article.Sites, content.CardSite{ID: card.ID, Line: line, Col: col})
	return content.Block{Kind: content.BlockCard, ID: card.ID}, true
}

// cardClass is a class a card may carry: letters, digits and hyphens,
// from a letter.
var cardClass = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// cardClasses adds a class attribute's classes to the card.
func (b *builder) cardClasses(card *content.Card, a cardAttr) {
	for _, class := range strings.Fields(a.Value) {
		switch {
		case !cardClass.MatchString(class):
			b.problem(a.Offset, fmt.Sprintf("class %q: write a class as letters, digits and hyphens, from a letter, as in {.pull}", class))
		case class == "card" || strings.HasPrefix(class, "card-"):
			b.problem(a.Offset, fmt.Sprintf("class %q is backstory's own: choose another name, as in {.pull}", class))
		case !slices.Contains(card.Classes, class):
			card.Classes = append(card.Classes, class)
		}
	}
}

// cardKindList names the card kinds as an author writes them:
// ":::background or :::quote".
func cardKindList() string {
	var names []string
	for _, s := range content.CardKinds {
		names = append(names, ":::"+string(s.Kind))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func (b *builder) cardAttr(card *content.Card, a cardAttr) {
	v := oneLine(a.Value)
	switch a.Key {
	case "by":
		card.By = b.typo.text(v)
	case "role":
		card.Role = b.typo.text(v)
	case "source":
		card.Source = b.typo.text(v)
	case "url":
		card.URL = b.checkURL(v, a.Offset, "quote source", absoluteOnly)
	case "date":
		t, err := parseDate(v)
		if err != nil {
			b.problem(a.Offset, fmt.Sprintf("date: %v", err))
		}
		card.Date = t
	case "lang":
		if !langPattern.MatchString(v) {
			b.problem(a.Offset, fmt.Sprintf("lang %q is not a language tag such as en, zh or pt-BR", v))
		}
		card.Lang = v
	}
}
