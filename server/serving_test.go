package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fullServer serves the embedded articles with a stand-in wasm, logging to
// log.
func fullServer(t testing.TB, log io.Writer) (*Server, *httptest.Server) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{"app.wasm": "\x00asm\x01\x00\x00\x00" + strings.Repeat("wasm", 4000), "wasm_exec.js": "// Go's wasm_exec.js stand-in\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := New(Config{Store: embeddedStore(t), WebDir: dir, BaseURL: "https://news.example", Logger: slog.New(slog.NewJSONHandler(log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts
}

// TestHeadersByRouteClass checks the headers every kind of response
// carries: security on all, caching and types by class.
func TestHeadersByRouteClass(t *testing.T) {
	srv, ts := fullServer(t, io.Discard)
	site := srv.site.Load()
	tests := []struct {
		class, path, accept string
		status              int
		contentType         string
		cacheControl        string
		frameAncestors      string
		encoding            string
		etag                bool
	}{
		{"page", "/articles/blinken-meets-xi", "br", 200, "text/html; charset=utf-8", "no-cache", "'self'", "br", true},
		{"index", "/", "gzip", 200, "text/html; charset=utf-8", "no-cache", "'self'", "gzip", true},
		{"embed", "/embed/blinken-meets-xi", "br", 200, "text/html; charset=utf-8", "no-cache", "*", "br", true},
		{"api list", "/api/articles.json", "br", 200, "application/json", "no-cache", "'self'", "br", true},
		{"api article", "/api/articles/how-to-write.json", "gzip", 200, "application/json", "no-cache", "'self'", "gzip", true},
		{"asset", site.assets.url("boot.js"), "br", 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", "'self'", "br", true},
		{"asset, plain name", "/web/boot.js", "br", 200, "text/javascript; charset=utf-8", "no-cache", "'self'", "br", true},
		{"wasm", site.assets.url("app.wasm"), "gzip", 200, "application/wasm", "public, max-age=31536000, immutable", "'self'", "gzip", true},
		{"icon", site.assets.url("icons/icon-192.png"), "br", 200, "image/png", "public, max-age=31536000, immutable", "'self'", "", true},
		{"embed.js", "/embed.js", "gzip", 200, "text/javascript; charset=utf-8", "public, max-age=300, must-revalidate", "'self'", "gzip", true},
		{"worker", "/sw.js", "br", 200, "text/javascript; charset=utf-8", "no-cache", "'self'", "br", true},
		{"manifest", "/manifest.webmanifest", "", 200, "application/manifest+json", "no-cache", "'self'", "", true},
		{"oembed", "/oembed?url=" + url.QueryEscape("https://news.example/articles/how-to-write"), "gzip", 200, "application/json", "no-cache", "'self'", "gzip", true},
		{"not found", "/articles/nope", "br", 404, "text/html; charset=utf-8", "no-store", "'self'", "br", true},
		{"bad path", "/web/../x", "", 400, "text/plain; charset=utf-8", "", "'self'", "", false},
		{"health", "/healthz", "", 200, "text/plain; charset=utf-8", "no-store", "'self'", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			res, _ := get(t, ts, tt.path, "Accept-Encoding", tt.accept)
			h := res.Header
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d", res.StatusCode, tt.status)
			}
			if got := h.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := h.Get("Cache-Control"); got != tt.cacheControl {
				t.Errorf("Cache-Control %q, want %q", got, tt.cacheControl)
			}
			if got := h.Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			if tt.etag != (h.Get("ETag") != "") {
				t.Errorf("ETag %q", h.Get("ETag"))
			}
			if tt.etag && h.Get("Vary") != "Accept-Encoding" {
				t.Errorf("Vary %q", h.Get("Vary"))
			}
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "frame-ancestors " + tt.frameAncestors} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"} {
				if h.Get(name) != want {
					t.Errorf("%s %q, want %q", name, h.Get(name), want)
				}
			}
			if !strings.Contains(h.Get("Permissions-Policy"), "camera=()") {
				t.Errorf("Permissions-Policy %q", h.Get("Permissions-Policy"))
			}
			if len(res.Cookies()) != 0 || h.Get("Set-Cookie") != "" {
				t.Error("a cookie was set")
			}
		})
	}
}

func TestRevalidation(t *testing.T) {
	srv, ts := fullServer(t, io.Discard)
	for _, path := range []string{"/", "/articles/how-to-write", "/api/articles/how-to-write.json", srv.site.Load().assets.url("app.wasm"), "/sw.js"} {
		res, _ := get(t, ts, path)
		etag := res.Header.Get("ETag")
		res2, body := get(t, ts, path, "If-None-Match", etag)
		if res2.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("%s with If-None-Match %s: %d, %d bytes", path, etag, res2.StatusCode, len(body))
		}
		if res3, _ := get(t, ts, path, "If-None-Match", `"someone-elses"`); res3.StatusCode != http.StatusOK {
			t.Errorf("%s with another ETag: %d", path, res3.StatusCode)
		}
	}
	// An ETag is per resource: one page's does not answer for another's.
	res, _ := get(t, ts, "/")
	if res2, _ := get(t, ts, "/articles/how-to-write", "If-None-Match", res.Header.Get("ETag")); res2.StatusCode != http.StatusOK {
		t.Errorf("the index's ETag got 304 for an article")
	}
}

// TestVariantsAreBounded checks that responses shaped by a query are kept
// up to maxVariants, and still served right past it.
func TestVariantsAreBounded(t *testing.T) {
	srv, ts := fullServer(t, io.Discard)
	client := ts.Client()
	fetch := func(path string) string {
		res, err := client.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		return string(body)
	}
	for i := range maxVariants + 20 {
		accent := fmt.Sprintf("#%06x", i)
		if page := fetch("/embed/how-to-write?accent=%23" + accent[1:]); !strings.Contains(page, "--accent:"+accent+" !important") {
			t.Fatalf("accent %s is not in its embed", accent)
		}
		if i%100 == 0 {
			fetch(fmt.Sprintf("/oembed?url=%s/articles/how-to-write&maxheight=%d", url.QueryEscape("https://news.example"), 200+i))
		}
	}
	responses, variants, _ := srv.site.Load().responses.stats()
	if variants != maxVariants {
		t.Errorf("%d variants kept, want the cap, %d", variants, maxVariants)
	}
	if responses > maxVariants+10 {
		t.Errorf("%d responses kept, want at most the %d variants and a few pages", responses, maxVariants)
	}
}

func TestMethods(t *testing.T) {
	_, ts := fullServer(t, io.Discard)
	for _, path := range []string{"/", "/articles/how-to-write", "/api/articles.json", "/web/boot.js", "/embed/how-to-write", "/oembed", "/nope"} {
		for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, "PROPFIND"} {
			req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader("x"))
			res, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(res.Header.Get("Allow"), "GET") {
				t.Errorf("%s %s: %d, Allow %q; want 405 with Allow: GET, HEAD", method, path, res.StatusCode, res.Header.Get("Allow"))
			}
		}
		req, _ := http.NewRequest(http.MethodHead, ts.URL+path, nil)
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode >= 500 || res.StatusCode == http.StatusMethodNotAllowed || len(body) != 0 {
			t.Errorf("HEAD %s: %d with %d bytes", path, res.StatusCode, len(body))
		}
	}
}

func TestPanicBecomes500(t *testing.T) {
	var log logBuffer
	srv, _ := fullServer(t, &log)
	h := srv.logRequests(srv.recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/boom" {
			panic("boom")
		}
		w.Write([]byte("fine"))
	})))
	ts := httptest.NewServer(h)
	defer ts.Close()
	res, body := get(t, ts, "/boom")
	if res.StatusCode != http.StatusInternalServerError || strings.Contains(body, "boom") {
		t.Errorf("a panic answered %d %q", res.StatusCode, body)
	}
	if res, body := get(t, ts, "/after"); res.StatusCode != 200 || body != "fine" {
		t.Errorf("after a panic: %d %q", res.StatusCode, body)
	}
	if !strings.Contains(log.String(), `"msg":"panic serving a request"`) || !strings.Contains(log.String(), `"panic":"boom"`) {
		t.Errorf("the panic was not logged:\n%s", log.String())
	}
}

// logBuffer is a log shared by the server's goroutines and the test.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRequestLog(t *testing.T) {
	var log logBuffer
	_, ts := fullServer(t, &log)
	get(t, ts, "/articles/how-to-write?token=s3cr3t&q=reader+search")
	// The line is written once the response is sent: wait for it.
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline) && !strings.Contains(log.String(), `"msg":"request"`); {
		time.Sleep(5 * time.Millisecond)
	}
	var line struct {
		Msg      string `json:"msg"`
		Method   string `json:"method"`
		Path     string `json:"path"`
		Status   int    `json:"status"`
		Bytes    int64  `json:"bytes"`
		Duration int64  `json:"duration"`
	}
	var lines int
	for _, l := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		if err := json.Unmarshal([]byte(l), &line); err != nil {
			t.Fatalf("not a JSON log line: %q", l)
		}
		if line.Msg == "request" {
			lines++
		}
	}
	if lines != 1 || line.Method != "GET" || line.Path != "/articles/how-to-write" || line.Status != 200 || line.Bytes == 0 || line.Duration == 0 {
		t.Errorf("%d request lines; the last: %+v", lines, line)
	}
	if strings.Contains(log.String(), "s3cr3t") || strings.Contains(log.String(), "reader") {
		t.Errorf("the log keeps the query string:\n%s", log.String())
	}
}

func TestHealthAndReadiness(t *testing.T) {
	srv, ts := fullServer(t, io.Discard)
	if res, body := get(t, ts, "/readyz"); res.StatusCode != 200 || !strings.HasPrefix(body, "ready") {
		t.Errorf("readyz: %d %q", res.StatusCode, body)
	}
	srv.draining.Store(true)
	if res, _ := get(t, ts, "/readyz"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz while draining: %d", res.StatusCode)
	}
	if res, _ := get(t, ts, "/healthz"); res.StatusCode != 200 {
		t.Errorf("healthz while draining: %d", res.StatusCode)
	}
}

// TestLoad sends mixed requests from 64 clients for a bounded time, over
// loopback: no errors, no 5xx.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a load test")
	}
	srv, ts := fullServer(t, io.Discard)
	site := srv.site.Load()
	paths := []string{"/", "/articles/blinken-meets-xi", "/articles/how-to-write", "/embed/blinken-meets-xi?theme=dark", "/embed/how-to-write?accent=%23ff6600",
		"/api/articles.json", "/api/articles/blinken-meets-xi.json", "/api/pages/1.json", site.assets.url("boot.js"), site.assets.url("app.wasm"), "/embed.js", "/sw.js",
		"/manifest.webmanifest", "/oembed?url=" + url.QueryEscape("https://news.example/articles/how-to-write"), "/articles/nope", "/web/../etc/passwd", "/readyz"}
	encodings := []string{"br", "gzip", "", "br, gzip"}
	const clients = 64
	duration := 10 * time.Second
	if raceEnabled {
		duration = 5 * time.Second
	}
	tr := &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	var requests, failures, serverErrors atomic.Int64
	var firstErr atomic.Value
	stop := time.Now().Add(duration)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; time.Now().Before(stop); i++ {
				req, _ := http.NewRequest(http.MethodGet, ts.URL+paths[i%len(paths)], nil)
				req.Header.Set("Accept-Encoding", encodings[i%len(encodings)])
				res, err := client.Do(req)
				requests.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err)
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode >= 500 {
					serverErrors.Add(1)
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d requests from %d clients in %v: %.0f req/s, %d errors, %d 5xx", requests.Load(), clients, duration, float64(requests.Load())/duration.Seconds(), failures.Load(), serverErrors.Load())
	if failures.Load() != 0 || serverErrors.Load() != 0 {
		err, _ := firstErr.Load().(error)
		t.Errorf("%d errors (first: %v), %d 5xx", failures.Load(), err, serverErrors.Load())
	}
	if requests.Load() < clients {
		t.Errorf("only %d requests", requests.Load())
	}
}

// TestCacheIsBounded: with a small budget, serving every page keeps only
// the most recent within it, and every page is still served right.
func TestCacheIsBounded(t *testing.T) {
	store := manyArticles(t, 300)
	srv, err := New(quiet(Config{Store: store, WebDir: t.TempDir(), BaseURL: "https://news.example", CacheBytes: 200 << 10}))
	if err != nil {
		t.Fatal(err)
	}
	ts := newHTTPTest(t, srv)
	for _, sum := range store.Summaries() {
		res, body := get(t, ts, "/articles/"+sum.Slug)
		if res.StatusCode != 200 || !strings.Contains(body, sum.Title+"</h1>") {
			t.Fatalf("%s: %d", sum.Slug, res.StatusCode)
		}
	}
	responses, _, size := srv.site.Load().responses.stats()
	if size > 200<<10 || responses == 0 || responses >= store.Len() {
		t.Errorf("%d responses of %d bytes kept, want some, within 200 kB", responses, size)
	}
	// The most recent pages are kept, the first ones gone.
	c := srv.site.Load().responses
	c.mu.Lock()
	defer c.mu.Unlock()
	sums := store.Summaries()
	if _, ok := c.byKey["page /articles/"+sums[len(sums)-1].Slug]; !ok {
		t.Error("the page served last is not kept")
	}
	if _, ok := c.byKey["page /articles/"+sums[0].Slug]; ok {
		t.Error("the page served first is still kept")
	}
}
