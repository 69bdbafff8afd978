package app

import (
	"maps"
	"strconv"
	"testing"
)

func TestIndexPage(t *testing.T) {
	tests := []struct {
		path string
		n    int
		ok   bool
	}{
		{"/", 1, true},
		{"/page/2", 2, true},
		{"/page/10", 10, true},
		{"/page/999999999", 999999999, true},
		{"/page/1", 0, false}, // page 1 is /
		{"/page/0", 0, false},
		{"/page/02", 0, false},
		{"/page/-2", 0, false},
		{"/page/+2", 0, false},
		{"/page/2/", 0, false},
		{"/page/", 0, false},
		{"/page/1000000000", 0, false},
		{"/page/2x", 0, false},
		{"/articles/2", 0, false},
	}
	for _, tt := range tests {
		rt, params, ok := Match(tt.path)
		ok = ok && (rt.Name == RouteIndex || rt.Name == RouteIndexPage)
		n := 1
		if params["n"] != "" {
			n, _ = strconv.Atoi(params["n"])
		}
		if n != tt.n && tt.ok || ok != tt.ok {
			t.Errorf("Match(%q) = index page %d, %t; want %d, %t", tt.path, n, ok, tt.n, tt.ok)
		}
		if tt.ok && IndexPath(n) != tt.path {
			t.Errorf("IndexPath(%d) = %q, want %q", n, IndexPath(n), tt.path)
		}
	}
}

func TestIndexPages(t *testing.T) {
	for articles, want := range map[int]int{0: 1, 1: 1, 50: 1, 51: 2, 100: 2, 101: 3, 10000: 200} {
		if got := IndexPages(articles); got != want {
			t.Errorf("IndexPages(%d) = %d, want %d", articles, got, want)
		}
	}
}

func TestPaths(t *testing.T) {
	article, _ := LookupRoute(RouteArticle)
	index, _ := LookupRoute(RouteIndex)
	for got, want := range map[string]string{
		article.DataPath(Params{"slug": "a-b"}): "/api/articles/a-b.json",
		index.DataPath(nil):                     "/api/pages/1.json",
		OEmbedPath("a-b"):                       "/oembed/a-b.json",
		APIArticlePath("é"):                     "/api/articles/%C3%A9.json",
		APIIndexPath(3):                         "/api/pages/3.json",
		AssetPath("icons/icon.svg"):             "/web/icons/icon.svg",
		EmbedPath("x"):                          "/embed/x",
		PathOf(RouteManifest):                   "/manifest.webmanifest",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		path   string
		route  RouteName
		params Params
	}{
		{"/", RouteIndex, nil},
		{"/page/2", RouteIndexPage, Params{"n": "2"}},
		{"/page/1", RouteIndexPageOne, nil},
		{"/page/02", "", nil},
		{"/articles/a-b", RouteArticle, Params{"slug": "a-b"}},
		{"/articles/a-b/c", "", nil},
		{"/articles/", "", nil},
		{"/embed/a-b", RouteEmbed, Params{"slug": "a-b"}},
		{"/api/articles.json", RouteArticleList, nil},
		{"/api/articles", RouteArticleListTo, nil},
		{"/api/articles/a-b.json", RouteArticleJSON, Params{"slug": "a-b"}},
		{"/api/articles/a-b", RouteArticleJSONTo, Params{"slug": "a-b"}},
		{"/api/articles/.json", RouteArticleJSONTo, Params{"slug": ".json"}},
		{"/api/pages/1.json", RouteIndexJSON, Params{"n": "1"}},
		{"/api/pages/0.json", "", nil},
		{"/api/pages/x.json", "", nil},
		{"/oembed", RouteOEmbed, nil},
		{"/oembed/a.json", RouteArticleOEmbed, Params{"slug": "a"}},
		{"/web/icons/icon.svg", RouteAsset, Params{"file": "icons/icon.svg"}},
		{"/web/", "", nil},
		{"/404.html", RouteNotFound, nil},
		{"/nothing", "", nil},
		{"", "", nil},
	}
	for _, tt := range tests {
		rt, params, ok := Match(tt.path)
		if ok != (tt.route != "") || rt.Name != tt.route || !maps.Equal(params, tt.params) {
			t.Errorf("Match(%q) = %s %v %t, want %s %v", tt.path, rt.Name, params, ok, tt.route, tt.params)
		}
		if ok && rt.RedirectTo == "" && rt.PathFrom(params) != tt.path {
			t.Errorf("%s.PathFrom(%v) = %q, want %q", rt.Name, params, rt.PathFrom(params), tt.path)
		}
	}
}

// TestRouteTable: every route is declared whole: a pattern that makes
// its own paths, a policy for the service worker, a page's JSON where the
// wasm shows it, aliases to routes that exist.
func TestRouteTable(t *testing.T) {
	names := map[RouteName]bool{}
	policies := map[OfflinePolicy]bool{OfflinePage: true, OfflineData: true, OfflineAsset: true, OfflineNetwork: true}
	for _, rt := range Routes {
		if names[rt.Name] {
			t.Errorf("two routes named %s", rt.Name)
		}
		names[rt.Name] = true
		if !policies[rt.Offline] {
			t.Errorf("%s: no offline policy (%q)", rt.Name, rt.Offline)
		}
		if rt.About == "" {
			t.Errorf("%s: no About", rt.Name)
		}
		if rt.Wasm {
			if _, ok := LookupRoute(rt.JSON); !ok || rt.Page == "" {
				t.Errorf("%s: the wasm shows it, but it has no JSON route %q or page kind", rt.Name, rt.JSON)
			}
		}
		if rt.RedirectTo != "" {
			if _, ok := LookupRoute(rt.RedirectTo); !ok {
				t.Errorf("%s: redirects to no route %q", rt.Name, rt.RedirectTo)
			}
		}
		// A path made from the pattern is matched by this route.
		values := Params{}
		for _, s := range rt.segments() {
			if s.wildcard != "" {
				values[s.wildcard] = "7"
			}
		}
		p := rt.PathFrom(values)
		if got, _, ok := Match(p); !ok || got.Name != rt.Name && got.RedirectTo == "" {
			t.Errorf("%s: its path %q matches %s (%t)", rt.Name, p, got.Name, ok)
		}
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"/":                        "/",
		"/index.html":              "/",
		"/articles/x":              "/articles/x",
		"/articles/x/":             "/articles/x",
		"/articles/x/index.html":   "/articles/x",
		"/page/2/":                 "/page/2",
		"":                         "/",
		"/api/articles/x.json":     "/api/articles/x.json",
		"/articles/index.html.bak": "/articles/index.html.bak",
	} {
		if got := Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrefix(t *testing.T) {
	for _, tt := range []struct {
		base   string
		prefix Prefix
	}{{"", ""}, {"/", ""}, {"/news", "/news"}, {"/news/", "/news"}, {"/a/b/", "/a/b"}} {
		if got := ParsePrefix(tt.base); got != tt.prefix {
			t.Errorf("ParsePrefix(%q) = %q, want %q", tt.base, got, tt.prefix)
		}
	}
	p := Prefix("/news")
	for in, want := range map[string]string{
		"/":                  "/news/",
		"/articles/x":        "/news/articles/x",
		"https://a.example/": "https://a.example/",
		"//cdn.example/x":    "//cdn.example/x",
		"#card":              "#card",
		"":                   "",
	} {
		if got := p.URL(in); got != want {
			t.Errorf("URL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Prefix("").URL("/articles/x"); got != "/articles/x" {
		t.Errorf("no prefix: %q", got)
	}
	for _, tt := range []struct {
		url, site string
		ok        bool
	}{
		{"/news/", "/", true}, {"/news", "/", true}, {"/news/articles/x", "/articles/x", true},
		{"/newsroom/x", "", false}, {"/other", "", false}, {"/", "", false},
	} {
		if got, ok := p.SitePath(tt.url); got != tt.site || ok != tt.ok {
			t.Errorf("SitePath(%q) = %q, %t; want %q, %t", tt.url, got, ok, tt.site, tt.ok)
		}
	}
}

// TestWordsPathIsLowerCase: a language's words have one address however
// an article writes its tag, as a static host has one file for them.
func TestWordsPathIsLowerCase(t *testing.T) {
	if got := APIWordsPath("pt-BR"); got != "/api/words/pt-br.json" {
		t.Errorf("APIWordsPath(pt-BR) = %q", got)
	}
}
