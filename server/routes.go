package server

import (
	"fmt"
	"net/http"
	"strings"

	ui "backstory/app"
)

// routeHandler serves a URL of the route rt, with the parameters its path
// gives.
type routeHandler func(w http.ResponseWriter, r *http.Request, rt ui.Route, params ui.Params) error

// handlers returns the handler of every route of the table ui.Routes.
// Aliases (RedirectTo) need none: they redirect.
func (s *Server) handlers() map[ui.RouteName]routeHandler {
	// plain adapts a handler that needs no parameters.
	plain := func(h handlerFunc) routeHandler {
		return func(w http.ResponseWriter, r *http.Request, _ ui.Route, _ ui.Params) error { return h(w, r) }
	}
	always := func(h http.HandlerFunc) routeHandler {
		return func(w http.ResponseWriter, r *http.Request, _ ui.Route, _ ui.Params) error { h(w, r); return nil }
	}
	// withParams adapts a handler that needs only the parameters.
	withParams := func(h func(http.ResponseWriter, *http.Request, ui.Params) error) routeHandler {
		return func(w http.ResponseWriter, r *http.Request, _ ui.Route, params ui.Params) error {
			return h(w, r, params)
		}
	}
	page := s.servePageAt
	return map[ui.RouteName]routeHandler{
		ui.RouteIndex:         page,
		ui.RouteIndexPage:     page,
		ui.RouteArticle:       page,
		ui.RouteCard:          page,
		ui.RouteCardPage:      page,
		ui.RouteCardPageJSON:  withParams(s.serveCardPage),
		ui.RouteCardList:      plain(s.serveCardList),
		ui.RouteCardJSON:      withParams(s.serveCard),
		ui.RouteOffline:       page,
		ui.RouteNotFound:      page,
		ui.RouteEmbed:         withParams(s.serveEmbed),
		ui.RouteCardEmbed:     withParams(s.serveEmbed),
		ui.RouteArticleList:   plain(s.serveArticleList),
		ui.RouteArticleJSON:   withParams(s.serveArticle),
		ui.RouteIndexJSON:     withParams(s.serveIndexPage),
		ui.RouteWords:         withParams(s.serveWords),
		ui.RouteOEmbed:        plain(s.serveOEmbed),
		ui.RouteArticleOEmbed: withParams(s.serveArticleOEmbed),
		ui.RouteEmbedScript:   plain(s.serveEmbedScript),
		ui.RouteManifest:      plain(s.serveManifest),
		ui.RouteWorker:        plain(s.serveWorker),
		ui.RouteAsset:         withParams(s.serveAsset),
		ui.RouteHealth:        always(s.serveHealth),
		ui.RouteReady:         always(s.serveReady),
		ui.RouteDevEvents:     plain(s.serveDevEvents),
	}
}

// routes makes the server's handler from the route table: one mux pattern
// per route (routes that share one are told apart by their patterns'
// suffixes), a redirect from a page's other addresses (path/ and
// path/index.html) to its own, and around them the site's prefix, path
// checks, security headers, panic recovery and request logs.
func (s *Server) routes() (http.Handler, error) {
	handlers := s.handlers()
	mux := http.NewServeMux()
	groups := map[string][]ui.Route{}
	var order []string
	for _, rt := range ui.Routes {
		if rt.Dev && !s.cfg.Dev {
			continue
		}
		if rt.RedirectTo == "" && handlers[rt.Name] == nil {
			return nil, fmt.Errorf("the route %s has no handler", rt.Name)
		}
		p := rt.MuxPattern()
		if groups[p] == nil {
			order = append(order, p)
		}
		groups[p] = append(groups[p], rt)
		if rt.IsPage() {
			base := strings.TrimSuffix(rt.MuxPattern(), "/{$}") // the index's is ""
			if base != "" {
				mux.Handle("GET "+base+"/{$}", s.handle(s.redirectToCanonical))
			}
			mux.Handle("GET "+base+"/index.html", s.handle(s.redirectToCanonical))
		}
	}
	for _, p := range order {
		mux.Handle("GET "+p, s.handle(s.dispatch(groups[p], handlers)))
	}
	mux.Handle("GET /", s.handle(s.servePage)) // any other path: not found
	return s.logRequests(s.recoverPanics(s.secure(guardPaths(s.underPrefix(mux))))), nil
}

// dispatch serves a request with the first of routes whose pattern its path
// matches.
func (s *Server) dispatch(routes []ui.Route, handlers map[ui.RouteName]routeHandler) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		for _, rt := range routes {
			params, ok := rt.Values(r.URL.Path)
			if !ok {
				continue
			}
			if rt.RedirectTo != "" {
				if !s.site.Load().exists(params) {
					break // a redirect to nothing: not found here
				}
				to, _ := ui.LookupRoute(rt.RedirectTo)
				s.redirect(w, r, to.PathFrom(params))
				return nil
			}
			return handlers[rt.Name](w, r, rt, params)
		}
		return s.servePage(w, r)
	}
}

// redirectToCanonical sends a page's other addresses, path/ and
// path/index.html, to the page's own: one URL for each page.
func (s *Server) redirectToCanonical(w http.ResponseWriter, r *http.Request) error {
	to := ui.Canonical(r.URL.Path)
	if rt, params, ok := ui.Match(to); !ok || !rt.IsPage() || !s.site.Load().exists(params) {
		return s.servePage(w, r)
	}
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	s.redirect(w, r, to)
	return nil
}

// exists says whether the site has something at a path with params: the
// article a slug names, the index page a number names.
func (s *site) exists(params ui.Params) bool {
	if slug, ok := params["slug"]; ok && !s.store.Has(slug) {
		return false
	}
	if id, ok := params["id"]; ok {
		if _, shared := s.store.SharedCard(id); !shared {
			return false
		}
		// A page of the card's stories.
		n, ok := params["n"]
		return !ok || atoiOrZero(n) <= s.cardPages(id)
	}
	if lang, ok := params["lang"]; ok && !s.hasWords(lang) {
		return false
	}
	if n, ok := params["n"]; ok && atoiOrZero(n) > ui.IndexPages(len(s.index)) {
		return false
	}
	return true
}

// redirect answers with a permanent redirect to a site path (and query).
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, sitePath string) {
	http.Redirect(w, r, s.prefix.URL(sitePath), http.StatusMovedPermanently)
}

// underPrefix serves the site under its prefix: the handler sees site
// paths. The prefix without its slash, and the host's root, redirect to
// the site's index; any other path outside the prefix is not found.
func (s *Server) underPrefix(h http.Handler) http.Handler {
	if s.prefix == "" {
		return h
	}
	index := s.prefix.URL(ui.PathOf(ui.RouteIndex))
	notFound := ui.PathOf(ui.RouteNotFound)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" || r.URL.Path == string(s.prefix) {
			http.Redirect(w, r, index, http.StatusMovedPermanently)
			return
		}
		p, ok := s.prefix.SitePath(r.URL.Path)
		if !ok {
			p = notFound
		}
		h.ServeHTTP(w, withPath(r, p))
	})
}

// withPath is r for another path. The path checks have seen the request's
// own path, escaped: the handlers read only the unescaped one.
func withPath(r *http.Request, path string) *http.Request {
	r2 := new(http.Request)
	*r2 = *r
	u := *r.URL
	u.Path, u.RawPath = path, ""
	r2.URL = &u
	return r2
}
