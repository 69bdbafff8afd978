package app

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Page is the root component of every route: the site's frame around an
// index, an article or a "not found".
type Page struct {
	app.Compo

	data    PageData
	loading bool
	failed  string
}

// NewPage returns the page for data, as the server renders it.
func NewPage(data PageData) *Page {
	return &Page{data: data}
}

// OnInit takes the data the server shipped with the page, so that the first
// render in the browser equals the prerendered page.
func (p *Page) OnInit() {
	if app.IsClient && p.data.Path == "" {
		if d, ok := inlineData(currentPath()); ok {
			p.data = d
		}
	}
}

// OnMount marks the hand-over done once the first render is in place.
func (p *Page) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { markWasmReady() })
}

// OnNav loads the data of a page the reader navigated to in the browser.
func (p *Page) OnNav(ctx app.Context) {
	path := currentPath()
	if p.data.Path == path {
		return
	}
	p.load(ctx, path)
}

func (p *Page) load(ctx app.Context, path string) {
	api := apiPath(path)
	if api == "" {
		p.show(ctx, PageData{Path: path, Kind: KindNotFound})
		return
	}
	p.loading, p.failed = true, ""
	fetchText(api, func(status int, body string) {
		ctx.Dispatch(func(ctx app.Context) {
			p.loading = false
			d, err := pageFromAPI(path, status, body)
			if err != nil {
				p.failed = "This page could not be loaded. Check your connection and try again."
				return
			}
			p.show(ctx, d)
		})
	})
}

func (p *Page) show(ctx app.Context, d PageData) {
	p.data = d
	ctx.Page().SetTitle("%s", d.Title())
	setDocumentLanguage(d.Lang(), d.Dir())
	if locationHash() == "" {
		safely(func() { app.Window().Call("scrollTo", 0, 0) })
	}
}

// apiPath is the JSON behind a page's path, or "" for a page that has none.
func apiPath(path string) string {
	if n, ok := IndexPage(path); ok {
		return APIIndexPath(n)
	}
	if slug, ok := ArticleSlug(path); ok {
		return APIArticlePath(slug)
	}
	return ""
}

// pageFromAPI makes the page data of path from the API's answer.
func pageFromAPI(path string, status int, body string) (PageData, error) {
	d := PageData{Path: path}
	switch {
	case status == http.StatusNotFound:
		d.Kind = KindNotFound
		return d, nil
	case status != http.StatusOK:
		return PageData{}, fmt.Errorf("the API answered %d", status)
	}
	if _, ok := IndexPage(path); ok {
		var page IndexPageData
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			return PageData{}, err
		}
		d.Kind, d.Index, d.Pagination = KindIndex, page.Articles, &page.Pagination
		return d, nil
	}
	d.Kind = KindArticle
	return d, json.Unmarshal([]byte(body), &d.Article)
}

// Render renders the site's frame around the page's content, or an
// embedded article without it.
func (p *Page) Render() app.UI {
	if p.data.Kind == KindEmbed {
		return embedView(p.data)
	}
	var main app.UI
	switch p.data.Kind {
	case KindArticle:
		main = &ArticleView{Article: p.data.Article, Chrome: true, ImageSizes: p.data.ImageSizes}
	case KindIndex:
		main = &IndexView{Articles: p.data.Index, Pagination: p.data.Pagination}
	case KindOffline:
		main = offline()
	default:
		main = notFound()
	}
	class := "page"
	if p.loading {
		class += " is-loading"
	}
	body := []app.UI{&SiteHeader{}}
	if p.failed != "" {
		body = append(body, el("p", attrs{"class", "banner banner-error", "role", "alert"}, text(p.failed)))
	}
	body = append(body,
		el("main", attrs{"id", "main", "class", "main"}, main),
		el("footer", attrs{"class", "site-footer"},
			el("p", nil, el("a", attrs{"href", PathIndex}, text(SiteName)), text(" · "+SiteTagline)),
		),
		&StatusBar{},
	)
	return el("div", attrs{"class", class}, body...)
}

func offline() app.UI {
	return el("div", attrs{"class", "not-found"},
		textEl("h1", "headline", "You are offline"),
		el("p", nil, text("This page was not saved for reading offline. "), el("a", attrs{"href", PathIndex}, text("The articles saved on this device")), text(" still open.")),
	)
}

func notFound() app.UI {
	return el("div", attrs{"class", "not-found"},
		textEl("h1", "headline", "Page not found"),
		el("p", nil, text("There is no page here. "), el("a", attrs{"href", PathIndex}, text("See all articles")), text(".")),
	)
}
