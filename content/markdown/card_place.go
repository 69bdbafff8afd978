package markdown

import (
	"fmt"

	"backstory/content"
)

// placeDirective is the leaf directive that places a shared card.
const placeDirective = "card"

// placedCard checks a leaf directive, "::card{#id}", and places the shared
// card of that id: the article gets the card as its id alone, which
// content.Entry.Resolve replaces by the card once the shared cards are
// known.
func (b *builder) placedCard(n *Card, depth int) (content.Block, bool) {
	if n.Name != placeDirective {
		b.problem(n.Offset, fmt.Sprintf("unknown directive \"::%s\": a line \"::card{#id}\" places the shared card cards/id.md, and a card of the article opens with %s", n.Name, cardKindList()))
		return content.Block{}, false
	}
	if depth > 0 {
		b.problem(n.Offset, "a card must stand on its own, not inside a list or block quote")
	}
	if n.Label() != nil {
		b.problem(n.Offset, "::card takes no [label]: the shared card has its own title")
	}
	card := content.Card{ID: b.cardIDs[n], Shared: true}
	for _, a := range n.Attrs {
		switch a.Key {
		case "id":
		case "class":
			b.cardClasses(&card, a)
		default:
			b.problem(a.Offset, fmt.Sprintf("::card has no attribute %q: it takes the card's id and classes, as in ::card{#wang-yi .pull}", a.Key))
		}
	}
	if card.ID == "" {
		b.problem(n.Offset, "::card needs the id of a shared card, as in ::card{#wang-yi} for cards/wang-yi.md")
		return content.Block{}, false
	}
	b.article.Cards = append(b.article.Cards, card)
	line, col := b.lineCol(n.Offset)
	b.article.Sites = append(b.article.Sites, content.CardSite{ID: card.ID, Line: line, Col: col, Placed: true})
	return content.Block{Kind: content.BlockCard, ID: card.ID}, true
}
