// Package server serves backstory over HTTP: every page prerendered, the
// article data as JSON, the static assets and the WebAssembly UI.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	ui "backstory/app"
	"backstory/content"
	"backstory/i18n/catalog"
	"backstory/web"
)

// Config configures a Server.
type Config struct {
	// Addr is the address to listen on, as in ":8080".
	Addr string
	// BaseURL is the site's absolute URL, for canonical links and sharing;
	// "http://localhost" and the port of Addr if empty. Its path is the
	// site's prefix: the server answers under it, and every URL the site
	// makes carries it (see ParseBaseURL).
	BaseURL string
	// Store holds the articles to serve.
	Store *content.Store
	// WebDir holds the built files app.wasm and wasm_exec.js.
	WebDir string
	// Logger logs requests and errors; slog.Default() if nil.
	Logger *slog.Logger
	// Precache is how many of the newest articles the service worker saves
	// for offline reading at install: DefaultPrecache if 0, none if < 0.
	Precache int
	// EmbedOrigins are the origins whose pages may frame embeds, as a CSP
	// frame-ancestors source list ("https://a.example https://b.example");
	// "*", any, if empty.
	EmbedOrigins string
	// Dev serves editors: pages show the articles' problems (SetProblems)
	// in a banner and reload when the articles change, over Server-Sent
	// Events at /_dev/events. Never in production.
	Dev bool
	// CacheBytes bounds the memory the pages and JSON made for requests
	// may take: DefaultCacheBytes if 0.
	CacheBytes int64
}

// Server serves the site.
type Server struct {
	cfg      Config
	prefix   ui.Prefix // the path of the base URL, which the site is under
	log      *slog.Logger
	assets   *assets
	catalog  *catalog.Catalog // the UI's words in every language
	icons    iconCache        // the icons made from the site's logo
	site     atomic.Pointer[site]
	handler  http.Handler
	draining atomic.Bool
	http     *http.Server
	ln       net.Listener
	served   chan error
	missing  []string // built files not found in WebDir

	// For -dev pages: the problems in the articles, and a channel closed
	// at each change (then replaced), under changeMu.
	problems atomic.Pointer[[]string]
	changeMu sync.Mutex
	change   chan struct{}
	// closing is closed when the server starts shutting down.
	closing   chan struct{}
	closeOnce sync.Once
}

// New makes a server for cfg. It reads the assets but does not listen.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no articles to serve")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.WebDir == "" {
		cfg.WebDir = "web"
	}
	if cfg.CacheBytes <= 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	if cfg.Precache == 0 {
		cfg.Precache = DefaultPrecache
	}
	cfg.Precache = max(cfg.Precache, 0)
	if strings.TrimSpace(cfg.EmbedOrigins) == "" {
		cfg.EmbedOrigins = "*"
	}
	if err := checkSourceList(cfg.EmbedOrigins); err != nil {
		return nil, fmt.Errorf("embed origins: %w", err)
	}
	base, err := ParseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	prefix := ui.ParsePrefix(base.Path)
	a, missing, err := loadAssets(web.Static(), cfg.WebDir)
	if err != nil {
		return nil, err
	}
	for _, m := range missing {
		cfg.Logger.Warn("built file missing: pages will work without the interactive layer; run make wasm", "file", m)
	}
	s := &Server{cfg: cfg, prefix: prefix, log: cfg.Logger, assets: a, missing: missing, change: make(chan struct{}), closing: make(chan struct{})}
	if s.catalog, err = catalog.Load(); err != nil {
		return nil, fmt.Errorf("reading the UI's translations: %w", err)
	}
	s.site.Store(s.newSite(cfg.Store))
	if s.handler, err = s.routes(); err != nil {
		return nil, err
	}
	s.http = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn),
	}
	return s, nil
}

// Open listens on the configured address and serves in the background. It
// fails at once if the address cannot be used.
func (s *Server) Open() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", s.cfg.Addr, err)
	}
	s.ln = ln
	if s.cfg.BaseURL == "" {
		s.cfg.BaseURL = "http://" + localAddr(ln.Addr())
		s.site.Store(s.newSite(s.site.Load().store))
	}
	s.served = make(chan error, 1)
	go func() { s.served <- s.http.Serve(ln) }()
	return nil
}

// Update serves store from now on: a new release, whose pages and JSON
// are made afresh, and which the service worker installs in readers'
// browsers.
func (s *Server) Update(store *content.Store) {
	s.site.Store(s.newSite(store))
	s.changed()
}

// MissingFiles lists the built files (app.wasm, wasm_exec.js) that were
// not in the web directory: without them pages work, without the wasm.
func (s *Server) MissingFiles() []string { return s.missing }

// Version is the release the server serves: a hash of its content and
// assets.
func (s *Server) Version() string { return s.site.Load().version }

// Addr is the address the server listens on, once open.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// URL is the server's base URL, once open.
func (s *Server) URL() string { return s.site.Load().baseURL }

// Close stops accepting connections and waits for requests in flight to
// finish, until ctx is done; then it cuts the connections still open,
// logging how the wait ended. It returns an error only if serving itself
// failed.
func (s *Server) Close(ctx context.Context) error {
	s.draining.Store(true)
	s.closeOnce.Do(func() { close(s.closing) }) // ends -dev event streams
	if err := s.http.Shutdown(ctx); err != nil {
		s.log.Warn("requests still in flight when the grace period ended; closing their connections", "err", err)
		s.http.Close()
	}
	if s.served == nil {
		return nil
	}
	if err := <-s.served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

// ParseBaseURL checks a site's base URL: "" (unknown yet), or an absolute
// http or https URL with no query or fragment, whose path, with or without
// a trailing slash, is the site's prefix.
func ParseBaseURL(raw string) (*url.URL, error) {
	if raw == "" {
		return &url.URL{}, nil
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return nil, fmt.Errorf("base URL %q: %w", raw, err)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "":
		return nil, fmt.Errorf("base URL %q must be an absolute http or https URL, as in https://news.example/interactive", raw)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		return nil, fmt.Errorf("base URL %q must have no query or fragment: its path alone is the site's prefix", raw)
	case u.User != nil:
		return nil, fmt.Errorf("base URL %q must not carry a user name or password", raw)
	case badPath(u.Path) && u.Path != "":
		return nil, fmt.Errorf("base URL %q has a path no site can be served under (empty, . or .. segments)", raw)
	}
	return u, nil
}

// localAddr is addr as a host:port a browser on this machine can open.
func localAddr(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return host + ":" + port
}
