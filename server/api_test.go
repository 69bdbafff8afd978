package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ui "backstory/app"
	"backstory/content"

	"github.com/andybalholm/brotli"
)

func TestAPI(t *testing.T) {
	store := embeddedStore(t)
	ts := testServer(t, store)

	res, body := get(t, ts, "/api/articles.json")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("list: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var list []content.Summary
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) != store.Len() || list[0].Slug != store.Summaries()[0].Slug {
		t.Errorf("list: %v, %+v", err, list)
	}

	res, body = get(t, ts, "/api/articles/blinken-meets-xi.json")
	var a content.Article
	if err := json.Unmarshal([]byte(body), &a); err != nil || res.StatusCode != http.StatusOK || a.Slug != "blinken-meets-xi" || len(a.Cards) == 0 {
		t.Errorf("article: %d %v %+v", res.StatusCode, err, a.Slug)
	}
	etag := res.Header.Get("ETag")
	if etag == "" || res.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("article: ETag %q, Cache-Control %q", etag, res.Header.Get("Cache-Control"))
	}
	if res, _ := get(t, ts, "/api/articles/blinken-meets-xi.json", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", res.StatusCode)
	}
	for _, path := range []string{"/api/articles/nope.json", "/api/articles/nope", "/api/articles/blinken-meets-xi.js", "/api/articles/", "/api/pages/2.json", "/api/pages/0.json", "/api/pages/01.json", "/api/pages/x.json"} {
		if res, _ := get(t, ts, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}

	// The addresses without .json redirect to the JSON.
	for from, to := range map[string]string{"/api/articles": "/api/articles.json", "/api/articles/blinken-meets-xi": "/api/articles/blinken-meets-xi.json"} {
		if res, _ := get(t, ts, from); res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != to {
			t.Errorf("%s: %d to %q, want 301 to %s", from, res.StatusCode, res.Header.Get("Location"), to)
		}
	}

	res, body = get(t, ts, "/api/pages/1.json")
	var page ui.IndexPageData
	if err := json.Unmarshal([]byte(body), &page); err != nil || res.StatusCode != http.StatusOK || page.Page != 1 || page.Pages != 1 || len(page.Articles) != store.Len() {
		t.Errorf("index page 1: %d %v %+v", res.StatusCode, err, page.Pagination)
	}
}

func TestCompression(t *testing.T) {
	ts := testServer(t, embeddedStore(t))
	_, plain := get(t, ts, "/articles/blinken-meets-xi", "Accept-Encoding", "identity")
	tests := []struct {
		accept, want string
	}{
		{"br, gzip", "br"},
		{"gzip", "gzip"},
		{"", ""},
	}
	for _, tt := range tests {
		res, body := get(t, ts, "/articles/blinken-meets-xi", "Accept-Encoding", tt.accept)
		if got := res.Header.Get("Content-Encoding"); got != tt.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tt.accept, got, tt.want)
		}
		if res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Vary = %q", res.Header.Get("Vary"))
		}
		if got := decode(t, tt.want, body); got != plain {
			t.Errorf("Accept-Encoding %q: body does not decode to the page", tt.accept)
		}
	}
}

func decode(t *testing.T, encoding, body string) string {
	t.Helper()
	var r io.Reader = strings.NewReader(body)
	switch encoding {
	case "br":
		r = brotli.NewReader(r)
	case "gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestAssets(t *testing.T) {
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("wasm"), 1000)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app.wasm.br"), []byte("not brotli of the wasm"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := New(quiet(Config{Store: embeddedStore(t), WebDir: dir}))
	if err != nil {
		t.Fatal(err)
	}
	site := srv.site.Load()
	_ = site
	url := site.assets.url("app.wasm")
	if !strings.HasPrefix(url, "/web/app.") || !strings.HasSuffix(url, ".wasm") {
		t.Fatalf("wasm URL %q is not versioned", url)
	}
	ts := newHTTPTest(t, srv)
	res, body := get(t, ts, url, "Accept-Encoding", "br, gzip")
	if res.Header.Get("Content-Type") != "application/wasm" || res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Errorf("versioned wasm: %s, %s", res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"))
	}
	if body == "not brotli of the wasm" {
		t.Error("served a .br file that does not decompress to the wasm")
	}
	if decode(t, res.Header.Get("Content-Encoding"), body) != string(wasm) {
		t.Error("the wasm body is wrong")
	}
	if res, _ := get(t, ts, "/web/app.wasm"); res.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("plain name: Cache-Control %q", res.Header.Get("Cache-Control"))
	}
	for _, path := range []string{"/web/nope.js", "/web/", "/web/app.0000000000.wasm"} {
		if res, _ := get(t, ts, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
	for _, path := range []string{"/web/../go.mod", "/web/..%2fgo.mod", "/web//app.wasm", "/..", "/web/%00", "/" + strings.Repeat("a", 2000)} {
		if res, _ := get(t, ts, path); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", path, res.StatusCode)
		}
	}
}
