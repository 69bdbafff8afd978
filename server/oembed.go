package server

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	ui "backstory/app"
	"backstory/content"
	"backstory/internal/embedcode"
)

// defaultEmbedWidth is the width an oEmbed answer proposes.
const defaultEmbedWidth = 600

// oembedURL is the URL of an article's oEmbed answer, for discovery: a
// file-like URL, so that a static export has it too.
func (s *site) oembedURL(slug string) string {
	if s.baseURL == "" {
		return ""
	}
	return s.absolute(ui.OEmbedPath(slug))
}

// oembedAnswer is an oEmbed 1.0 "rich" answer, with backstory's estimate of
// the embed's height at several widths and the embed.js snippet.
type oembedAnswer struct {
	Version      string         `json:"version"`
	Type         string         `json:"type"`
	Title        string         `json:"title"`
	AuthorName   string         `json:"author_name,omitempty"`
	ProviderName string         `json:"provider_name"`
	ProviderURL  string         `json:"provider_url"`
	HTML         string         `json:"html"`
	Width        int            `json:"width"`
	Height       int            `json:"height"`
	Heights      map[string]int `json:"backstory_heights"`
	Snippet      string         `json:"backstory_snippet"`
}

// serveOEmbed answers oEmbed requests for the site's articles. It never
// fetches the URL it is given: it only reads its path.
func (s *Server) serveOEmbed(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	switch q.Get("format") {
	case "", "json":
	case "xml":
		return &statusError{status: http.StatusNotImplemented, msg: "oEmbed in XML is not offered; ask for format=json"}
	default:
		return &statusError{status: http.StatusNotImplemented, msg: "unknown oEmbed format"}
	}
	if q.Get("url") == "" {
		return &statusError{status: http.StatusBadRequest, msg: "oEmbed needs url=<an article's URL>"}
	}
	site := s.site.Load()
	slug, card, ok := site.embeddableAt(q.Get("url"))
	if !ok {
		return notFoundError("article or card at " + strconv.Quote(q.Get("url")))
	}
	width := defaultEmbedWidth
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 {
		width = min(width, mw)
	}
	maxHeight := 0
	if mh, err := strconv.Atoi(q.Get("maxheight")); err == nil && mh > 0 {
		maxHeight = mh
	}
	if maxHeight > 0 && maxHeight < ui.MinEmbedHeight {
		// oEmbed's answer when the consumer asks for less than there can be.
		return &statusError{status: http.StatusNotImplemented, msg: fmt.Sprintf("an embed needs at least %d px of height; ask for maxheight=%d or more", ui.MinEmbedHeight, ui.MinEmbedHeight)}
	}
	key := fmt.Sprintf("oembed %s %s %d %d", slug, card, width, maxHeight)
	res, err := site.cachedVariant(key, func() (*response, error) {
		a, err := site.article(slug)
		if err != nil {
			return nil, err
		}
		body, err := site.oembed(a, card, width, maxHeight)
		return dynamicResponse(http.StatusOK, "application/json", body), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	s.write(w, r, res)
	return nil
}

// serveArticleOEmbed serves an article's oEmbed answer at the default
// size: the one its pages name for discovery.
func (s *Server) serveArticleOEmbed(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	slug := params["slug"]
	if !site.store.Has(slug) {
		return notFoundError(fmt.Sprintf("article %q", slug))
	}
	res, err := site.cached("oembed "+slug, func() (*response, error) {
		a, err := site.article(slug)
		if err != nil {
			return nil, err
		}
		body, err := site.oembed(a, "", defaultEmbedWidth, 0)
		return newResponse(http.StatusOK, "application/json", body), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	s.write(w, r, res)
	return nil
}

// oembed makes the oEmbed answer for a, or its card of that id, at most
// width wide and, if maxHeight > 0, that high.
func (s *site) oembed(a *content.Article, card string, width, maxHeight int) ([]byte, error) {
	e := s.embed(a, card)
	ans := oembedAnswer{
		Version:      "1.0",
		Type:         "rich",
		Title:        e.Title,
		AuthorName:   a.Byline,
		ProviderName: s.settings.Publisher.Name,
		ProviderURL:  cmp.Or(s.settings.Publisher.URL, s.absolute(ui.IndexPath(1))),
		Width:        width,
		Heights:      map[string]int{},
		Snippet:      embedcode.Snippet(e),
	}
	ans.Height, ans.HTML = iframeHTML(e, width, maxHeight)
	for _, w := range embedcode.Widths {
		ans.Heights[strconv.Itoa(w)] = e.Height(w)
	}
	body, err := json.Marshal(ans)
	if err != nil {
		return nil, fmt.Errorf("encoding the oEmbed answer: %w", err)
	}
	return body, nil
}

// embed is the embed of a, or of its card of that id.
func (s *site) embed(a *content.Article, card string) embedcode.Embed {
	e := embedcode.Embed{
		URL:    s.absolute(ui.EmbedPath(a.Slug)),
		Title:  a.Title,
		Script: s.absolute(ui.PathOf(ui.RouteEmbedScript)),
		Height: func(w int) int { return embedcode.ArticleHeight(a, w) },
	}
	if c, ok := a.Card(card); ok && card != "" {
		e.URL = s.absolute(ui.CardEmbedPath(a.Slug, card))
		e.Title = ui.CardEmbedTitle(s.words(a.Lang), c)
		e.Height = func(w int) int { return embedcode.CardHeight(a, card, w, true) }
	}
	return e
}

// embeddableAt returns the slug of the article, and the id of its card if
// any, whose page, card or embed is at rawURL on this site:
// /articles/{slug}, /articles/{slug}#{card}, /embed/{slug} or
// /embed/{slug}/{card}.
func (s *site) embeddableAt(rawURL string) (slug, card string, ok bool) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "", "", false
	}
	base, err := url.Parse(s.baseURL)
	if err != nil || !strings.EqualFold(u.Host, base.Host) {
		return "", "", false
	}
	path, ok := s.info.Prefix.SitePath(u.Path)
	if !ok {
		return "", "", false
	}
	path = ui.Canonical(path)
	if slug, ok = ui.ArticleSlug(path); ok {
		card = u.Fragment
	} else if slug, ok = ui.EmbedSlug(path); !ok {
		slug, card, ok = ui.CardEmbedParams(path)
	}
	if !ok || !s.store.Has(slug) || (card != "" && !s.store.HasCard(slug, card)) {
		return "", "", false
	}
	return slug, card, true
}

// iframeHTML is an iframe of the embed that works without any script:
// WordPress, among others, keeps only the iframe of an oEmbed answer. The
// iframe's height is fixed (a margin above the estimate, which may fall a
// few percent short), and the embed is told so (fixed=1): if its content
// turns out taller, as on a narrower screen, it shows a view that fits.
// WordPress's script resizes the iframe all the same, within maxheight,
// which the embed is told too.
func iframeHTML(e embedcode.Embed, width, maxHeight int) (int, string) {
	height := max(ui.MinEmbedHeight, e.Height(width)*108/100)
	src := e.URL + "?fixed=1"
	if maxHeight > 0 {
		height = min(height, maxHeight)
		src += "&maxheight=" + strconv.Itoa(maxHeight)
	}
	return height, fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" loading="lazy" allow="clipboard-write; web-share" style="border:0;width:100%%;max-width:%dpx"></iframe>`,
		html.EscapeString(src), html.EscapeString(e.Title), width, height, width)
}

// checkSourceList accepts a CSP source list of origins, or "*".
func checkSourceList(list string) error {
	for _, src := range strings.Fields(list) {
		if src == "*" || src == "'self'" || src == "'none'" {
			continue
		}
		u, err := url.Parse(src)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || strings.ContainsAny(src, ";,'\"") {
			return fmt.Errorf("%q is not an origin such as https://news.example", src)
		}
	}
	return nil
}
