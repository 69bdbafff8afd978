package app

import (
	"encoding/json"
	"fmt"
	"net/http"

	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Page is the root component of every route: the site's frame around an
// index, an article or a "not found".
type Page struct {
	app.Compo

	data      PageData
	words     map[string]i18n.Words // the words of each language known, by wordsKey
	navigated bool                  // the first navigation, go-app's start, has happened
	loading   bool
	failed    string
}

// NewPage returns the page for data, as the server renders it.
func NewPage(data PageData) *Page {
	return &Page{data: data}
}

// OnInit takes the data the server shipped with the page, so that the first
// render in the browser equals the prerendered page, whatever form of its
// URL the host answered (/x, /x/, /x/index.html) or whatever URL it
// answered with it (a 404 page, the offline page).
func (p *Page) OnInit() {
	if app.IsClient && p.data.Kind == "" {
		if d, ok := inlineData(); ok {
			p.data = d
		}
	}
}

// OnMount marks the hand-over done once the first render is in place.
func (p *Page) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { markWasmReady() })
}

// OnNav shows the page the reader navigated to in the browser.
func (p *Page) OnNav(ctx app.Context) {
	first := !p.navigated
	p.navigated = true
	url := currentPath()
	switch next, path, rt, params := navigate(first, p.data, url); next {
	case navLoad:
		p.load(ctx, path, rt, params)
	case navLeave:
		leaveTo(url)
	}
}

// navigation is what the page does when the browser's URL changes.
type navigation int

const (
	navStay  navigation = iota // keep the page shown
	navLoad                    // load the page's JSON and show it
	navLeave                   // leave the URL to the host: a real navigation
)

// navigate decides what the page showing data does when the browser goes
// to urlPath; first says it is go-app's first navigation, as the wasm
// starts. That one never replaces the page the server or host rendered:
// it is the page at this URL, whatever form of it the host answered
// (/x, /x/, /x/index.html) and whatever URL it answered it for (a 404, the
// offline page). Later, the wasm shows by itself the pages it can (Wasm
// routes), and leaves the others to the host: an embed, another site under
// the same host, a path it does not know.
func navigate(first bool, data PageData, urlPath string) (navigation, string, Route, Params) {
	if first && data.Kind != "" {
		return navStay, "", Route{}, nil
	}
	path, inSite := data.Site.Prefix.SitePath(urlPath)
	path = Canonical(path)
	if inSite && path == data.Path && data.Path != "" {
		return navStay, "", Route{}, nil
	}
	rt, params, ok := Match(path)
	switch {
	case inSite && ok && rt.Wasm:
		return navLoad, path, rt, params
	case first:
		// Leaving would load this very URL again, and start the wasm
		// again: keep what the host sent.
		return navStay, "", Route{}, nil
	}
	return navLeave, "", Route{}, nil
}

func (p *Page) load(ctx app.Context, path string, rt Route, params Params) {
	p.loading, p.failed = true, ""
	site := p.data.Site
	fetchText(site.Prefix.URL(rt.DataPath(params)), func(status int, body string) {
		ctx.Dispatch(func(ctx app.Context) {
			d, err := pageFromAPI(path, rt, status, body)
			if err != nil {
				p.fail()
				return
			}
			d.Site = site
			p.withWords(ctx, d.Lang(), func(w i18n.Words, ok bool) {
				if !ok {
					// The page, in a language the wasm has no words
					// for: the host's (or the worker's saved) page
					// carries them.
					leaveTo(site.Prefix.URL(path))
					return
				}
				d.Words = w
				p.show(ctx, d)
			})
		})
	})
}

// fail says the page the reader asked for could not be loaded.
func (p *Page) fail() {
	p.loading = false
	p.failed = p.data.Words.T("load_failed")
}

// withWords calls then, on the UI goroutine, with the words of lang: those
// known, or else those the site serves (RouteWords).
func (p *Page) withWords(ctx app.Context, lang string, then func(i18n.Words, bool)) {
	if p.words == nil {
		p.words = map[string]i18n.Words{wordsKey(p.data.Words.Lang): p.data.Words}
	}
	if w, ok := p.words[wordsKey(lang)]; ok {
		then(w, true)
		return
	}
	fetchText(p.data.Site.Prefix.URL(APIWordsPath(lang)), func(status int, body string) {
		ctx.Dispatch(func(app.Context) {
			var w i18n.Words
			ok := status == http.StatusOK && json.Unmarshal([]byte(body), &w) == nil && w.Strings != nil
			if ok {
				p.words[wordsKey(lang)] = w
			}
			then(w, ok)
		})
	})
}

func (p *Page) show(ctx app.Context, d PageData) {
	p.loading = false
	p.data = d
	ctx.Page().SetTitle("%s", d.Title())
	setDocumentLanguage(d.Lang(), d.Dir())
	if locationHash() == "" {
		safely(func() { app.Window().Call("scrollTo", 0, 0) })
	}
}

// pageFromAPI makes the page data of path, a page of rt, from the answer
// to the request for its JSON.
func pageFromAPI(path string, rt Route, status int, body string) (PageData, error) {
	d := PageData{Path: path}
	switch {
	case status == http.StatusNotFound:
		d.Kind, d.Path = KindNotFound, ""
		return d, nil
	case status != http.StatusOK:
		return PageData{}, fmt.Errorf("the API answered %d", status)
	}
	switch rt.Page {
	case KindIndex:
		var page IndexPageData
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			return PageData{}, err
		}
		d.Kind, d.Index, d.Pagination = KindIndex, page.Articles, &page.Pagination
		return d, nil
	case KindArticle:
		d.Kind = KindArticle
		return d, json.Unmarshal([]byte(body), &d.Article)
	case KindCard:
		var page CardPageData
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			return PageData{}, err
		}
		d.Kind, d.SharedCard, d.Backlinks, d.BacklinksTotal, d.Pagination = KindCard, &page.Card, page.Articles, page.Total, page.Pagination
		return d, nil
	}
	return PageData{}, fmt.Errorf("the wasm cannot show pages of the route %s", rt.Name)
}

// Render renders the site's frame around the page's content, or an
// embedded article without it.
func (p *Page) Render() app.UI {
	if p.data.Kind == KindEmbed {
		return embedView(p.data)
	}
	site, w := p.data.Site, p.data.Words
	prefix := site.Prefix
	var main app.UI
	switch p.data.Kind {
	case KindArticle:
		main = &ArticleView{Article: p.data.Article, Chrome: true, ImageSizes: p.data.ImageSizes, Prefix: prefix, Words: w}
	case KindIndex:
		main = &IndexView{Articles: p.data.Index, Pagination: p.data.Pagination, Prefix: prefix, Words: w}
	case KindCard:
		main = &CardPageView{Card: p.data.SharedCard, Articles: p.data.Backlinks, Total: p.data.BacklinksTotal, Pagination: p.data.Pagination, Prefix: prefix, Words: w}
	case KindOffline:
		main = notice(w, prefix, "offline_title", "offline_text", "offline_link")
	default:
		main = notice(w, prefix, "not_found_title", "not_found_text", "not_found_link")
	}
	class := "page"
	if p.loading {
		class += " is-loading"
	}
	body := []app.UI{&SiteHeader{Site: site, Words: w}}
	if p.failed != "" {
		body = append(body, el("p", attrs{"class", "banner banner-error", "role", "alert"}, text(p.failed)))
	}
	body = append(body,
		el("main", attrs{"id", "main", "class", "main"}, main),
		siteFooter(site),
		&StatusBar{Words: w},
	)
	return el("div", attrs{"class", class}, body...)
}

// siteFooter is the foot of every page: the site's name and tagline, and
// the publisher's footer text, linked if it has a URL.
func siteFooter(site Site) app.UI {
	line := []app.UI{el("a", attrs{"href", site.Prefix.URL(IndexPath(1))}, text(site.Name))}
	if site.Tagline != "" {
		line = append(line, text(" · "+site.Tagline))
	}
	paras := []app.UI{el("p", nil, line...)}
	switch f := site.Footer; {
	case f.Name != "" && f.URL != "":
		paras = append(paras, el("p", attrs{"class", "site-footer-text"}, el("a", attrs{"href", f.URL}, text(f.Name))))
	case f.Name != "":
		paras = append(paras, textEl("p", "site-footer-text", f.Name))
	}
	return el("footer", attrs{"class", "site-footer"}, paras...)
}

// notice is the page for a path with nothing to show: a heading, and a
// sentence with a link to the index (the offline page, "not found").
func notice(w i18n.Words, prefix Prefix, title, sentence, link string) app.UI {
	a := el("a", attrs{"href", prefix.URL(IndexPath(1))}, text(w.T(link)))
	return el("div", attrs{"class", "not-found"},
		textEl("h1", "headline", w.T(title)),
		el("p", nil, phrase(w, sentence, "link", a)...),
	)
}
