package e2e

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"backstory/export"
	"backstory/internal/nginx"
	"backstory/internal/sitetest"
	"backstory/server"
)

// staticSite is a static export served by nginx, at its URL.
type staticSite string

func (s staticSite) URL() string { return string(s) }

// TestStaticExportOnNginx: the export, served by nginx with the shipped
// config, at the root and under a prefix, answers as backstory serve does:
// the same bytes, headers and redirects. (TestHosts runs the reader's
// checks on it.)
func TestStaticExportOnNginx(t *testing.T) {
	for _, prefix := range []string{"", hostPrefix} {
		t.Run("prefix "+prefix, func(t *testing.T) { exportAnswersAsTheServer(t, prefix) })
	}
}

func exportAnswersAsTheServer(t *testing.T, prefix string) {
	nginx.Need(t)
	listen, err := nginx.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{BaseURL: "http://" + listen + prefix, Store: sitetest.Articles(t), WebDir: sitetest.WebDir(t), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if _, err := export.Write(srv, filepath.Join(root, filepath.FromSlash(prefix)), export.Options{}); err != nil {
		t.Fatal(err)
	}
	site := staticSite(shippedNginx(t, root, prefix, listen) + prefix)

	t.Run("answers as the server does", func(t *testing.T) {
		tests := []struct {
			path, accept string
			status       int
			contentType  string
			encoding     string
			cacheControl string
		}{
			{"/", "br, gzip", 200, "text/html; charset=utf-8", "br", "no-cache"},
			{"/articles/blinken-meets-xi", "br, gzip", 200, "text/html; charset=utf-8", "br", "no-cache"},
			{"/articles/blinken-meets-xi", "gzip", 200, "text/html; charset=utf-8", "gzip", "no-cache"},
			{"/articles/blinken-meets-xi", "", 200, "text/html; charset=utf-8", "", "no-cache"},
			{"/embed/how-to-write", "br", 200, "text/html; charset=utf-8", "br", "no-cache"},
			{"/api/articles/how-to-write.json", "br", 200, "application/json; charset=utf-8", "br", "no-cache"},
			{"/api/pages/1.json", "gzip", 200, "application/json; charset=utf-8", "gzip", "no-cache"},
			{"/oembed/how-to-write.json", "", 200, "application/json; charset=utf-8", "", "no-cache"},
			{"/manifest.webmanifest", "", 200, "application/manifest+json; charset=utf-8", "", "no-cache"},
			{"/sw.js", "br", 200, "application/javascript; charset=utf-8", "br", "no-cache"},
			{"/web/app.wasm", "gzip", 200, "application/wasm", "gzip", "no-cache"},
			{"/no/such/page", "br", 404, "text/html; charset=utf-8", "br", "no-store"},
			{"/_headers", "", 404, "text/html; charset=utf-8", "", "no-store"},
			{"/_nginx.conf", "", 404, "text/html; charset=utf-8", "", "no-store"},
		}
		client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
		for _, tt := range tests {
			req, _ := http.NewRequest(http.MethodGet, site.URL()+tt.path, nil)
			req.Header.Set("Accept-Encoding", tt.accept)
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			h := res.Header
			if res.StatusCode != tt.status || h.Get("Content-Type") != tt.contentType || h.Get("Content-Encoding") != tt.encoding || h.Get("Cache-Control") != tt.cacheControl {
				t.Errorf("%s (%s): %d %q %q %q, want %d %q %q %q", tt.path, tt.accept, res.StatusCode, h.Get("Content-Type"), h.Get("Content-Encoding"), h.Get("Cache-Control"), tt.status, tt.contentType, tt.encoding, tt.cacheControl)
				continue
			}
			// The same bytes and headers backstory serve sends.
			want := httptest.NewRecorder()
			sreq := httptest.NewRequest(http.MethodGet, prefix+tt.path, nil)
			sreq.Header.Set("Accept-Encoding", tt.accept)
			srv.Handler().ServeHTTP(want, sreq)
			if string(body) != want.Body.String() {
				t.Errorf("%s (%s): %d bytes, the server sends %d others", tt.path, tt.accept, len(body), want.Body.Len())
			}
			for _, name := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Backstory-Version", "Access-Control-Allow-Origin"} {
				if got, want := h.Get(name), want.Header().Get(name); got != want {
					t.Errorf("%s: %s %q, the server sends %q", tt.path, name, got, want)
				}
			}
		}
		// Every asset by versioned name is cached for good, by plain name
		// revalidated, as the server has them.
		versioned := regexp.MustCompile(`^/web/.+\.[0-9a-f]{10}\.[^./]+$`)
		assets := 0
		paths, err := srv.StaticPaths()
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range paths {
			p := sp.Path
			if !strings.HasPrefix(p, "/web/") {
				continue
			}
			res, err := client.Get(site.URL() + p)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			want := "no-cache"
			if versioned.MatchString(p) {
				want = "public, max-age=31536000, immutable"
				assets++
			}
			if res.StatusCode != 200 || res.Header.Get("Cache-Control") != want || res.Header.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("%s: %d, Cache-Control %q, ACAO %q; want 200, %q, *", p, res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("Access-Control-Allow-Origin"), want)
			}
		}
		if assets < 5 {
			t.Errorf("only %d versioned assets checked", assets)
		}
	})
	t.Run("redirects as the server does", func(t *testing.T) {
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		for _, path := range []string{"/page/1", "/?page=1", "/?page=01", "/?page=2", "/api/articles", "/api/articles/how-to-write"} {
			res, err := client.Get(site.URL() + path)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			want := httptest.NewRecorder()
			srv.Handler().ServeHTTP(want, httptest.NewRequest(http.MethodGet, prefix+path, nil))
			got, err := res.Location()
			if err != nil || res.StatusCode != want.Code || got.Path != want.Header().Get("Location") {
				t.Errorf("%s: %d to %v (%v); the server answers %d to %q", path, res.StatusCode, got, err, want.Code, want.Header().Get("Location"))
			}
		}
	})
}
