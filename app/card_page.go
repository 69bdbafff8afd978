package app

import (
	"backstory/content"
	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CardPageView shows a shared card on a page of its own, and the articles
// that place it, newest first: everything the site says of one subject.
type CardPageView struct {
	app.Compo

	// Card is the shared card.
	Card *content.Card
	// Articles place it, newest first: those of this page, Total in all.
	Articles []content.Summary
	Total    int
	// Pagination is the page's place among the card's pages of stories;
	// nil for one page.
	Pagination *Pagination
	// Prefix is the site's.
	Prefix Prefix
	// Words are the page's: the site's language's.
	Words i18n.Words
}

// Render renders the card's page. The card shows open, as its own content:
// its kind, its name as the page's heading, its body, then its backlinks.
func (v *CardPageView) Render() app.UI {
	c := v.Card
	if c == nil {
		return el("article", attrs{"class", "card-page"})
	}
	w := v.Words
	render, ok := cardRendererOf(c.Kind)
	if !ok {
		return el("article", attrs{"class", "card-page card-unknown", "hidden", "true"})
	}
	state := newCardState()
	r := &renderer{words: w, article: &content.Article{Lang: w.Lang, Dir: w.Dir}, state: &state, prefix: v.Prefix, bare: true}
	header := []app.UI{
		textEl("p", "card-page-kind", kindName(w, c.Kind)),
		textEl("h1", "headline", c.Label()),
	}
	if !c.Updated.IsZero() {
		header = append(header, el("p", attrs{"class", "meta"}, phrase(w, "card_updated", "date", dateEl(w, c.Updated))...))
	}
	items := make([]app.UI, len(v.Articles))
	for i, a := range v.Articles {
		items[i] = articleSummary(w, v.Prefix, a, false, false)
	}
	backlinks := []app.UI{el("h2", attrs{"id", "backlinks-title", "class", "backlinks-title"}, text(w.T("card_stories")+" "), textEl("span", "backlinks-count", "("+w.Number(max(v.Total, len(v.Articles)))+")"))}
	if len(items) > 0 {
		backlinks = append(backlinks, el("ol", attrs{"class", "article-list"}, items...))
	} else {
		backlinks = append(backlinks, textEl("p", "", w.T("card_stories_none")))
	}
	if p := v.Pagination; p != nil && p.Pages > 1 {
		backlinks = append(backlinks, pagination(w, v.Prefix, *p, func(n int) string { return CardPagePath(c.ID, n) }, w.T("card_stories_pages")))
	}
	return el("article", attrs{"class", "card-page card-" + string(c.Kind), "id", c.ID, "data-card", string(c.Kind)},
		el("header", attrs{"class", "article-header"}, header...),
		render.body(r, *c),
		el("section", attrs{"class", "backlinks", "aria-labelledby", "backlinks-title"}, backlinks...),
	)
}
