package server

import (
	"fmt"
	"slices"
	"strings"

	ui "backstory/app"
)

// StaticPath is a URL of the site that a static host can serve from a
// file: a site path (without the prefix) and its route.
type StaticPath struct {
	Path  string
	Route ui.Route
}

// staticPaths returns, for each route a static host can serve (ui.Route's
// Static) that is not an alias, the site paths of the route that exist.
func (s *site) staticPaths() map[ui.RouteName]func() []string {
	none := func() []string { return nil }
	each := func(path func(slug string) string) func() []string {
		return func() []string {
			var paths []string
			for _, sum := range s.store.Summaries() {
				paths = append(paths, path(sum.Slug))
			}
			return paths
		}
	}
	eachCard := func(path func(id string) string) func() []string {
		return func() []string {
			var paths []string
			for _, c := range s.store.SharedCards() {
				paths = append(paths, path(c.ID))
			}
			return paths
		}
	}
	// cardPages lists each shared card's pages of stories from the first
	// given.
	cardPages := func(first int, path func(id string, n int) string) func() []string {
		return func() []string {
			var paths []string
			for _, c := range s.store.SharedCards() {
				for n := first; n <= s.cardPages(c.ID); n++ {
					paths = append(paths, path(c.ID, n))
				}
			}
			return paths
		}
	}
	one := func(name ui.RouteName) func() []string {
		return func() []string { return []string{ui.PathOf(name)} }
	}
	// indexPages lists the index's pages from the first given.
	indexPages := func(first int, path func(n int) string) func() []string {
		return func() []string {
			var paths []string
			for n := first; n <= ui.IndexPages(len(s.index)); n++ {
				paths = append(paths, path(n))
			}
			return paths
		}
	}
	return map[ui.RouteName]func() []string{
		ui.RouteIndex:     one(ui.RouteIndex),
		ui.RouteIndexPage: indexPages(2, ui.IndexPath), // page 1 is the index
		ui.RouteArticle:   each(ui.ArticlePath),
		ui.RouteEmbed:     each(ui.EmbedPath),
		ui.RouteCardEmbed: func() []string {
			var paths []string
			for _, sum := range s.store.Summaries() {
				for _, id := range s.store.CardIDs(sum.Slug) {
					paths = append(paths, ui.CardEmbedPath(sum.Slug, id))
				}
			}
			return paths
		},
		ui.RouteCard:         eachCard(ui.CardPath),
		ui.RouteCardPage:     cardPages(2, ui.CardPagePath),
		ui.RouteCardJSON:     eachCard(ui.APICardPath),
		ui.RouteCardPageJSON: cardPages(1, ui.APICardPagePath),
		ui.RouteCardList:     one(ui.RouteCardList),
		ui.RouteOffline:      one(ui.RouteOffline),
		ui.RouteNotFound:     one(ui.RouteNotFound),
		ui.RouteArticleList:  one(ui.RouteArticleList),
		ui.RouteArticleJSON:  each(ui.APIArticlePath),
		ui.RouteIndexJSON:    indexPages(1, ui.APIIndexPath),
		ui.RouteWords: func() []string {
			paths := make([]string, len(s.langs))
			for i, lang := range s.langs {
				paths[i] = ui.APIWordsPath(lang)
			}
			return paths
		},
		ui.RouteArticleOEmbed: each(ui.OEmbedPath),
		ui.RouteEmbedScript:   one(ui.RouteEmbedScript),
		ui.RouteManifest:      one(ui.RouteManifest),
		ui.RouteWorker:        one(ui.RouteWorker),
		ui.RouteAsset: func() []string {
			var paths []string
			for name, a := range s.assets.byName {
				paths = append(paths, ui.AssetPath(name), a.URL())
			}
			return paths
		},
		ui.RouteOEmbed: none, // not static: it reads its query
	}
}

// StaticPaths lists, sorted by path, every URL of the site a static host
// can serve from a file: every path of every route marked Static but
// aliases, which redirect. What needs a query (/oembed?url=, embed
// options) is left out: it needs the server.
func (s *Server) StaticPaths() ([]StaticPath, error) {
	site := s.site.Load()
	enum := site.staticPaths()
	var out []StaticPath
	for _, rt := range ui.Routes {
		if !rt.Static || rt.RedirectTo != "" {
			continue
		}
		paths, ok := enum[rt.Name]
		if !ok {
			return nil, fmt.Errorf("the static route %s has no list of its paths", rt.Name)
		}
		for _, p := range paths() {
			out = append(out, StaticPath{Path: p, Route: rt})
		}
	}
	slices.SortFunc(out, func(a, b StaticPath) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// Prefix is the path the site is served under: "" at a host's root.
func (s *Server) Prefix() ui.Prefix { return s.prefix }
