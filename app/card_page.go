package app

import (
	"strconv"

	"backstory/content"

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
}

// Render renders the card's page. The card shows open, as its own content:
// its kind, its name as the page's heading, its body, then its backlinks.
func (v *CardPageView) Render() app.UI {
	c := v.Card
	if c == nil {
		return el("article", attrs{"class", "card-page"})
	}
	spec, _ := content.LookupCardKind(c.Kind)
	render, ok := cardRendererOf(c.Kind)
	if !ok {
		return el("article", attrs{"class", "card-page card-unknown", "hidden", "true"})
	}
	state := newCardState()
	r := &renderer{article: &content.Article{Lang: "en"}, state: &state, prefix: v.Prefix, bare: true}
	header := []app.UI{
		textEl("p", "card-page-kind", spec.Name),
		textEl("h1", "headline", c.Label()),
	}
	if !c.Updated.IsZero() {
		header = append(header, el("p", attrs{"class", "meta"}, text("Updated "), el("time", attrs{"datetime", isoDate(c.Updated)}, text(formatDate(c.Updated)))))
	}
	items := make([]app.UI, len(v.Articles))
	for i, a := range v.Articles {
		items[i] = articleSummary(v.Prefix, a, false, false)
	}
	backlinks := []app.UI{el("h2", attrs{"id", "backlinks-title", "class", "backlinks-title"}, text("Stories with this card "), textEl("span", "backlinks-count", "("+strconv.Itoa(max(v.Total, len(v.Articles)))+")"))}
	if len(items) > 0 {
		backlinks = append(backlinks, el("ol", attrs{"class", "article-list"}, items...))
	} else {
		backlinks = append(backlinks, textEl("p", "", "No story places this card yet."))
	}
	if p := v.Pagination; p != nil && p.Pages > 1 {
		backlinks = append(backlinks, pagination(v.Prefix, *p, func(n int) string { return CardPagePath(c.ID, n) }, "Pages of stories with this card"))
	}
	return el("article", attrs{"class", "card-page card-" + string(c.Kind), "id", c.ID, "data-card", string(c.Kind)},
		el("header", attrs{"class", "article-header"}, header...),
		render.body(r, *c),
		el("section", attrs{"class", "backlinks", "aria-labelledby", "backlinks-title"}, backlinks...),
	)
}
