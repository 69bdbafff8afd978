package app

import (
	"strings"

	"backstory/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cardRenderer renders one kind of card: its body, and what the Share
// button says.
type cardRenderer struct {
	body  func(r *renderer, c content.Card) app.UI
	share string
}

// cardRendererOf is the renderer of a kind of card: each of
// content.CardKinds has one (a test checks it).
func cardRendererOf(k content.CardKind) (cardRenderer, bool) {
	switch k {
	case content.CardBackground:
		return cardRenderer{body: (*renderer).backgroundBody, share: "Share card"}, true
	case content.CardQuote:
		return cardRenderer{body: (*renderer).quoteBody, share: "Share quote"}, true
	case content.CardTimeline:
		return cardRenderer{body: (*renderer).timelineBody, share: "Share timeline"}, true
	}
	return cardRenderer{}, false
}

// card renders a card on <details>/<summary>, so that it opens and closes
// with no JavaScript at all. Markup contract (docs/MARKUP.md): the element
// has id="<card id>" and data-card="<kind>"; a quote's words are in a
// <blockquote>, its speaker in the <figcaption>; a timeline's entries are
// in an <ol class="timeline">. A kind without a renderer
// renders as nothing, never as another kind.
func (r *renderer) card(c content.Card) app.UI {
	spec, known := content.LookupCardKind(c.Kind)
	render, ok := cardRendererOf(c.Kind)
	if !known || !ok {
		return el("div", attrs{"class", "card-unknown", "hidden", "true"})
	}
	outer := r.inCard
	r.inCard = c.ID
	defer func() { r.inCard = outer }()

	summary := []app.UI{textEl("span", "card-kind", spec.Name), text(" "), textEl("span", "card-title", c.Label())}
	if spec.Quoted {
		summary = append(summary, text(" "), textEl("span", "card-teaser", "“"+teaser(content.PlainText(firstText(c.Blocks)), 60)+"”"))
	}
	// Only ever open="true": go-app writes Open(false) as open="false",
	// which a browser reads as open.
	return el("details", attrs{
		"id", c.ID,
		"class", strings.Join(append([]string{"card", "card-" + string(c.Kind)}, c.Classes...), " "),
		"data-card", string(c.Kind),
		"open", ifTrue(r.state.open[c.ID]),
	},
		el("summary", attrs{"class", "card-summary"}, summary...),
		render.body(r, c),
	).On("toggle", r.onToggle, app.EventScope(c.ID))
}

func (r *renderer) backgroundBody(c content.Card) app.UI {
	return r.plainBody(c, r.blocks(c.Blocks, false))
}

func (r *renderer) timelineBody(c content.Card) app.UI {
	return r.plainBody(c, []app.UI{r.timeline(c.Events)})
}

// plainBody is the body of a card that is not someone's words: its
// content, then, in the article (not in embeds), its actions.
func (r *renderer) plainBody(c content.Card, body []app.UI) app.UI {
	if !r.embedded {
		body = append(body, r.cardActions(c))
	}
	return el("div", attrs{"class", "card-body"}, body...)
}

// cardActions are a card's buttons: share it, and, in the article, copy
// the code that embeds it on another site. They need the wasm.
func (r *renderer) cardActions(c content.Card) app.UI {
	buttons := []app.UI{el("button", attrs{"type", "button", "class", "card-share", "data-share", c.ID}, text(shareLabel(c.Kind)))}
	if !r.embedded {
		buttons = append(buttons, el("button", attrs{"type", "button", "class", "card-embed", "data-embed-card", c.ID}, text("Embed this card")))
	}
	buttons = append(buttons, el("span", attrs{"class", "card-note", "role", "status"}, text(r.notes[c.ID])))
	return el("div", attrs{"class", "card-actions needs-wasm"}, buttons...)
}

// shareLabel is what a card's Share button says.
func shareLabel(k content.CardKind) string {
	render, _ := cardRendererOf(k)
	return render.share
}

func (r *renderer) quoteBody(c content.Card) app.UI {
	lang := ""
	if c.Lang != r.article.Lang {
		lang = c.Lang
	}
	credit := []app.UI{textEl("span", "quote-by", c.By)}
	if c.Role != "" {
		credit = append(credit, text(", "), textEl("span", "quote-role", c.Role))
	}
	var where []app.UI
	switch {
	case c.URL != "":
		where = append(where, el("a", append(r.linkAttrs(c.URL, ""), "class", "quote-source"), text(orDefault(c.Source, "Source"))))
	case c.Source != "":
		where = append(where, textEl("span", "quote-source", c.Source))
	}
	if !c.Date.IsZero() {
		if len(where) > 0 {
			where = append(where, text(", "))
		}
		where = append(where, el("time", attrs{"datetime", isoDate(c.Date)}, text(formatDate(c.Date))))
	}
	if len(where) > 0 {
		credit = append(credit, el("span", attrs{"class", "quote-where"}, where...))
	}
	return el("div", attrs{"class", "card-body"},
		el("figure", attrs{"class", "quote"},
			el("blockquote", attrs{"cite", c.URL, "lang", lang}, r.blocks(c.Blocks, false)...),
			el("figcaption", attrs{"class", "quote-credit"}, credit...),
		),
		r.cardActions(c),
	)
}

// firstText is the text of the first paragraph among blocks.
func firstText(blocks []content.Block) []content.Inline {
	for _, b := range blocks {
		if b.Kind == content.BlockParagraph {
			return b.Text
		}
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
