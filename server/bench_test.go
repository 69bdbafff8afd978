package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// discardWriter is a ResponseWriter that keeps nothing but the status, so
// that benchmarks measure the handler, not a recorder.
type discardWriter struct {
	header http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.header }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }

// BenchmarkHandler measures the whole handler (logging, recovery, headers,
// path checks, routing and the response) for each class of request.
func BenchmarkHandler(b *testing.B) {
	srv, _ := fullServer(b, io.Discard)
	site := srv.site.Load()
	for _, bc := range []struct {
		name, path, accept string
		status             int
	}{
		{"page/br", "/articles/blinken-meets-xi", "br, gzip", 200},
		{"page/gzip", "/articles/blinken-meets-xi", "gzip", 200},
		{"page/identity", "/articles/blinken-meets-xi", "", 200},
		{"index/br", "/", "br, gzip", 200},
		{"embed/br", "/embed/blinken-meets-xi", "br, gzip", 200},
		{"embed-accent/gzip", "/embed/blinken-meets-xi?accent=%23aa3300", "gzip", 200},
		{"api/br", "/api/articles/blinken-meets-xi.json", "br, gzip", 200},
		{"asset/br", site.assets.url("boot.js"), "br, gzip", 200},
		{"wasm/br", site.assets.url("app.wasm"), "br, gzip", 200},
		{"oembed/gzip", "/oembed?url=https://news.example/articles/blinken-meets-xi", "gzip", 200},
		{"not-found", "/articles/nope", "br, gzip", 404},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := srv.Handler()
			req := httptest.NewRequest(http.MethodGet, bc.path, nil)
			if bc.accept != "" {
				req.Header.Set("Accept-Encoding", bc.accept)
			}
			w := &discardWriter{header: http.Header{}}
			h.ServeHTTP(w, req) // fill the cache: a revision's first request makes the page
			b.ReportAllocs()
			for b.Loop() {
				clear(w.header)
				w.status = 0
				h.ServeHTTP(w, req)
			}
			if w.status != bc.status && !(w.status == 0 && bc.status == 200) {
				b.Fatalf("status %d, want %d", w.status, bc.status)
			}
		})
	}
}
