package server

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	ui "backstory/app"
	"backstory/content"
	"backstory/i18n"
	"backstory/i18n/catalog"
	"backstory/internal/precompress"
	"backstory/server/prerender"
)

// site is one revision of what the server serves: the articles and the
// assets, and the pages and JSON made from them, each made once, on first
// request, and kept for as long as the revision is served.
type site struct {
	store    *content.Store
	settings content.Site      // the publisher's settings
	catalog  *catalog.Catalog  // the UI's words
	langs    []string          // the languages the site has words for (languages)
	index    []content.Summary // the index: each story once, in the site's language if it has it
	assets   *assets
	baseURL  string  // absolute, without a trailing slash; "" if unknown
	info     ui.Site // what pages know of the site: its prefix, the path of baseURL
	csp      string  // the Content-Security-Policy of pages
	// cspValue is csp as a header value.
	cspValue []string
	loader   string // the inline loader script of pages
	style    string // the inline stylesheet of pages (makeCSS)
	// loaderHash and styleHash are the CSP hashes of the inline script and
	// stylesheet; embedPolicy is the CSP of embeds without an accent.
	loaderHash, styleHash, embedPolicy string
	version                            string // the release: a hash of content and assets
	precache                           int    // how many articles the service worker saves
	// embedOrigins are the CSP frame-ancestors of embed pages.
	embedOrigins string

	// responses are the pages and JSON made so far, by cache key: "page
	// /path", "api slug".
	responses *responseCache
}

// response is a finished response: its body, compressed once, and its
// validator, with their header values made once too.
type response struct {
	status      int
	contentType string
	body        precompress.Encoded
	etag        string
	// The values of Content-Type, ETag and Content-Length (by encoding),
	// ready to put in a header map without allocating.
	contentTypeValue, etagValue  []string
	lengthIdentity, lengthBrotli []string
	lengthGzip                   []string
}

// makeResponse makes a response and its header values.
func makeResponse(status int, contentType string, body precompress.Encoded, etag string) *response {
	length := func(b []byte) []string { return []string{strconv.Itoa(len(b))} }
	return &response{
		status: status, contentType: contentType, body: body, etag: etag,
		contentTypeValue: []string{contentType}, etagValue: []string{etag},
		lengthIdentity: length(body.Identity), lengthBrotli: length(body.Brotli), lengthGzip: length(body.Gzip),
	}
}

// contentETag is the validator of a body: a hash of its content.
func contentETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// dynamicResponse makes a response made for one request: compressed with
// fast gzip only, since it is used once.
func dynamicResponse(status int, contentType string, body []byte) *response {
	enc := precompress.Encoded{Identity: body}
	if len(body) >= 512 {
		enc.Gzip = precompress.GzipFast(body)
	}
	return makeResponse(status, contentType, enc, contentETag(body))
}

// newResponse makes a response, compressing body at the quality for pages.
func newResponse(status int, contentType string, body []byte) *response {
	return makeResponse(status, contentType, precompress.Encode(body, precompress.Fast), contentETag(body))
}

// newSite makes the site that serves store, with its settings' icons.
func (s *Server) newSite(store *content.Store) *site {
	return newSite(store, s.icons.assets(s.assets, store.Site(), s.log), s.catalog, s.cfg, s.prefix)
}

func newSite(store *content.Store, a *assets, cat *catalog.Catalog, cfg Config, prefix ui.Prefix) *site {
	settings := store.Site()
	s := &site{store: store, settings: settings, catalog: cat, assets: a, baseURL: strings.TrimRight(cfg.BaseURL, "/"), responses: newResponseCache(cfg.CacheBytes), precache: cfg.Precache, embedOrigins: cfg.EmbedOrigins}
	s.info = ui.Site{Prefix: prefix, Name: settings.Name, Tagline: settings.Tagline, Lang: settings.Lang, Footer: settings.Footer}
	if settings.Logo != nil {
		s.info.Logo = s.url(a.url("icons/icon.svg"))
	}
	s.langs = s.languages()
	s.index = store.Index(settings.Lang)
	s.version = siteVersion(store.Revision(), a)
	s.loader = loaderScript(s.loaderConfig(cfg.Dev))
	s.style = s.makeCSS()
	s.loaderHash, s.styleHash = cspHash(s.loader), cspHash(s.style)
	s.csp = contentSecurityPolicy(s.loaderHash, s.styleHash, "'self'")
	s.cspValue = []string{s.csp}
	s.embedPolicy = contentSecurityPolicy(s.loaderHash, s.styleHash, s.embedOrigins)
	return s
}

// cached returns the response under key, making it with make the first
// time (see responseCache.get).
func (s *site) cached(key string, make func() (*response, error)) (*response, error) {
	return s.responses.get(key, false, make)
}

// cachedVariant is cached for a variant: a response shaped by a query.
func (s *site) cachedVariant(key string, make func() (*response, error)) (*response, error) {
	return s.responses.get(key, true, make)
}

// indexPage is page n of the index: its articles and its place.
func (s *site) indexPage(n int) ui.IndexPageData {
	all := s.index
	start := min((n-1)*ui.IndexPageSize, len(all))
	end := min(start+ui.IndexPageSize, len(all))
	return ui.IndexPageData{
		Pagination: ui.Pagination{Page: n, Pages: ui.IndexPages(len(all))},
		Articles:   all[start:end],
	}
}

// hasPage says whether there is a page of rt with params that servePage
// serves, decoding nothing.
func (s *site) hasPage(rt ui.Route, params ui.Params) bool {
	return rt.IsPage() && rt.Page != ui.KindEmbed && s.exists(params)
}

// pageData is the data of the page at path, of rt with params; "not
// found" if there is none.
func (s *site) pageData(path string, rt ui.Route, params ui.Params) ui.PageData {
	if !s.hasPage(rt, params) {
		// One "not found" page serves every path: it names none.
		return ui.PageData{Kind: ui.KindNotFound, Site: s.info}
	}
	switch rt.Page {
	case ui.KindOffline:
		// Shown for any page never saved: it names none.
		return ui.PageData{Kind: ui.KindOffline, Site: s.info}
	case ui.KindIndex:
		n, _ := strconv.Atoi(params["n"])
		page := s.indexPage(max(n, 1))
		return ui.PageData{Path: path, Kind: ui.KindIndex, Site: s.info, Index: page.Articles, Pagination: &page.Pagination}
	case ui.KindArticle:
		if a, ok := s.store.Article(params["slug"]); ok {
			return ui.PageData{Path: path, Kind: ui.KindArticle, Site: s.info, Article: a, ImageSizes: s.assets.imageSizes(a)}
		}
	case ui.KindCard:
		if page, ok := s.cardPage(params["id"], max(atoiOrZero(params["n"]), 1)); ok {
			return ui.PageData{Path: path, Kind: ui.KindCard, Site: s.info, SharedCard: &page.Card, Backlinks: page.Articles, BacklinksTotal: page.Total, Pagination: page.Pagination}
		}
	}
	return ui.PageData{Kind: ui.KindNotFound, Site: s.info}
}

// page renders the page for data: the prerendered UI in the shell, with
// the UI's words in the page's language.
func (s *site) page(data ui.PageData, status int) (*response, error) {
	data.Words = s.words(data.Lang())
	body, err := prerender.Render(ui.NewPage(data))
	if err != nil {
		return nil, fmt.Errorf("prerendering %s: %w", data.Path, err)
	}
	dataJSON, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("encoding the data of %s: %w", data.Path, err)
	}
	d := shellData{
		Embed:         data.Kind == ui.KindEmbed,
		Lang:          data.Lang(),
		Dir:           data.Dir(),
		Title:         data.Title(),
		SiteName:      s.settings.Name,
		ThemeLight:    s.settings.ThemeLight,
		ThemeDark:     s.settings.ThemeDark,
		Description:   s.settings.Tagline,
		OGType:        "website",
		URL:           s.absolute(data.Path),
		CSS:           template.CSS(s.style),
		IconURL:       s.iconDataURL(),
		AppleIconURL:  s.url(s.assets.url("icons/apple-touch-icon.png")),
		ManifestURL:   s.url(ui.PathOf(ui.RouteManifest)),
		Loader:        template.JS(s.loader),
		Body:          template.HTML(body),
		Data:          template.JS(dataJSON),
		DataElementID: ui.DataElementID,
		Status:        status,
	}
	if data.Kind == ui.KindNotFound || data.Kind == ui.KindOffline {
		d.URL = ""
	}
	if data.Embed != nil {
		d.Theme = data.Embed.Theme
	}
	if c := data.SharedCard; c != nil {
		d.Description = cardDescription(*c)
		d.Canonical = d.URL
		ld, err := cardJSONLD(*c, data.Backlinks, d.URL, s.absolute)
		if err != nil {
			return nil, err
		}
		d.JSONLD = template.JS(ld)
	}
	if a := data.Article; a != nil {
		d.Description = a.Dek
		d.OGType = "article"
		d.Image = a.Image
		d.Canonical = d.URL
		if data.Kind == ui.KindEmbed {
			// An embed's canonical page is the article's.
			d.Canonical = s.absolute(ui.ArticlePath(a.Slug))
			d.URL = d.Canonical
		}
		if a.Canonical != "" {
			d.Canonical = a.Canonical
		}
		d.OEmbedURL = s.oembedURL(a.Slug)
		if len(a.Translations) > 0 && data.Kind == ui.KindArticle {
			d.Alternates = append(d.Alternates, alternate{a.Lang, s.link(ui.ArticlePath(a.Slug))})
			for _, t := range a.Translations {
				d.Alternates = append(d.Alternates, alternate{t.Lang, s.link(ui.ArticlePath(t.Slug))})
			}
		}
		ld, err := newsArticleJSONLD(a, d.Canonical, s.absolute(a.Image), s.settings.Publisher)
		if err != nil {
			return nil, err
		}
		d.JSONLD = template.JS(ld)
	}
	html, err := renderShell(d)
	if err != nil {
		return nil, fmt.Errorf("rendering the page %s: %w", data.Path, err)
	}
	return newResponse(status, "text/html; charset=utf-8", html), nil
}

// iconDataURL is the site's SVG icon as a data: URL. Linked as a file, the
// favicon is one more request of high priority during the first paint.
func (s *site) iconDataURL() template.URL {
	a, ok := s.assets.get("icons/icon.svg")
	if !ok {
		return ""
	}
	return template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(a.body.Identity))
}

// makeCSS makes the stylesheet, inlined into every page so that the first
// paint waits for no other request: app.css, then the site's colours and
// each language's quotation marks.
func (s *site) makeCSS() string {
	a, ok := s.assets.get("app.css")
	if !ok {
		return ""
	}
	return string(a.body.Identity) + colourCSS(s.settings) + i18n.QuotesCSS(".card-quote blockquote")
}

// url is the URL path of a site path: under the site's prefix. Other
// URLs, and "", are returned as they are.
func (s *site) url(sitePath string) string { return s.info.Prefix.URL(sitePath) }

// link is a site path's URL as links from elsewhere need it: absolute
// when the base URL is known, else the path under the prefix.
func (s *site) link(p string) string {
	return cmp.Or(s.absolute(p), s.url(p))
}

// absolute makes a site path absolute with the base URL; other URLs are
// returned as they are.
func (s *site) absolute(p string) string {
	if p == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return p
	}
	if s.baseURL == "" {
		return ""
	}
	u, err := url.Parse(s.baseURL + p)
	if err != nil {
		return ""
	}
	return u.String()
}

// newsArticleJSONLD describes an article for search engines, as schema.org
// NewsArticle JSON-LD. encoding/json escapes <, > and &, so nothing in it can
// end its <script> element.
func newsArticleJSONLD(a *content.Article, url, image string, publisher content.Link) ([]byte, error) {
	type thing struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	ld := struct {
		Context       string   `json:"@context"`
		Type          string   `json:"@type"`
		Headline      string   `json:"headline"`
		Description   string   `json:"description,omitempty"`
		DatePublished string   `json:"datePublished,omitempty"`
		DateModified  string   `json:"dateModified,omitempty"`
		Author        []thing  `json:"author,omitempty"`
		Publisher     thing    `json:"publisher"`
		InLanguage    string   `json:"inLanguage"`
		Keywords      []string `json:"keywords,omitempty"`
		URL           string   `json:"url,omitempty"`
		Image         string   `json:"image,omitempty"`
	}{
		Context:     "https://schema.org",
		Type:        "NewsArticle",
		Headline:    a.Title,
		Description: a.Dek,
		Publisher:   thing{Type: "Organization", Name: publisher.Name, URL: publisher.URL},
		InLanguage:  a.Lang,
		Keywords:    a.Tags,
		URL:         url,
		Image:       image,
	}
	if !a.Published.IsZero() {
		ld.DatePublished = a.Published.Format("2006-01-02T15:04:05Z07:00")
		ld.DateModified = ld.DatePublished
	}
	if !a.Updated.IsZero() {
		ld.DateModified = a.Updated.Format("2006-01-02T15:04:05Z07:00")
	}
	if a.Byline != "" {
		ld.Author = []thing{{Type: "Person", Name: a.Byline}}
	}
	out, err := json.Marshal(ld)
	if err != nil {
		return nil, fmt.Errorf("encoding JSON-LD for %s: %w", a.Slug, err)
	}
	return out, nil
}
