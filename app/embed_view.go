package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedView is an article embedded in another site's page: the article and
// its cards, without the site's header and footer, and a link to the full
// article, where installing and offline reading live.
func embedView(d PageData) app.UI {
	opts := EmbedOptions{}
	if d.Embed != nil {
		opts = *d.Embed
	}
	return el("div", attrs{"class", "embed"},
		&ArticleView{Article: d.Article, OpenCards: opts.OpenCards, Embedded: true, ImageSizes: d.ImageSizes, Prefix: d.Site.Prefix},
		el("p", attrs{"class", "embed-footer"},
			el("a", attrs{"class", "embed-open", "href", d.Site.Prefix.URL(ArticlePath(d.Article.Slug)), "target", "_blank", "rel", "noopener"}, text("Open full article")),
			text(" · "+SiteName),
		),
	)
}
