package server

import (
	"encoding/json"
	"fmt"
	"image"
	_ "image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ui "backstory/app"
	"backstory/content"
)

func TestManifest(t *testing.T) {
	ts := testServer(t, embeddedStore(t))
	res, body := get(t, ts, "/manifest.webmanifest")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/manifest+json" {
		t.Fatalf("manifest: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var m struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		ThemeColor      string `json:"theme_color"`
		BackgroundColor string `json:"background_color"`
		Icons           []struct {
			Src     string `json:"src"`
			Sizes   string `json:"sizes"`
			Type    string `json:"type"`
			Purpose string `json:"purpose"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"id": m.ID, "name": m.Name, "short_name": m.ShortName, "description": m.Description, "lang": m.Lang, "start_url": m.StartURL, "scope": m.Scope, "theme_color": m.ThemeColor, "background_color": m.BackgroundColor} {
		if v == "" {
			t.Errorf("the manifest has no %s", name)
		}
	}
	if m.Display != "standalone" {
		t.Errorf("display %q", m.Display)
	}
	want := map[string]bool{"192x192 image/png any": false, "512x512 image/png any": false, "512x512 image/png maskable": false, "any image/svg+xml any": false}
	for _, ic := range m.Icons {
		key := ic.Sizes + " " + ic.Type + " " + ic.Purpose
		if _, ok := want[key]; !ok {
			t.Errorf("unexpected icon %s", key)
			continue
		}
		want[key] = true
		res, body := get(t, ts, ic.Src)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != ic.Type {
			t.Errorf("icon %s: %d %s", ic.Src, res.StatusCode, res.Header.Get("Content-Type"))
			continue
		}
		if ic.Type == "image/png" {
			cfg, _, err := image.DecodeConfig(strings.NewReader(body))
			if err != nil || ic.Sizes != fmt.Sprintf("%dx%d", cfg.Width, cfg.Height) {
				t.Errorf("icon %s is %dx%d (%v), the manifest says %s", ic.Src, cfg.Width, cfg.Height, err, ic.Sizes)
			}
		}
	}
	for key, found := range want {
		if !found {
			t.Errorf("the manifest lacks the icon %s", key)
		}
	}
	_, page := get(t, ts, "/")
	doc := parseHTML(t, page)
	one(t, doc, "manifest link", tag("link", "rel", "manifest", "href", "/manifest.webmanifest"))
	one(t, doc, "apple-touch-icon", tag("link", "rel", "apple-touch-icon"))
	if n := len(all(doc, tag("meta", "name", "theme-color"))); n != 2 {
		t.Errorf("%d theme-color metas, want light and dark", n)
	}
}

// TestWorkerPrecachesNo404: one URL that fails makes the worker's install
// fail (cache.addAll): every URL it saves must answer 200.
func TestWorkerPrecachesNo404(t *testing.T) {
	store := embeddedStore(t)
	srv, err := New(quiet(Config{Store: store, WebDir: t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	ts := newHTTPTest(t, srv)
	res, body := get(t, ts, "/sw.js")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("/sw.js: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	cfg := srv.site.Load().workerConfig(srv.cfg.Precache)
	if !strings.Contains(body, `"version":"`+srv.Version()+`"`) {
		t.Error("the worker does not carry the release's version")
	}
	urls := append(append(append([]string{}, cfg.Static...), cfg.Pages...), cfg.Offline)
	if len(cfg.Pages) != 2+2*store.Len() {
		t.Errorf("the worker saves %d pages, want the index, its JSON and every article with its JSON", len(cfg.Pages))
	}
	for _, u := range urls {
		if res, _ := get(t, ts, u); res.StatusCode != http.StatusOK {
			t.Errorf("the worker saves %s, which answers %d", u, res.StatusCode)
		}
	}
}

func TestPrecacheCapKeepsTheNewest(t *testing.T) {
	var articles []content.Article
	for i := range 5 {
		articles = append(articles, content.Article{Slug: fmt.Sprintf("a%d", i), Title: "A", Published: time.Date(2020+i, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	store, err := content.NewStore(articles)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(quiet(Config{Store: store, WebDir: t.TempDir(), Precache: 2}))
	if err != nil {
		t.Fatal(err)
	}
	got := srv.site.Load().workerConfig(srv.cfg.Precache).Pages
	want := "/ /api/pages/1.json /articles/a4 /api/articles/a4.json /articles/a3 /api/articles/a3.json"
	if strings.Join(got, " ") != want {
		t.Errorf("saved %v, want %s", got, want)
	}
}

func TestVersionFollowsContent(t *testing.T) {
	store := embeddedStore(t)
	srv, err := New(quiet(Config{Store: store, WebDir: t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	ts := newHTTPTest(t, srv)
	v1 := srv.Version()
	res, _ := get(t, ts, "/articles/how-to-write")
	if res.Header.Get("X-Backstory-Version") != v1 {
		t.Errorf("the page's version %q, the server's %q", res.Header.Get("X-Backstory-Version"), v1)
	}
	srv.Update(store)
	if srv.Version() != v1 {
		t.Error("the same content and assets gave another version")
	}
	a, _ := store.Article("how-to-write")
	changed := *a
	changed.Title = "Another title"
	other, _ := content.NewStore([]content.Article{changed})
	srv.Update(other)
	if srv.Version() == v1 {
		t.Error("new content kept the version")
	}
	_, body := get(t, ts, "/articles/how-to-write")
	if !strings.Contains(body, "Another title") {
		t.Error("after Update, the page is the old one")
	}
}

func TestOfflinePage(t *testing.T) {
	ts := testServer(t, embeddedStore(t))
	res, body := get(t, ts, "/offline")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	doc := parseHTML(t, body)
	if got := textOf(one(t, doc, "<h1>", tag("h1"))); got != "You are offline" {
		t.Errorf("h1 %q", got)
	}
}

// TestWorkerKnowsEveryRoute: the worker's rules are the route table's,
// each with a policy the worker's script acts on: a route added to the
// table without a rule for offline reading fails here.
func TestWorkerKnowsEveryRoute(t *testing.T) {
	srv, err := New(quiet(Config{Store: embeddedStore(t), WebDir: t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	cfg := srv.site.Load().workerConfig(srv.cfg.Precache)
	if len(cfg.Routes) != len(ui.Routes) {
		t.Fatalf("the worker has %d routes, the table %d", len(cfg.Routes), len(ui.Routes))
	}
	src, err := os.ReadFile(filepath.Join("..", "web", "static", "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range cfg.Routes {
		rt := ui.Routes[i]
		if r.Policy != rt.Offline || r.Path != rt.Literal() || r.Exact == rt.HasParams() {
			t.Errorf("%s: the worker has %+v", rt.Name, r)
		}
		// The script acts on each policy by name; "network" is what it
		// does with a URL no rule claims: nothing.
		acts := strings.Contains(string(src), `policy === "`+string(r.Policy)+`"`)
		if r.Policy == ui.OfflineNetwork {
			acts = strings.Contains(string(src), `return "network";`)
		}
		if r.Policy == "" || !acts {
			t.Errorf("%s: the worker's script does nothing with the policy %q", rt.Name, r.Policy)
		}
	}
}
