package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedView is an article embedded in another site's page: the article and
// its cards, without the site's header and footer, and a link to the full
// article, where installing and offline reading live; or one card of it.
func embedView(d PageData) app.UI {
	opts := EmbedOptions{}
	if d.Embed != nil {
		opts = *d.Embed
	}
	w := d.Words
	if d.Card != "" {
		return el("div", attrs{"class", "embed embed-card"},
			&ArticleView{Article: d.Article, Card: d.Card, OpenCards: opts.OpenCards, Embedded: true, ImageSizes: d.ImageSizes, Prefix: d.Site.Prefix, Words: w},
		)
	}
	full := d.Site.Prefix.URL(ArticlePath(d.Article.Slug))
	return el("div", attrs{"class", "embed"},
		&ArticleView{Article: d.Article, OpenCards: opts.OpenCards, Embedded: true, ImageSizes: d.ImageSizes, Prefix: d.Site.Prefix, Words: w},
		// "Continue reading" shows when the embed fits a height limit
		// (web/static/frame.js), and shows only part of the article.
		el("p", attrs{"class", "embed-footer"},
			el("a", attrs{"class", "embed-continue", "href", full, "target", "_blank", "rel", "noopener"}, text(w.T("embed_continue"))),
			el("a", attrs{"class", "embed-open", "href", full, "target", "_blank", "rel", "noopener"}, text(w.T("embed_open"))),
			text(" · "+d.Site.Name),
		),
	)
}
