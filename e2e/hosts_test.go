package e2e

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/content"
	"backstory/export"
	"backstory/internal/nginx"
	"backstory/internal/sitetest"
	"backstory/server"
)

// hostArticles is how many synthetic articles join the embedded ones on
// the hosts' sites: enough for a second index page.
const hostArticles = 50

// hostPrefix is the path prefix the hosts serve a site under.
const hostPrefix = "/news"

// host serves a site for a test: it returns the site's base URL, with the
// prefix (hostPrefix or "").
type host struct {
	name  string
	serve func(t *testing.T, sites *hostSites, prefix string) staticSite
	// root says whether the host is tried at the root too, not only under
	// the prefix.
	root bool
}

// hosts are the real hosts a publisher runs backstory on.
var hosts = []host{
	{"backstory serve", serveDirect, true},
	{"nginx with the shipped config", exportOn(shippedNginx), true},
	{"nginx with its stock config", exportOn(stockNginx), true},
	{"Go's http.FileServer", exportOn(fileServer), true},
	{"serve behind an nginx proxy", serveBehindProxy, false},
}

// TestHosts: on each host, at the root and under a prefix, the site passes
// the reader's checks: readable before the wasm; the wasm takes over on
// every form of URL a host answers, keeping the page; a reference opens
// its card; offline after one visit; an embed fits its content on a host
// page of another origin.
func TestHosts(t *testing.T) {
	sites := &hostSites{store: sitetest.ArticlesAndMore(t, hostArticles), dir: t.TempDir(), exports: map[string]exported{}}
	for _, h := range hosts {
		prefixes := []string{hostPrefix}
		switch {
		case h.name == "backstory serve":
			prefixes = []string{""} // under a prefix: behind the proxy
		case h.root:
			prefixes = []string{"", hostPrefix}
		}
		for _, prefix := range prefixes {
			name := h.name + ", at the root"
			if prefix != "" {
				name = h.name + ", under " + prefix
			}
			t.Run(name, func(t *testing.T) {
				site := h.serve(t, sites, prefix)
				t.Run("readable before the wasm", func(t *testing.T) { readableWithoutJavaScript(t, site) })
				t.Run("the wasm keeps the page", func(t *testing.T) { wasmKeepsThePage(t, site) })
				t.Run("cards work", func(t *testing.T) { cardReferences(t, site) })
				t.Run("offline after one visit", func(t *testing.T) { offlineReading(t, site) })
				t.Run("embed fits its content", func(t *testing.T) { embedSnippet(t, site) })
			})
		}
	}
}

// wasmKeepsThePage: whatever form of a page's URL the reader arrives at,
// and however the host answers it, the wasm takes over with the same page:
// the same headline and text, and no request the page makes fails.
func wasmKeepsThePage(t *testing.T, site staticSite) {
	tab := newTab(t)
	for _, path := range []string{article, article + "/", article + "/index.html", "/page/2", "/page/2/", "/cards/wang-yi", "/cards/wang-yi/"} {
		open(t, tab, site, path)
		before := eval[string](t, tab, `document.querySelector("h1").textContent + "\n" + document.querySelector("main").textContent`)
		if strings.Contains(before, "Page not found") {
			t.Fatalf("the host answered %s with the not-found page", path)
		}
		engage(t, tab)
		after := eval[string](t, tab, `document.querySelector("h1").textContent + "\n" + document.querySelector("main").textContent`)
		if after != before {
			t.Errorf("the wasm changed the page at %s:\nbefore: %s\nafter:  %s", path, firstDiff(before, after), firstDiff(after, before))
		}
	}
	noProblems(t, tab)
}

// hostSites are what the hosts serve: the articles, and for each prefix
// their export, made once and served by each static host in turn, at the
// address it was made for.
type hostSites struct {
	store   *content.Store
	dir     string
	exports map[string]exported
}

// exported is an export: the root of the static server that serves it (the
// export is the prefix's directory), and the address it was made for.
type exported struct{ root, listen string }

func (s *hostSites) export(t *testing.T, prefix string) exported {
	t.Helper()
	if e, ok := s.exports[prefix]; ok {
		return e
	}
	listen, err := nginx.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{BaseURL: "http://" + listen + prefix, Store: s.store, WebDir: sitetest.WebDir(t), Precache: 60, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	e := exported{root: filepath.Join(s.dir, "root"+strings.ReplaceAll(prefix, "/", "-")), listen: listen}
	if _, err := export.Write(srv, filepath.Join(e.root, filepath.FromSlash(prefix)), export.Options{}); err != nil {
		t.Fatal(err)
	}
	s.exports[prefix] = e
	return e
}

// exportOn makes a host of a static file server: it serves the export for
// the prefix from its root.
func exportOn(serveDir func(t *testing.T, root, prefix, listen string) string) func(*testing.T, *hostSites, string) staticSite {
	return func(t *testing.T, sites *hostSites, prefix string) staticSite {
		t.Helper()
		e := sites.export(t, prefix)
		return staticSite(serveDir(t, e.root, prefix, e.listen) + prefix)
	}
}

// shippedNginx serves root with nginx and the server block the repository
// ships (deploy/nginx/backstory.conf), changed as its comment tells
// publishers to.
func shippedNginx(t *testing.T, root, prefix, listen string) string {
	nginx.Need(t)
	conf, err := os.ReadFile(filepath.Join("..", "deploy", "nginx", "backstory.conf"))
	if err != nil {
		t.Fatal(err)
	}
	block := strings.ReplaceAll(string(conf), "/var/www/backstory/_nginx.conf", filepath.Join(root, filepath.FromSlash(prefix), "_nginx.conf"))
	block = strings.ReplaceAll(block, "/var/www/backstory", root)
	block = strings.Replace(block, "listen 80;", "listen "+listen+";", 1)
	return startNginx(t, listen, block)
}

// stockNginx serves root with the server block Debian's nginx comes with
// (/etc/nginx/sites-available/default), its root and port changed: no
// rules of ours, no headers, no brotli.
func stockNginx(t *testing.T, root, prefix, listen string) string {
	nginx.Need(t)
	conf, err := os.ReadFile("/etc/nginx/sites-available/default")
	if err != nil {
		t.Fatalf("Debian's stock nginx site: %v", err)
	}
	block := string(conf)
	// The first server block, without the commented-out examples.
	block = block[strings.Index(block, "server {"):]
	block = block[:strings.Index(block, "\n}")+2]
	block = strings.Replace(block, "root /var/www/html;", "root "+root+";", 1)
	block = strings.Replace(block, "listen 80 default_server;", "listen "+listen+";", 1)
	block = strings.Replace(block, "listen [::]:80 default_server;", "", 1)
	if !strings.Contains(block, "root "+root) || !strings.Contains(block, "listen "+listen) {
		t.Fatalf("Debian's stock server block has changed:\n%s", block)
	}
	return startNginx(t, listen, block)
}

func startNginx(t *testing.T, listen, block string) string {
	t.Helper()
	ngx, err := nginx.Start(t.TempDir(), listen, func(string) string { return block })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ngx.Stop)
	return ngx.URL
}

// fileServer serves root with Go's http.FileServer: it redirects /x to
// /x/ and /x/index.html to /x/, and sends no headers of ours.
func fileServer(t *testing.T, root, prefix, listen string) string {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: http.FileServer(http.Dir(root)), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return "http://" + listen
}

// serveDirect runs backstory serve on its own.
func serveDirect(t *testing.T, sites *hostSites, prefix string) staticSite {
	t.Helper()
	srv := sitetest.Serve(t, func(c *server.Config) { c.Store, c.Precache = sites.store, 60 })
	return staticSite(srv.URL())
}

// serveBehindProxy runs backstory serve at a prefix behind nginx as a
// reverse proxy that passes the full path.
func serveBehindProxy(t *testing.T, sites *hostSites, prefix string) staticSite {
	t.Helper()
	nginx.Need(t)
	listen, err := nginx.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	srv := sitetest.Serve(t, func(c *server.Config) {
		c.Store, c.BaseURL, c.Precache = sites.store, "http://"+listen+prefix, 60
	})
	backend := srv.Addr().String()
	block := "server {\n\tlisten " + listen + ";\n\tlocation " + prefix + " {\n\t\tproxy_pass http://" + backend + ";\n\t\tproxy_set_header Host $host;\n\t\tproxy_set_header X-Forwarded-Proto $scheme;\n\t}\n}\n"
	url := startNginx(t, listen, block)
	// The proxy is up when it answers for the site.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		if res, err := http.Get(url + prefix + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return staticSite(url + prefix)
}
