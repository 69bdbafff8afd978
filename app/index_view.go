package app

import (
	"time"

	"backstory/content"
	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// IndexView lists articles, newest first.
type IndexView struct {
	app.Compo

	// Articles are the articles to list, in order.
	Articles []content.Summary
	// Pagination is the list's place in the index; nil for one page.
	Pagination *Pagination
	// Prefix is the site's.
	Prefix Prefix
	// Words are the page's: the site's language's.
	Words i18n.Words

	saved   map[string]bool // article paths saved for offline reading
	release func()
}

// OnMount finds which articles are saved for offline reading, and finds
// again whenever the service worker saves more or the connection changes.
func (v *IndexView) OnMount(ctx app.Context) {
	v.checkSaved(ctx)
	v.release = onWindowEvents([]string{"backstory:cached", "online", "offline"}, func(string) {
		ctx.Dispatch(v.checkSaved)
	})
}

// OnUpdate checks again for a new list.
func (v *IndexView) OnUpdate(ctx app.Context) { v.checkSaved(ctx) }

// OnDismount stops listening.
func (v *IndexView) OnDismount() {
	if v.release != nil {
		v.release()
	}
}

func (v *IndexView) checkSaved(ctx app.Context) {
	paths := make([]string, len(v.Articles))
	for i, a := range v.Articles {
		paths[i] = v.Prefix.URL(ArticlePath(a.Slug))
	}
	savedOffline(paths, func(saved map[string]bool) {
		ctx.Dispatch(func(app.Context) { v.saved = saved })
	})
}

// Render renders the list.
func (v *IndexView) Render() app.UI {
	items := make([]app.UI, len(v.Articles))
	for i, a := range v.Articles {
		saved, known := v.saved[v.Prefix.URL(ArticlePath(a.Slug))]
		items[i] = articleSummary(v.Words, v.Prefix, a, known, saved)
	}
	body := []app.UI{
		textEl("h1", "index-title", v.Words.T("site_articles")),
		el("ol", attrs{"class", "article-list"}, items...),
	}
	if p := v.Pagination; p != nil && p.Pages > 1 {
		body = append(body, pagination(v.Words, v.Prefix, *p, IndexPath, v.Words.T("pages_of_articles")))
	}
	return el("div", attrs{"class", "index"}, body...)
}

// pagination links a page of a list (the index's, a card's stories) to its
// neighbours, whose paths pathOf makes; label names the list's pages.
func pagination(w i18n.Words, prefix Prefix, p Pagination, pathOf func(n int) string, label string) app.UI {
	var links []app.UI
	if p.Page > 1 {
		links = append(links, el("a", attrs{"href", prefix.URL(pathOf(p.Page - 1)), "rel", "prev"}, text(w.T("pages_newer"))))
	}
	links = append(links, textEl("span", "pagination-place", w.T("pages_place", "page", w.Number(p.Page), "pages", w.Number(p.Pages))))
	if p.Page < p.Pages {
		links = append(links, el("a", attrs{"href", prefix.URL(pathOf(p.Page + 1)), "rel", "next"}, text(w.T("pages_older"))))
	}
	return el("nav", attrs{"class", "pagination", "aria-label", label}, links...)
}

// articleSummary renders an article in the list: its title and dek in its
// language, what the list adds in the list's (w). Once the wasm knows
// (known), data-offline says whether the article is saved on the device; CSS
// shows it.
func articleSummary(w i18n.Words, prefix Prefix, a content.Summary, known, saved bool) app.UI {
	lang, dir := "", ""
	if a.Lang != w.Lang {
		lang, dir = a.Lang, a.Dir
	}
	body := []app.UI{el("h2", attrs{"class", "summary-title", "lang", lang, "dir", dir}, el("a", attrs{"href", prefix.URL(ArticlePath(a.Slug))}, text(a.Title)))}
	if a.Dek != "" {
		body = append(body, el("p", attrs{"class", "dek", "lang", lang, "dir", dir}, text(a.Dek)))
	}
	var meta []app.UI
	if d := summaryDate(a); !d.IsZero() {
		meta = append(meta, dateEl(w, d), text(" · "))
	}
	meta = append(meta, textEl("span", "", readingTime(w, a.ReadingMinutes)))
	offline := ""
	if known {
		offline = "no"
		if saved {
			offline = "yes"
		}
	}
	body = append(body, el("p", attrs{"class", "meta", "data-offline", offline}, meta...))
	if len(a.Translations) > 0 {
		body = append(body, el("p", attrs{"class", "translations"}, translationLinks(w, prefix, a.Translations)...))
	}
	return el("li", nil, el("article", attrs{"class", "summary"}, body...))
}

// summaryDate is the date a reader is shown: the last update, or else the
// publication.
func summaryDate(a content.Summary) time.Time {
	if !a.Updated.IsZero() {
		return a.Updated
	}
	return a.Published
}
