package app

import (
	"cmp"
	"strings"

	"backstory/content"
	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cardRenderer renders one kind of card: its body, and the key of what
// the Share button says.
type cardRenderer struct {
	body  func(r *renderer, c content.Card) app.UI
	share string
}

// cardRendererOf is the renderer of a kind of card: each of
// content.CardKinds has one (a test checks it).
func cardRendererOf(k content.CardKind) (cardRenderer, bool) {
	switch k {
	case content.CardBackground:
		return cardRenderer{body: (*renderer).backgroundBody, share: "card_share_background"}, true
	case content.CardQuote:
		return cardRenderer{body: (*renderer).quoteBody, share: "card_share_quote"}, true
	case content.CardTimeline:
		return cardRenderer{body: (*renderer).timelineBody, share: "card_share_timeline"}, true
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

	summary := []app.UI{textEl("span", "card-kind", kindName(r.words, c.Kind)), text(" "), r.cardTitle(c)}
	if spec.Quoted {
		lang := r.quoteLang(c)
		summary = append(summary, text(" "), el("span", attrs{"class", "card-teaser", "lang", lang}, text(i18n.Quote(cmp.Or(lang, r.article.Lang), teaser(content.PlainText(firstText(c.Blocks)), 60)))))
	}
	// Only ever open="true": go-app writes Open(false) as open="false",
	// which a browser reads as open.
	inside := []app.UI{el("summary", attrs{"class", "card-summary"}, summary...), render.body(r, c)}
	if c.Shared {
		inside = append(inside, r.sharedNote(c))
	}
	return el("details", attrs{
		"id", c.ID,
		"class", strings.Join(append([]string{"card", "card-" + string(c.Kind)}, c.Classes...), " "),
		"data-card", string(c.Kind),
		"data-shared", sharedAttr(c),
		"open", ifTrue(r.state.open[c.ID]),
	}, inside...).On("toggle", r.onToggle, app.EventScope(c.ID))
}

// sharedAttr is a card's data-shared: "yes" for a shared card. (go-app
// writes a value "true" as a bare attribute on the server, not in the
// browser.)
func sharedAttr(c content.Card) string {
	if c.Shared {
		return "yes"
	}
	return ""
}

// sharedNote is what a shared card adds below its body: when it was
// updated, if after the article's publication, and a link to its page,
// where every story that uses it is listed.
func (r *renderer) sharedNote(c content.Card) app.UI {
	var note []app.UI
	if !c.Updated.IsZero() && c.Updated.After(r.article.Published) {
		note = append(note, el("span", attrs{"class", "card-updated"}, phrase(r.words, "card_updated", "date", dateEl(r.words, c.Updated))...), text(" · "))
	}
	note = append(note, el("a", append(r.linkAttrs(CardPath(c.ID), ""), "class", "card-more"), text(r.words.T("card_more"))))
	return el("p", attrs{"class", "card-shared"}, note...)
}

// cardTitle is the card's name in its summary: the title's inline content
// when it has formatting (emphasis, code…), else the title, or a quote's
// speaker, as text.
func (r *renderer) cardTitle(c content.Card) app.UI {
	if len(c.TitleText) == 0 {
		return textEl("span", "card-title", c.Label())
	}
	return el("span", attrs{"class", "card-title"}, r.inlines(c.TitleText)...)
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
	if !r.embedded && !r.bare {
		body = append(body, r.cardActions(c))
	}
	return el("div", attrs{"class", "card-body"}, body...)
}

// cardActions are a card's buttons: share it, and, in the article, copy
// the code that embeds it on another site. They need the wasm.
func (r *renderer) cardActions(c content.Card) app.UI {
	buttons := []app.UI{el("button", attrs{"type", "button", "class", "card-share", "data-share", c.ID}, text(r.words.T(shareKey(c.Kind))))}
	if !r.embedded {
		buttons = append(buttons, el("button", attrs{"type", "button", "class", "card-embed", "data-embed-card", c.ID}, text(r.words.T("card_embed"))))
	}
	buttons = append(buttons, el("span", attrs{"class", "card-note", "role", "status"}, text(r.notes[c.ID])))
	return el("div", attrs{"class", "card-actions needs-wasm"}, buttons...)
}

// shareKey is the key of what a card's Share button says.
func shareKey(k content.CardKind) string {
	render, _ := cardRendererOf(k)
	return render.share
}

// quoteLang is the language of a quote's words, when not the article's.
func (r *renderer) quoteLang(c content.Card) string {
	if c.Lang != r.article.Lang {
		return c.Lang
	}
	return ""
}

func (r *renderer) quoteBody(c content.Card) app.UI {
	lang := r.quoteLang(c)
	credit := []app.UI{textEl("span", "quote-by", c.By)}
	if c.Role != "" {
		credit = append(credit, text(", "), textEl("span", "quote-role", c.Role))
	}
	var where []app.UI
	switch {
	case c.URL != "":
		where = append(where, el("a", append(r.linkAttrs(c.URL, ""), "class", "quote-source"), text(orDefault(c.Source, r.words.T("card_source")))))
	case c.Source != "":
		where = append(where, textEl("span", "quote-source", c.Source))
	}
	if !c.Date.IsZero() {
		if len(where) > 0 {
			where = append(where, text(", "))
		}
		where = append(where, dateEl(r.words, c.Date))
	}
	if len(where) > 0 {
		credit = append(credit, el("span", attrs{"class", "quote-where"}, where...))
	}
	body := []app.UI{el("figure", attrs{"class", "quote"},
		el("blockquote", attrs{"cite", c.URL, "lang", lang}, r.blocks(c.Blocks, false)...),
		el("figcaption", attrs{"class", "quote-credit"}, credit...),
	)}
	if !r.bare {
		body = append(body, r.cardActions(c))
	}
	return el("div", attrs{"class", "card-body"}, body...)
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
