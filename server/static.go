package server

import (
	"slices"

	ui "backstory/app"
)

// NotFoundPath is a path the site never has a page at: requesting it gives
// the "not found" page, which a static export saves as 404.html.
const NotFoundPath = "/404"

// StaticPaths lists, sorted, every path the site serves that a static host
// can serve from a file: the index's pages, each article's page, embed,
// JSON and oEmbed answer, the index JSON, the offline page, the manifest,
// the service worker, embed.js, and every asset by its versioned and its
// plain name. What needs a query (/oembed?url=, embed options) is left
// out: it needs the server.
func (s *Server) StaticPaths() []string {
	site := s.site.Load()
	pages := ui.IndexPages(site.store.Len())
	paths := []string{ui.PathOffline, ui.APIArticles, "/embed.js", "/manifest.webmanifest", "/sw.js"}
	for n := 1; n <= pages; n++ {
		paths = append(paths, ui.IndexPath(n), ui.APIIndexPath(n))
	}
	for _, sum := range site.store.Summaries() {
		paths = append(paths, ui.ArticlePath(sum.Slug), ui.EmbedPath(sum.Slug), ui.APIArticlePath(sum.Slug), ui.OEmbedPath(sum.Slug))
	}
	for name, a := range site.assets.byName {
		paths = append(paths, "/web/"+name, a.URL())
	}
	slices.Sort(paths)
	return paths
}
