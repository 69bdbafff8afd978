package server

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	ui "backstory/app"
	"backstory/content"
)

// embedWidths are the iframe widths, in CSS pixels, that the server
// estimates an embed's height for.
var embedWidths = []int{320, 375, 414, 600, 768}

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
	slug, ok := site.slugAt(q.Get("url"))
	if !ok {
		return notFoundError("article at " + strconv.Quote(q.Get("url")))
	}
	width := defaultEmbedWidth
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 {
		width = min(width, mw)
	}
	maxHeight := 0
	if mh, err := strconv.Atoi(q.Get("maxheight")); err == nil && mh > 0 {
		maxHeight = mh
	}
	key := fmt.Sprintf("oembed %s %d %d", slug, width, maxHeight)
	res, err := site.cachedVariant(key, func() (*response, error) {
		a, err := site.article(slug)
		if err != nil {
			return nil, err
		}
		body, err := site.oembed(a, width, maxHeight)
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
		body, err := site.oembed(a, defaultEmbedWidth, 0)
		return newResponse(http.StatusOK, "application/json", body), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	s.write(w, r, res)
	return nil
}

// oembed makes the oEmbed answer for a, at most width wide and, if
// maxHeight > 0, that high.
func (s *site) oembed(a *content.Article, width, maxHeight int) ([]byte, error) {
	height := estimateEmbedHeight(a, width)
	if maxHeight > 0 {
		height = min(height, maxHeight)
	}
	embed := s.absolute(ui.EmbedPath(a.Slug))
	ans := oembedAnswer{
		Version:      "1.0",
		Type:         "rich",
		Title:        a.Title,
		AuthorName:   a.Byline,
		ProviderName: ui.SiteName,
		ProviderURL:  s.absolute(ui.IndexPath(1)),
		Width:        width,
		Height:       height,
		Heights:      map[string]int{},
		HTML:         iframeHTML(embed, a.Title, width, height),
		Snippet:      s.snippet(a),
	}
	for _, w := range embedWidths {
		ans.Heights[strconv.Itoa(w)] = estimateEmbedHeight(a, w)
	}
	body, err := json.Marshal(ans)
	if err != nil {
		return nil, fmt.Errorf("encoding the oEmbed answer: %w", err)
	}
	return body, nil
}

// slugAt returns the slug of the article whose page or embed is at rawURL
// on this site.
func (s *site) slugAt(rawURL string) (string, bool) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "", false
	}
	base, err := url.Parse(s.baseURL)
	if err != nil || !strings.EqualFold(u.Host, base.Host) {
		return "", false
	}
	path, ok := s.info.Prefix.SitePath(u.Path)
	if !ok {
		return "", false
	}
	path = ui.Canonical(path)
	slug, ok := ui.ArticleSlug(path)
	if !ok {
		slug, ok = ui.EmbedSlug(path)
	}
	return slug, ok && s.store.Has(slug)
}

// iframeHTML is an iframe of the embed that works without any script:
// WordPress, among others, keeps only the iframe of an oEmbed answer.
func iframeHTML(src, title string, width, height int) string {
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" loading="lazy" allow="clipboard-write; web-share" style="border:0;width:100%%;max-width:%dpx"></iframe>`,
		html.EscapeString(src), html.EscapeString(title), width, height, width)
}

// snippet is the markup publishers paste to embed an article with
// /embed.js: the placeholder reserves the estimated height until the embed
// tells its own.
func (s *site) snippet(a *content.Article) string {
	var heights []string
	for _, w := range embedWidths {
		heights = append(heights, fmt.Sprintf("%d:%d", w, estimateEmbedHeight(a, w)))
	}
	return fmt.Sprintf(`<div data-backstory="%s" data-title="%s" data-heights="%s" style="min-height:%dpx"></div><script async src="%s"></script>`,
		html.EscapeString(s.absolute(ui.EmbedPath(a.Slug))), html.EscapeString(a.Title), strings.Join(heights, " "),
		estimateEmbedHeight(a, 375), html.EscapeString(s.absolute(ui.PathOf(ui.RouteEmbedScript))))
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
