package app

import (
	"time"

	"backstory/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// IndexView lists articles, newest first.
type IndexView struct {
	app.Compo

	// Articles are the articles to list, in order.
	Articles []content.Summary
}

// Render renders the list.
func (v *IndexView) Render() app.UI {
	items := make([]app.UI, len(v.Articles))
	for i, a := range v.Articles {
		items[i] = articleSummary(a)
	}
	return el("div", attrs{"class", "index"},
		textEl("h1", "index-title", "Articles"),
		el("ol", attrs{"class", "article-list"}, items...),
	)
}

func articleSummary(a content.Summary) app.UI {
	body := []app.UI{el("h2", attrs{"class", "summary-title"}, el("a", attrs{"href", ArticlePath(a.Slug)}, text(a.Title)))}
	if a.Dek != "" {
		body = append(body, textEl("p", "dek", a.Dek))
	}
	var meta []app.UI
	if d := summaryDate(a); !d.IsZero() {
		meta = append(meta, el("time", attrs{"datetime", isoDate(d)}, text(formatDate(d))), text(" · "))
	}
	meta = append(meta, textEl("span", "", readingTime(a.ReadingMinutes)))
	body = append(body, el("p", attrs{"class", "meta"}, meta...))
	return el("li", attrs{"lang", a.Lang, "dir", a.Dir}, el("article", attrs{"class", "summary"}, body...))
}

// summaryDate is the date a reader is shown: the last update, or else the
// publication.
func summaryDate(a content.Summary) time.Time {
	if !a.Updated.IsZero() {
		return a.Updated
	}
	return a.Published
}
