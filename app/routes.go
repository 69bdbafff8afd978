package app

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SiteName and SiteTagline name the site.
const (
	SiteName    = "backstory"
	SiteTagline = "news with the context you need"
)

// The URL paths of pages. Routes are declared once, here: the wasm registers
// them with go-app (Register) and the server routes the same paths.
const (
	PathIndex         = "/"
	PathIndexPrefix   = "/page/" // the index's pages after the first: /page/2
	PathArticlePrefix = "/articles/"
	PathEmbedPrefix   = "/embed/"
	// PathOffline is the page the service worker shows, offline, for a page
	// it never saved.
	PathOffline = "/offline"
)

// IndexPageSize is how many articles a page of the index lists.
const IndexPageSize = 50

// IndexPath is the path of the index's page n (from 1).
func IndexPath(n int) string {
	if n <= 1 {
		return PathIndex
	}
	return PathIndexPrefix + strconv.Itoa(n)
}

// IndexPage returns the number of the index page at path: 1 for "/", n for
// "/page/n" with n ≥ 2 written plainly (no sign, no leading zero). Any
// other path is not an index page.
func IndexPage(path string) (int, bool) {
	if path == PathIndex {
		return 1, true
	}
	digits, ok := strings.CutPrefix(path, PathIndexPrefix)
	if !ok || digits == "" || len(digits) > 9 || digits[0] == '0' {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, _ := strconv.Atoi(digits) // nine digits at most: fits
	return n, n >= 2
}

// IndexPages is how many pages an index of n articles has: at least one.
func IndexPages(articles int) int {
	return max(1, (articles+IndexPageSize-1)/IndexPageSize)
}

// The JSON the server offers, at URLs that end in .json so that a static
// host serves them from files too (backstory export).
const (
	// APIArticles lists every article's summary, newest first.
	APIArticles = "/api/articles.json"
	// APIArticlesAlias redirects to APIArticles, as /api/articles/{slug}
	// redirects to the article's JSON.
	APIArticlesAlias = "/api/articles"
	apiArticle       = "/api/articles/"
	apiIndex         = "/api/pages/"
)

// APIArticlePath is the path of an article's JSON.
func APIArticlePath(slug string) string {
	return apiArticle + url.PathEscape(slug) + ".json"
}

// APIIndexPath is the path of the JSON of the index's page n.
func APIIndexPath(n int) string {
	return apiIndex + strconv.Itoa(n) + ".json"
}

// The patterns of the JSON routes, for the server's mux: the file is the
// slug or page number and ".json".
const (
	APIArticlePattern = apiArticle + "{file}"
	APIIndexPattern   = apiIndex + "{file}"
)

// OEmbedPath is the path of an article's oEmbed answer at the default size,
// the one its pages name for discovery.
func OEmbedPath(slug string) string {
	return "/oembed/" + url.PathEscape(slug) + ".json"
}

// ArticlePath is the path of an article's page.
func ArticlePath(slug string) string {
	return PathArticlePrefix + url.PathEscape(slug)
}

// ArticleSlug returns the slug in an article page's path.
func ArticleSlug(path string) (string, bool) {
	return slugAfter(path, PathArticlePrefix)
}

// EmbedPath is the path of an article's embed page.
func EmbedPath(slug string) string {
	return PathEmbedPrefix + url.PathEscape(slug)
}

// EmbedSlug returns the slug in an embed page's path.
func EmbedSlug(path string) (string, bool) {
	return slugAfter(path, PathEmbedPrefix)
}

func slugAfter(path, prefix string) (string, bool) {
	slug, ok := strings.CutPrefix(path, prefix)
	if !ok || slug == "" || strings.Contains(slug, "/") {
		return "", false
	}
	return slug, true
}

// Register declares the pages with go-app. Every path is the Page
// component, which shows what its data says; unknown paths show "not
// found" from the same component rather than go-app's own page.
func Register() {
	newPage := func() app.Composer { return &Page{} }
	app.Route(PathIndex, newPage)
	app.RouteWithRegexp("^"+PathIndexPrefix+"[1-9][0-9]*$", newPage)
	app.RouteWithRegexp("^"+PathArticlePrefix+"[^/]+$", newPage)
	app.RouteWithRegexp("^/.*$", newPage)
}
