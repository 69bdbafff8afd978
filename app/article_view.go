package app

import (
	"backstory/content"
	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ArticleView shows an article and keeps what the reader does with its
// cards: which are open and where references have brought them.
type ArticleView struct {
	app.Compo

	// Article is the article to show.
	Article *content.Article
	// OpenCards opens every card at first (an embed's cards=open).
	OpenCards bool
	// Chrome shows the article's card tools (false in embeds).
	Chrome bool
	// Embedded opens links in a new tab: the article is in another site's
	// page.
	Embedded bool
	// ImageSizes are the sizes of images, by URL, where known.
	ImageSizes map[string]Size
	// Prefix is the site's: a link or image written as a site path
	// ("/articles/x", "/web/images/y.svg") is under it.
	Prefix Prefix
	// Card shows only the article's card of that id, with a link to it in
	// the article: a single-card embed.
	Card string
	// Words are the page's: the article's language's.
	Words i18n.Words

	shown       *content.Article // the article state belongs to
	plan        cardPlan
	state       cardState
	interactive bool
	notes       map[string]string
	focus       domFocus
}

// OnInit runs in the browser before go-app swaps the prerendered page for
// this component's DOM: it carries over the cards the reader opened and the
// element they focused before the wasm arrived.
func (v *ArticleView) OnInit() {
	v.reset()
	if app.IsClient {
		// The page's cards as the reader left them: those they closed, even
		// if the embed opened every card at first, stay closed.
		if open, cards := openCardsInDOM(); cards {
			clear(v.state.open)
			for _, id := range open {
				v.state.open[id] = true
			}
		}
		v.focus = focusInDOM()
	}
}

// OnMount restores focus, then turns on what needs the wasm.
func (v *ArticleView) OnMount(ctx app.Context) {
	v.focus.restore()
	v.interactive = true
	if id := locationHash(); id != "" {
		v.openDeepLink(ctx, id)
	}
}

// OnUpdate starts afresh when the parent shows another article.
func (v *ArticleView) OnUpdate(ctx app.Context) {
	if v.shown != v.Article {
		v.reset()
		if id := locationHash(); id != "" {
			v.openDeepLink(ctx, id)
		}
	}
}

func (v *ArticleView) reset() {
	v.shown = v.Article
	v.state = newCardState()
	v.notes = map[string]string{}
	v.plan = cardPlan{}
	if v.Article != nil {
		v.plan = newCardPlan(v.Article)
	}
	if v.OpenCards {
		v.state.setAll(v.plan, true)
	}
}

// Render renders the article. On the server no lifecycle method runs: the
// state OnInit would make is made here.
func (v *ArticleView) Render() app.UI {
	a := v.Article
	if a == nil {
		return el("article", attrs{"class", "article"})
	}
	if v.shown != a {
		v.reset()
	}
	r := &renderer{
		words:        v.Words,
		article:      a,
		plan:         v.plan,
		state:        &v.state,
		interactive:  v.interactive,
		headingShift: headingShift(a.Blocks),
		notes:        v.notes,
		imageSizes:   v.ImageSizes,
		embedded:     v.Embedded,
		prefix:       v.Prefix,
		onToggle:     v.onToggle,
	}
	if v.Card != "" {
		return v.renderCard(r)
	}
	header := []app.UI{textEl("h1", "headline", a.Title)}
	if a.Dek != "" {
		header = append(header, textEl("p", "dek", a.Dek))
	}
	header = append(header, articleMeta(v.Words, a))
	if len(a.Translations) > 0 && !v.Embedded {
		header = append(header, languageSwitcher(v.Words, v.Prefix, a.Translations))
	}
	if v.Chrome && len(v.plan.cardIDs) > 0 {
		header = append(header, cardTools(v.Words))
	}
	return el("article", attrs{"class", "article"},
		el("header", attrs{"class", "article-header"}, header...),
		el("div", attrs{"class", "article-body"}, r.body()...),
	).OnClick(v.onClick)
}

// renderCard renders the one card of a single-card embed, and where it
// comes from. A reference in it to another card leads to the article: the
// other card is not here.
func (v *ArticleView) renderCard(r *renderer) app.UI {
	a := v.Article
	c, ok := a.Card(v.Card)
	if !ok {
		return el("article", attrs{"class", "article"})
	}
	r.refsTo = v.Prefix.URL(ArticlePath(a.Slug))
	return el("article", attrs{"class", "article article-card"},
		r.card(c),
		el("p", attrs{"class", "card-from"}, phrase(v.Words, "card_from", "title",
			el("a", attrs{"href", r.refsTo + "#" + c.ID, "target", "_blank", "rel", "noopener"}, text(a.Title)),
		)...),
	).OnClick(v.onClick)
}

// body renders the article's blocks, each card at home unless a reference
// brought it into the dock after another block.
func (r *renderer) body() []app.UI {
	docked := map[string]bool{}
	for _, ids := range r.state.docks {
		for _, id := range ids {
			docked[id] = true
		}
	}
	var out []app.UI
	for i, b := range r.article.Blocks {
		r.block = i
		if b.Kind == content.BlockCard && docked[b.ID] {
			// Keep the place, so that go-app does not shift what follows.
			out = append(out, el("div", attrs{"class", "card-away"}))
		} else {
			out = append(out, r.blockUI(b))
		}
		if r.plan.docked[i] {
			out = append(out, r.dock(i))
		}
	}
	return out
}

// dock is the place after a body block where references open cards.
func (r *renderer) dock(i int) app.UI {
	var cards []app.UI
	for _, id := range r.state.docks[i] {
		if c, ok := r.article.Card(id); ok {
			r.block = r.plan.home[id]
			cards = append(cards, r.card(c))
		}
	}
	r.block = i
	return el("div", attrs{"class", "card-dock"}, cards...)
}

func articleMeta(w i18n.Words, a *content.Article) app.UI {
	var parts []app.UI
	add := func(ui app.UI) {
		if len(parts) > 0 {
			parts = append(parts, text(" · "))
		}
		parts = append(parts, ui)
	}
	if a.Byline != "" {
		add(textEl("span", "byline", a.Byline))
	}
	if d := a.Date(); !d.IsZero() {
		label := w.Date(d)
		if !a.Updated.IsZero() {
			label = w.T("article_updated", "date", label)
		}
		add(el("time", attrs{"datetime", isoDate(d)}, text(label)))
	}
	add(textEl("span", "reading-time", readingTime(w, a.ReadingMinutes())))
	return el("p", attrs{"class", "meta"}, parts...)
}

// cardTools are the buttons that open and close every card. They need the
// wasm: CSS hides them until it runs (class needs-wasm), keeping their
// space so that nothing moves when they appear.
func cardTools(w i18n.Words) app.UI {
	return el("div", attrs{"class", "card-tools needs-wasm"},
		el("button", attrs{"type", "button", "class", "tool", "data-action", "expand-all"}, text(w.T("article_expand_all"))),
		el("button", attrs{"type", "button", "class", "tool", "data-action", "collapse-all"}, text(w.T("article_collapse_all"))),
	)
}
