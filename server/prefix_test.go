package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// prefixServer serves the embedded articles under https://news.example/interactive.
func prefixServer(t *testing.T, base string) (*Server, *httptest.Server) {
	t.Helper()
	srv, err := New(quiet(Config{Store: embeddedStore(t), WebDir: t.TempDir(), BaseURL: base}))
	if err != nil {
		t.Fatal(err)
	}
	return srv, newHTTPTest(t, srv)
}

// TestParseBaseURL: a base URL is an absolute http(s) URL whose path, with
// or without a trailing slash, is the prefix; anything else is refused.
func TestParseBaseURL(t *testing.T) {
	for raw, want := range map[string]string{
		"":                                   "",
		"https://news.example":               "",
		"https://news.example/":              "",
		"http://127.0.0.1:8080/news":         "/news",
		"https://news.example/news/":         "/news",
		"https://news.example/a/b":           "/a/b",
		"https://news.example/%C3%A9t%C3%A9": "/été",
	} {
		u, err := ParseBaseURL(raw)
		if err != nil {
			t.Errorf("ParseBaseURL(%q): %v", raw, err)
			continue
		}
		if got := strings.TrimRight(u.Path, "/"); got != want {
			t.Errorf("ParseBaseURL(%q): path %q, want %q", raw, got, want)
		}
	}
	for raw, why := range map[string]string{
		"news.example":                   "absolute",
		"/news":                          "absolute",
		"ftp://news.example/":            "absolute http or https",
		"https://":                       "absolute",
		"https://news.example/?x=1":      "no query or fragment",
		"https://news.example/news?":     "no query or fragment",
		"https://news.example/news#top":  "no query or fragment",
		"https://news.example/a/../b":    "path",
		"https://news.example//a":        "path",
		"https://user:pw@news.example/a": "user name",
		"mailto:news@example.org":        "absolute",
	} {
		if _, err := ParseBaseURL(raw); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("ParseBaseURL(%q) = %v, want an error saying %q", raw, err, why)
		}
	}
	if _, err := New(quiet(Config{Store: embeddedStore(t), WebDir: t.TempDir(), BaseURL: "news.example"})); err == nil {
		t.Error("New accepts a base URL that is not absolute")
	}
}

// TestPrefixRouting: under a prefix the server answers there and nowhere
// else: the root and the prefix alone lead to the index, redirects stay
// under it.
func TestPrefixRouting(t *testing.T) {
	_, ts := prefixServer(t, "https://news.example/interactive/")
	tests := []struct {
		path     string
		status   int
		location string
	}{
		{"/", 301, "/interactive/"},
		{"/interactive", 301, "/interactive/"},
		{"/interactive/", 200, ""},
		{"/interactive/index.html", 301, "/interactive/"},
		{"/interactive/articles/blinken-meets-xi", 200, ""},
		{"/interactive/articles/blinken-meets-xi/", 301, "/interactive/articles/blinken-meets-xi"},
		{"/interactive/articles/blinken-meets-xi/index.html", 301, "/interactive/articles/blinken-meets-xi"},
		{"/interactive/articles/nope/", 404, ""},
		{"/interactive/page/1", 301, "/interactive/"},
		{"/interactive/?page=1", 301, "/interactive/"},
		{"/interactive/api/articles", 301, "/interactive/api/articles.json"},
		{"/interactive/api/articles/how-to-write", 301, "/interactive/api/articles/how-to-write.json"},
		{"/interactive/api/articles/how-to-write.json", 200, ""},
		{"/interactive/embed/how-to-write", 200, ""},
		{"/interactive/offline", 200, ""},
		{"/interactive/healthz", 200, ""},
		{"/interactive/sw.js", 200, ""},
		{"/interactive/manifest.webmanifest", 200, ""},
		{"/interactive/embed.js", 200, ""},
		{"/articles/blinken-meets-xi", 404, ""},
		{"/web/boot.js", 404, ""},
		{"/interactiveX/", 404, ""},
		{"/sw.js", 404, ""},
	}
	for _, tt := range tests {
		res, _ := get(t, ts, tt.path)
		if res.StatusCode != tt.status || res.Header.Get("Location") != tt.location {
			t.Errorf("%s: %d to %q, want %d to %q", tt.path, res.StatusCode, res.Header.Get("Location"), tt.status, tt.location)
		}
	}
	// The 404 page of a path outside the prefix links into the site.
	_, body := get(t, ts, "/elsewhere")
	doc := parseHTML(t, body)
	if d := pageData(t, doc); d.Site.Prefix != "/interactive" {
		t.Errorf("404 outside the prefix: page data says prefix %q", d.Site.Prefix)
	}
}

// TestEveryURLUnderThePrefix: every URL a page, the manifest, the worker,
// the loader and oEmbed make is under the prefix, and every one of the
// site's own answers 200: no request a page makes is a 404.
func TestEveryURLUnderThePrefix(t *testing.T) {
	const base = "https://news.example/interactive"
	srv, ts := prefixServer(t, base)
	// urls are what pages load or link to; rules are URL prefixes that
	// scripts tell URLs apart by.
	var urls, rules []string
	for _, page := range []string{"/interactive/", "/interactive/articles/how-to-write", "/interactive/articles/blinken-meets-xi", "/interactive/embed/how-to-write", "/interactive/cards/wang-yi", "/interactive/offline", "/interactive/nope"} {
		_, body := get(t, ts, page)
		doc := parseHTML(t, body)
		for _, n := range all(doc, func(*html.Node) bool { return true }) {
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" || n.Data == "meta" && a.Key == "content" && strings.Contains(a.Val, "://") {
					urls = append(urls, a.Val)
				}
			}
		}
		loader := textOf(one(t, doc, "loader", func(n *html.Node) bool { return n.Data == "script" && len(n.Attr) == 0 }))
		var cfg loaderConfig
		start := strings.LastIndex(loader, "(document,")
		if err := json.Unmarshal([]byte(strings.TrimSuffix(loader[start+len("(document,"):], ")")), &cfg); err != nil {
			t.Fatalf("%s: the loader's config: %v", page, err)
		}
		urls = append(append(append(urls, cfg.Scripts...), cfg.EmbedScripts...), cfg.Boot.Worker, cfg.Boot.Scope)
		rules = append(rules, cfg.Boot.Assets+"/")
		if cfg.Boot.Prefix != "/interactive" {
			t.Errorf("%s: boot.js is told the prefix %q", page, cfg.Boot.Prefix)
		}
		if d := pageData(t, doc); d.Site.Prefix != "/interactive" {
			t.Errorf("%s: the page data's prefix is %q", page, d.Site.Prefix)
		}
	}
	_, body := get(t, ts, "/interactive/manifest.webmanifest")
	var m struct {
		ID, StartURL, Scope string
		Icons               []struct{ Src string }
	}
	m.StartURL = jsonField(t, body, "start_url")
	m.ID, m.Scope = jsonField(t, body, "id"), jsonField(t, body, "scope")
	for _, v := range []string{m.ID, m.StartURL, m.Scope} {
		if v != "/interactive/" {
			t.Errorf("the manifest's id, start_url or scope is %q, want /interactive/", v)
		}
	}
	json.Unmarshal([]byte(body), &m)
	for _, ic := range m.Icons {
		urls = append(urls, ic.Src)
	}
	wc := srv.site.Load().workerConfig(srv.cfg.Precache)
	urls = append(append(append(urls, wc.Static...), wc.Pages...), wc.Offline, wc.Scope, wc.Cards)
	rules = append(rules, wc.Assets)
	for _, r := range wc.Routes {
		rules = append(rules, r.Path)
	}
	for _, r := range rules {
		if !strings.HasPrefix(r, "/interactive/") {
			t.Errorf("the rule %q is not under the prefix", r)
		}
	}
	_, body = get(t, ts, "/interactive/oembed?url="+url.QueryEscape(base+"/articles/how-to-write"))
	for _, field := range []string{"provider_url"} {
		urls = append(urls, jsonField(t, body, field))
	}
	snippet := parseHTML(t, jsonField(t, body, "backstory_snippet")+jsonField(t, body, "html"))
	for _, n := range all(snippet, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "data-backstory" {
				urls = append(urls, a.Val)
			}
		}
	}
	if len(urls) < 60 {
		t.Fatalf("only %d URLs found", len(urls))
	}
	slices.Sort(urls)
	for _, u := range slices.Compact(urls) {
		switch {
		case strings.HasPrefix(u, "#"), strings.HasPrefix(u, "data:"), strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "https://news.example/"):
			continue // not the site's
		case strings.HasPrefix(u, base+"/"):
			u = strings.TrimPrefix(u, "https://news.example")
		case !strings.HasPrefix(u, "/interactive/"):
			t.Errorf("%q is not under the prefix", u)
			continue
		}
		if res, _ := get(t, ts, u); res.StatusCode != http.StatusOK {
			t.Errorf("%s answers %d", u, res.StatusCode)
		}
	}
	// Without the prefix, the oEmbed endpoint knows no article.
	if res, _ := get(t, ts, "/interactive/oembed?url="+url.QueryEscape("https://news.example/articles/how-to-write")); res.StatusCode != http.StatusNotFound {
		t.Errorf("oEmbed for a URL outside the prefix: %d, want 404", res.StatusCode)
	}
}

// jsonField reads a string field of a JSON object.
func jsonField(t *testing.T, body, field string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	s, _ := m[field].(string)
	return s
}
