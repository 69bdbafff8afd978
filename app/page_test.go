package app

import "testing"

// TestNavigate: the wasm's first navigation keeps the page the server or
// host rendered, whatever form of URL it came at; later ones show what the
// wasm can and leave the rest to the host.
func TestNavigate(t *testing.T) {
	article := PageData{Path: "/articles/a", Kind: KindArticle, Site: Site{Prefix: "/news"}}
	index := PageData{Path: "/", Kind: KindIndex}
	notFound := PageData{Kind: KindNotFound}
	tests := []struct {
		name  string
		first bool
		data  PageData
		url   string
		want  navigation
		path  string
	}{
		{"first, canonical", true, article, "/news/articles/a", navStay, ""},
		{"first, trailing slash", true, article, "/news/articles/a/", navStay, ""},
		{"first, index.html", true, article, "/news/articles/a/index.html", navStay, ""},
		{"first, any URL", true, article, "/news/somewhere/else", navStay, ""},
		{"first, outside the prefix", true, article, "/elsewhere", navStay, ""},
		{"first, 404 page", true, notFound, "/no/such/page", navStay, ""},
		{"first, page 2", true, PageData{Path: "/page/2", Kind: KindIndex}, "/page/2/", navStay, ""},
		{"first, offline page at an article's URL", true, PageData{Kind: KindOffline}, "/articles/b", navStay, ""},
		{"first, another article's URL", true, article, "/news/articles/b", navStay, ""},
		{"first, no data", true, PageData{}, "/articles/a", navLoad, "/articles/a"},
		{"first, no data, not the wasm's", true, PageData{}, "/embed/a", navStay, ""},
		{"first, no data, unknown", true, PageData{}, "/web/nope", navStay, ""},
		{"same page, other form", false, article, "/news/articles/a/", navStay, ""},
		{"prefix alone is the index", false, PageData{Path: "/", Kind: KindIndex, Site: Site{Prefix: "/news"}}, "/news", navStay, ""},
		{"another article", false, article, "/news/articles/b", navLoad, "/articles/b"},
		{"another article, trailing slash", false, article, "/news/articles/b/", navLoad, "/articles/b"},
		{"the index", false, article, "/news/", navLoad, "/"},
		{"page 2", false, index, "/page/2", navLoad, "/page/2"},
		{"outside the prefix", false, article, "/other/site", navLeave, ""},
		{"an embed", false, article, "/news/embed/a", navLeave, ""},
		{"a file", false, article, "/news/feed.xml", navLeave, ""},
		{"an alias", false, index, "/page/1", navLeave, ""},
		{"unknown", false, index, "/articles/a/b", navLeave, ""},
	}
	for _, tt := range tests {
		got, path, rt, _ := navigate(tt.first, tt.data, tt.url)
		if got != tt.want || path != tt.path {
			t.Errorf("%s: navigate(%q) = %d %q, want %d %q", tt.name, tt.url, got, path, tt.want, tt.path)
		}
		if got == navLoad && !rt.Wasm {
			t.Errorf("%s: loads a route the wasm does not show", tt.name)
		}
	}
}
