package export

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	ui "backstory/app"
	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"
	"backstory/internal/precompress"
	"backstory/internal/synthetic"
	"backstory/server"
)

// newServer makes a server of store with a stand-in wasm that has .br and
// .gz siblings, as make wasm writes them.
func newServer(t testing.TB, store *content.Store) *server.Server {
	t.Helper()
	return newServerAt(t, store, "https://news.example")
}

// newServerAt is newServer for a site at base.
func newServerAt(t testing.TB, store *content.Store, base string) *server.Server {
	t.Helper()
	web := t.TempDir()
	wasm := []byte("\x00asm\x01\x00\x00\x00" + strings.Repeat("wasm", 5000))
	files := map[string][]byte{
		"app.wasm":     wasm,
		"app.wasm.br":  precompress.Brotli(wasm, 5),
		"app.wasm.gz":  precompress.Gzip(wasm),
		"wasm_exec.js": []byte("// wasm_exec.js stand-in\n"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(web, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := server.New(server.Config{BaseURL: base, Store: store, WebDir: web, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// staticPaths is what srv says a static host can serve.
func staticPaths(t *testing.T, srv *server.Server) []server.StaticPath {
	t.Helper()
	paths, err := srv.StaticPaths()
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

func embedded(t *testing.T) *content.Store {
	t.Helper()
	store, err := markdown.NewParser().LoadDir(articles.FS, articles.Dir)
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestWrite: every path the server lists is a file holding what the server
// sends, pages as path/index.html, compressible files with .br and .gz
// siblings that decode to it.
func TestWrite(t *testing.T) {
	srv := newServer(t, embedded(t))
	dir := filepath.Join(t.TempDir(), "site")
	sum, err := Write(srv, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	if sum.Files != len(files) {
		t.Errorf("summary says %d files, the directory has %d", sum.Files, len(files))
	}
	for _, want := range []string{
		"index.html", "404.html", "offline/index.html", "articles/blinken-meets-xi/index.html", "embed/blinken-meets-xi/index.html",
		"api/articles.json", "api/articles/blinken-meets-xi.json", "api/pages/1.json", "oembed/blinken-meets-xi.json",
		"embed.js", "sw.js", "manifest.webmanifest", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/icons/icon-192.png",
		"_headers", "_nginx.conf", marker,
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	for _, sp := range staticPaths(t, srv) {
		p := sp.Path
		name := fileName(sp)
		body, ok := files[name]
		if !ok {
			t.Errorf("%s: no file %s", p, name)
			continue
		}
		req, _ := http.NewRequest(http.MethodGet, p, nil)
		w := &recorder{header: http.Header{}}
		srv.Handler().ServeHTTP(w, req)
		if !bytes.Equal(body, w.body.Bytes()) {
			t.Errorf("%s: the file differs from what the server sends", p)
		}
		for enc, suffix := range map[string]string{"br": ".br", "gzip": ".gz"} {
			// A sibling exactly when the server sends the encoding.
			req.Header.Set("Accept-Encoding", enc)
			w := &recorder{header: http.Header{}}
			srv.Handler().ServeHTTP(w, req)
			compressed, ok := files[name+suffix]
			switch sent := w.header.Get("Content-Encoding") == enc; {
			case sent && (!ok || !bytes.Equal(compressed, w.body.Bytes())):
				t.Errorf("%s: %s missing or not what the server sends", p, name+suffix)
			case sent && !precompress.Decodes(compressed, enc, body):
				t.Errorf("%s: %s does not decode to the file", p, name+suffix)
			case !sent && ok:
				t.Errorf("%s: %s written, but the server does not send %s", p, name+suffix, enc)
			}
		}
	}
	for _, name := range []string{"index.html.br", "web/app.wasm.br", "api/articles.json.gz", "web/icons/icon-192.png"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if _, ok := files["web/icons/icon-192.png.gz"]; ok {
		t.Error("a PNG compressed again")
	}
}

// TestWriteIsDeterministic: two exports of the same input are the same
// bytes.
func TestWriteIsDeterministic(t *testing.T) {
	store := embedded(t)
	var trees [2]map[string][]byte
	for i := range trees {
		dir := filepath.Join(t.TempDir(), "site")
		if _, err := Write(newServer(t, store), dir, Options{}); err != nil {
			t.Fatal(err)
		}
		trees[i] = tree(t, dir)
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("%d files, then %d", len(trees[0]), len(trees[1]))
	}
	for name, body := range trees[0] {
		if !bytes.Equal(body, trees[1][name]) {
			t.Errorf("%s differs between two exports", name)
		}
	}
}

// TestWriteReplacesOnlyExports: an earlier export is replaced whole (an
// article deleted since is gone), a directory of other files is refused.
func TestWriteReplacesOnlyExports(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Write(newServer(t, embedded(t)), dir, Options{}); err != nil {
		t.Fatal(err)
	}
	one, err := content.NewStore([]content.Article{{Slug: "only", Title: "Only"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(newServer(t, one), dir, Options{}); err != nil {
		t.Fatalf("replacing an earlier export: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "articles", "blinken-meets-xi")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an article gone from the input is still exported (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "articles", "only", "index.html")); err != nil {
		t.Error(err)
	}

	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "thesis.tex"), []byte("precious"), 0o644)
	if _, err := Write(newServer(t, one), other, Options{}); err == nil || !strings.Contains(err.Error(), "not an earlier export") {
		t.Errorf("exporting over a directory of other files: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(other, "thesis.tex")); string(b) != "precious" {
		t.Error("the other files were touched")
	}
}

// TestExportChecksStatuses: a path the server does not answer with 200
// fails the export, naming it.
func TestExportChecksStatuses(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/broken" {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		w.Write([]byte("fine"))
	})
	paths := []server.StaticPath{{Path: "/fine.txt"}, {Path: "/broken"}}
	_, _, err := exportAll(h, "", paths, t.TempDir(), nil)
	if err == nil || !strings.Contains(err.Error(), "/broken: the server answered 500") {
		t.Errorf("err = %v", err)
	}
}

// TestHeaderRulesCoverEveryPathOnce: in _headers, every exported path
// matches exactly one rule, as Netlify and Cloudflare Pages match them
// (a trailing * matches the rest of the path), so no header is sent twice.
func TestHeaderRulesCoverEveryPathOnce(t *testing.T) {
	srv := newServer(t, embedded(t))
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Write(srv, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "/") {
			patterns = append(patterns, line)
		}
	}
	matches := func(pattern, p string) bool {
		if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
			return strings.HasPrefix(p, prefix)
		}
		return pattern == p
	}
	for _, sp := range staticPaths(t, srv) {
		p := sp.Path
		n := 0
		for _, pat := range patterns {
			if matches(pat, p) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s matches %d rules of _headers, want 1", p, n)
		}
	}
}

// TestHeaderRulesMustHoldForTheirClass: a file whose headers differ from
// its class's fails the export rather than writing a false _headers.
func TestHeaderRulesMustHoldForTheirClass(t *testing.T) {
	a := http.Header{"Cache-Control": {"no-cache"}}
	b := http.Header{"Cache-Control": {"no-store"}}
	article, _ := ui.LookupRoute(ui.RouteArticle)
	_, err := headerRules([]file{{StaticPath: server.StaticPath{Path: "/articles/a", Route: article}, header: a}, {StaticPath: server.StaticPath{Path: "/articles/b", Route: article}, header: b}})
	if err == nil || !strings.Contains(err.Error(), "/articles/b") {
		t.Errorf("err = %v", err)
	}
}

// TestExportUnderAPrefix: under a prefix the export is the prefix's
// directory: its files are the site's paths, and every rule for hosts and
// every link in its pages carries the prefix.
func TestExportUnderAPrefix(t *testing.T) {
	srv := newServerAt(t, embedded(t), "https://news.example/news/")
	dir := filepath.Join(t.TempDir(), "news")
	if _, err := Write(srv, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	for _, want := range []string{"index.html", "404.html", "articles/blinken-meets-xi/index.html", "api/pages/1.json", "sw.js"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	for _, line := range strings.Split(string(files["_headers"]), "\n") {
		if strings.HasPrefix(line, "/") && !strings.HasPrefix(line, "/news/") {
			t.Errorf("_headers: %q is not under the prefix", line)
		}
	}
	// Every path in _nginx.conf: locations, redirects, try_files, the
	// error page.
	paths := 0
	for _, tok := range strings.Fields(string(files["_nginx.conf"])) {
		tok = strings.TrimLeft(strings.TrimRight(tok, ";\""), "\"^")
		if !strings.HasPrefix(tok, "/") {
			continue
		}
		paths++
		if !strings.HasPrefix(tok, "/news") {
			t.Errorf("_nginx.conf: %q is not under the prefix", tok)
		}
	}
	if paths < 20 {
		t.Errorf("only %d paths in _nginx.conf", paths)
	}
	if !strings.Contains(string(files["articles/blinken-meets-xi/index.html"]), `href="/news/"`) {
		t.Error("the article does not link to the index under the prefix")
	}
}

// TestEveryRouteExported: every route a static host can serve is in the
// export (a file at least), in _headers and in _nginx.conf, and every
// alias is a redirect in _nginx.conf: a route added to the table without
// its export fails here.
func TestEveryRouteExported(t *testing.T) {
	store, err := markdown.NewParser().LoadDir(synthetic.FSWithCards(ui.IndexPageSize+5, 1), "synthetic") // one shared card, placed by every article: two pages of stories
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, store)
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Write(srv, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	exported := map[ui.RouteName]int{}
	for _, sp := range staticPaths(t, srv) {
		if _, ok := files[fileName(sp)]; ok {
			exported[sp.Route.Name]++
		}
	}
	headers, conf := string(files["_headers"]), string(files["_nginx.conf"])
	for _, rt := range ui.Routes {
		switch {
		case !rt.Static:
			continue
		case rt.RedirectTo != "":
			if !strings.Contains(conf, nginxRedirect("", rt)) {
				t.Errorf("%s: no redirect in _nginx.conf", rt.Name)
			}
			continue
		case exported[rt.Name] == 0:
			t.Errorf("%s: no file exported", rt.Name)
		}
		// A rule's comment names its routes: one, or those whose paths
		// start alike.
		about := `\n# (?:[^\n]* and )?` + regexp.QuoteMeta(rt.About) + `(?: and [^\n]*)?\n`
		if !regexp.MustCompile(about + "/").MatchString(headers) {
			t.Errorf("%s: no rule in _headers", rt.Name)
		}
		if !regexp.MustCompile(about + "location ").MatchString(conf) {
			t.Errorf("%s: no location in _nginx.conf", rt.Name)
		}
	}
}
