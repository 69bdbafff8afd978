package server

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	ui "backstory/app"
)

// accentPattern is a CSS hex colour: #rgb or #rrggbb.
var accentPattern = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// embedOptions reads an embed URL's query; card says the embed is a single
// card, which is the whole embed and so opens unless cards=closed (an
// article's cards open only with cards=open). Anything not valid is
// ignored, never reflected: an unknown theme is "auto", a bad accent none.
// Other parameters (pym.js adds initialWidth, childId, parentTitle,
// parentUrl; frame.js reads maxheight, fixed, card) are left alone.
func embedOptions(q url.Values, card bool) ui.EmbedOptions {
	var o ui.EmbedOptions
	switch q.Get("theme") {
	case "light", "dark":
		o.Theme = q.Get("theme")
	}
	if a := q.Get("accent"); accentPattern.MatchString(a) {
		o.Accent = strings.ToLower(a)
	}
	o.OpenCards = q.Get("cards") == "open" || card && q.Get("cards") != "closed"
	return o
}

// accentCSS is the stylesheet that gives an embed its accent colour.
func accentCSS(accent string) string {
	if accent == "" {
		return ""
	}
	return ":root{--accent:" + accent + " !important}"
}

// serveEmbed serves an article, or one of its cards (params["card"]),
// without the site around it, to be framed by publishers' pages: the pages
// of the origins in -embed-origins.
func (s *Server) serveEmbed(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	slug, card := params["slug"], params["card"]
	if !site.store.Has(slug) || (card != "" && !site.store.HasCard(slug, card)) {
		// The site's own 404 page, framed like the embed would have been.
		w.Header().Set("Content-Security-Policy", site.embedCSP(""))
		return s.servePage(w, r)
	}
	opts := embedOptions(r.URL.Query(), card != "")
	plain := opts
	plain.Accent = ""
	key := fmt.Sprintf("embed %s %s %s %t", slug, card, plain.Theme, plain.OpenCards)
	res, err := site.cached(key, func() (*response, error) {
		a, err := site.article(slug)
		if err != nil {
			return nil, err
		}
		path := ui.EmbedPath(slug)
		if card != "" {
			path = ui.CardEmbedPath(slug, card)
		}
		data := ui.PageData{Path: path, Kind: ui.KindEmbed, Site: site.info, Article: a, Card: card, Embed: &plain, ImageSizes: site.assets.imageSizes(a)}
		return site.page(data, http.StatusOK)
	})
	if err != nil {
		return err
	}
	if opts.Accent != "" {
		// Any of 16 million accents: the page without one, with the
		// accent's stylesheet after the page's.
		plainPage := res
		res, err = site.cachedVariant(key+" "+opts.Accent, func() (*response, error) {
			return withAccent(plainPage, accentCSS(opts.Accent)), nil
		})
		if err != nil {
			return err
		}
	}
	w.Header().Set("Content-Security-Policy", site.embedCSP(accentCSS(opts.Accent)))
	w.Header().Set(versionHeader, site.version)
	s.write(w, r, res)
	return nil
}

// embedCSP is the policy of embed pages: the page's own, but framed by the
// configured origins, and with the accent stylesheet allowed if any.
func (s *site) embedCSP(accentCSS string) string {
	if accentCSS == "" {
		return s.embedPolicy
	}
	return contentSecurityPolicy(s.loaderHash, s.styleHash+" "+cspHash(accentCSS), s.embedOrigins)
}

// withAccent inserts an accent stylesheet after a page's first stylesheet.
func withAccent(res *response, css string) *response {
	page := string(res.body.Identity)
	i := strings.Index(page, "</style>")
	if i < 0 {
		return res
	}
	i += len("</style>")
	page = page[:i] + "\n<style>" + css + "</style>" + page[i:]
	return dynamicResponse(res.status, res.contentType, []byte(page))
}
