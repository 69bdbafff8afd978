package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	ui "backstory/app"
	"backstory/content"
)

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	return s.handler
}

// serveHealth says the process is alive.
func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// serveReady says whether to send the server traffic: yes, with articles
// loaded, until it starts shutting down.
func (s *Server) serveReady(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.draining.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "shutting down")
		return
	}
	fmt.Fprintf(w, "ready: %d articles, release %s\n", s.site.Load().store.Len(), s.site.Load().version)
}

// handlerFunc is a handler that may fail; handle turns its error into a
// response.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// statusError is an error with the HTTP status it should answer.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

func notFoundError(what string) error {
	return &statusError{status: http.StatusNotFound, msg: what + " not found"}
}

// handle adapts h: an error becomes its status (500 if it has none) and is
// logged if it is the server's fault.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status := http.StatusInternalServerError
		var se *statusError
		if errors.As(err, &se) {
			status = se.status
		}
		if status >= 500 {
			s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			http.Error(w, "Something went wrong on our side.", status)
			return
		}
		http.Error(w, err.Error(), status)
	})
}

// servePage serves the prerendered page at the request's path; a path with
// no page gets the "not found" page with status 404.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) error {
	rt, params, _ := ui.Match(r.URL.Path)
	return s.servePageAt(w, r, rt, params)
}

// servePageAt is servePage for a path of rt with params, matched already.
func (s *Server) servePageAt(w http.ResponseWriter, r *http.Request, rt ui.Route, params ui.Params) error {
	site := s.site.Load()
	path := r.URL.Path
	if to, ok := indexRedirect(r); ok {
		s.redirect(w, r, to)
		return nil
	}
	// Whether there is a page is cheap to know; its data, an article
	// decoded, is made only with the page, once.
	key, status := "page "+path, http.StatusOK
	if !site.hasPage(rt, params) {
		key, status = "page 404", http.StatusNotFound
		w.Header().Set("Cache-Control", "no-store")
	}
	return s.serveRelease(w, r, site, key, func() (*response, error) {
		return site.page(site.pageData(path, rt, params), status)
	})
}

// serveRelease sends the response kept under key, made first if need be,
// marked with the release it belongs to: the service worker tells fresh
// saved pages and JSON from stale ones by it.
func (s *Server) serveRelease(w http.ResponseWriter, r *http.Request, site *site, key string, make func() (*response, error)) error {
	res, err := site.cached(key, make)
	if err != nil {
		return err
	}
	w.Header().Set(versionHeader, site.version)
	s.write(w, r, res)
	return nil
}

// serveWorker serves the service worker, made once per release.
func (s *Server) serveWorker(w http.ResponseWriter, r *http.Request) error {
	site := s.site.Load()
	res, err := site.cached("worker", func() (*response, error) { return site.worker(site.precache) })
	if err != nil {
		return err
	}
	s.write(w, r, res)
	return nil
}

func (s *Server) serveManifest(w http.ResponseWriter, r *http.Request) error {
	site := s.site.Load()
	res, err := site.cached("manifest", site.manifest)
	if err != nil {
		return err
	}
	s.write(w, r, res)
	return nil
}

func (s *Server) serveArticleList(w http.ResponseWriter, r *http.Request) error {
	site := s.site.Load()
	return s.serveRelease(w, r, site, "api list", func() (*response, error) {
		return jsonResponse(site.store.Summaries())
	})
}

func (s *Server) serveArticle(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	slug := params["slug"]
	if !site.store.Has(slug) {
		return notFoundError(fmt.Sprintf("article %q", slug))
	}
	return s.serveRelease(w, r, site, "api "+slug, func() (*response, error) {
		body, _ := site.store.ArticleJSON(slug)
		return newResponse(http.StatusOK, "application/json", body), nil
	})
}

// article decodes the article with the given slug, for a response about
// to be made and kept.
func (s *site) article(slug string) (*content.Article, error) {
	a, ok := s.store.Article(slug)
	if !ok {
		return nil, notFoundError(fmt.Sprintf("article %q", slug))
	}
	return a, nil
}

// serveIndexPage serves the JSON of a page of the index.
func (s *Server) serveIndexPage(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	n := atoiOrZero(params["n"]) // a number, checked by the route
	if n > ui.IndexPages(len(site.index)) {
		return notFoundError("index page")
	}
	return s.serveRelease(w, r, site, "api page "+params["n"], func() (*response, error) {
		return jsonResponse(site.indexPage(n))
	})
}

// atoiOrZero is s as a number, or 0 if it is not one.
func atoiOrZero(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// indexRedirect sends the index's address as readers may guess it,
// /?page=N, to its page.
func indexRedirect(r *http.Request) (string, bool) {
	if r.URL.Path != ui.IndexPath(1) || r.URL.RawQuery == "" {
		return "", false
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n >= 1 {
		return ui.IndexPath(n), true
	}
	return "", false
}

func jsonResponse(v any) (*response, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding JSON: %w", err)
	}
	return newResponse(http.StatusOK, "application/json", body), nil
}

// serveEmbedScript serves embed.js at the stable URL publishers paste;
// the versioned /web/embed.<hash>.js is cached for good.
func (s *Server) serveEmbedScript(w http.ResponseWriter, r *http.Request) error {
	a, ok := s.site.Load().assets.get("embed.js")
	if !ok {
		return notFoundError("embed.js")
	}
	w.Header().Set("Cache-Control", "public, max-age=300, must-revalidate")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	s.write(w, r, a.response())
	return nil
}

// serveAsset serves a static asset: by its versioned name for good, by its
// plain name for revalidation. Any origin may load them: an embed in a
// sandboxed frame has an opaque origin of its own.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	file := params["file"]
	w.Header().Set("Access-Control-Allow-Origin", "*")
	if a, ok := site.assets.byPath[file]; ok {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		s.write(w, r, a.response())
		return nil
	}
	if a, ok := site.assets.get(file); ok {
		w.Header().Set("Cache-Control", "no-cache")
		s.write(w, r, a.response())
		return nil
	}
	return notFoundError("asset")
}

// write writes a finished response in the best encoding the client
// accepts, or 304 if the client has it already.
func (s *Server) write(w http.ResponseWriter, r *http.Request, res *response) {
	// Header values are assigned, not Set: the keys are canonical and the
	// values made once, which saves allocations on the hottest path.
	h := w.Header()
	h["Content-Type"] = res.contentTypeValue
	h["Vary"] = varyAcceptEncoding
	if _, ok := h["Cache-Control"]; !ok {
		h["Cache-Control"] = noCache
	}
	if res.etag != "" {
		h["Etag"] = res.etagValue
		if res.status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), res.etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	encoding, body := res.body.Pick(r.Header.Get("Accept-Encoding"))
	switch encoding {
	case "br":
		h["Content-Encoding"] = brEncoding
		h["Content-Length"] = res.lengthBrotli
	case "gzip":
		h["Content-Encoding"] = gzipEncoding
		h["Content-Length"] = res.lengthGzip
	default:
		h["Content-Length"] = res.lengthIdentity
	}
	w.WriteHeader(res.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// Header values shared by responses; never modified.
var (
	varyAcceptEncoding = []string{"Accept-Encoding"}
	noCache            = []string{"no-cache"}
	brEncoding         = []string{"br"}
	gzipEncoding       = []string{"gzip"}
)

// etagMatches reports whether an If-None-Match header names etag (weakly,
// as RFC 9110 asks for GET).
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	if strings.TrimSpace(header) == "*" {
		return true
	}
	for t := range strings.SplitSeq(header, ",") {
		if strings.TrimPrefix(strings.TrimSpace(t), "W/") == etag {
			return true
		}
	}
	return false
}
