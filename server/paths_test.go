package server

import (
	"bufio"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secret is in a file beside the web directory and in it; no response may
// ever carry it.
const secret = "7c0ffee-not-for-readers"

// FuzzPaths sends arbitrary request targets through the whole handler:
// none may panic or fail with a 5xx, and a 200 under /web/ is always one of
// the server's own assets, never another file.
func FuzzPaths(f *testing.F) {
	root := f.TempDir()
	web := filepath.Join(root, "web")
	for path, body := range map[string]string{
		filepath.Join(root, "secret.txt"):  secret,
		filepath.Join(web, "secret.txt"):   secret,
		filepath.Join(web, "app.wasm"):     "\x00asm\x01\x00\x00\x00" + strings.Repeat("wasm", 100),
		filepath.Join(web, "wasm_exec.js"): "// wasm_exec.js stand-in\n",
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	srv, err := New(Config{Store: embeddedStore(f), WebDir: web, BaseURL: "https://news.example", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		f.Fatal(err)
	}
	ours := map[string]bool{}
	for _, a := range srv.assets.byName {
		for _, b := range [][]byte{a.body.Identity, a.body.Gzip, a.body.Brotli} {
			if b != nil {
				ours[string(b)] = true
			}
		}
	}
	for _, seed := range []string{
		"/", "/articles/blinken-meets-xi", "/web/app.wasm", srv.assets.url("app.css"),
		"/web/secret.txt", "/web/../secret.txt", "/web/%2e%2e/secret.txt", "/web/..%2fsecret.txt",
		"/..%2f..%2fetc/passwd", "//etc/passwd", "/web//app.wasm", "/web/app.wasm/", "/web/%00",
		"/%00", "/a%0Ab", "/" + strings.Repeat("a", 2000), "/api/articles/../../go.mod",
		"/embed/blinken-meets-xi?accent=%23ff0000&theme=dark", "/oembed?url=https://news.example/articles/x",
		"*", "http://other.example/web/boot.js", "/web/boot.js?v=1", "/web/BOOT.JS", "/sw.js/..",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, target string) {
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.1\r\nHost: news.example\r\nAccept-Encoding: br, gzip\r\n\r\n")))
		if err != nil {
			return // net/http answers 400 before any handler runs
		}
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d: %s", target, rec.Code, body)
		}
		if strings.Contains(body, secret) {
			t.Fatalf("%q: served the secret file", target)
		}
		if rec.Code == http.StatusOK && strings.HasPrefix(req.URL.Path, "/web/") && !ours[body] {
			t.Fatalf("%q: 200 with %d bytes that are none of the server's assets", target, len(body))
		}
	})
}
