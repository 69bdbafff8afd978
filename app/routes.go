package app

import (
	"net/url"
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
	PathArticlePrefix = "/articles/"
	PathEmbedPrefix   = "/embed/"
	// PathOffline is the page the service worker shows, offline, for a page
	// it never saved.
	PathOffline = "/offline"
)

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
	app.RouteWithRegexp("^"+PathArticlePrefix+"[^/]+$", newPage)
	app.RouteWithRegexp("^/.*$", newPage)
}
