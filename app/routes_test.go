package app

import "testing"

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
		n, ok := IndexPage(tt.path)
		if n != tt.n && tt.ok || ok != tt.ok {
			t.Errorf("IndexPage(%q) = %d, %t; want %d, %t", tt.path, n, ok, tt.n, tt.ok)
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

func TestAPIPaths(t *testing.T) {
	for got, want := range map[string]string{
		apiPath("/"):             "/api/pages/1.json",
		apiPath("/page/3"):       "/api/pages/3.json",
		apiPath("/articles/a-b"): "/api/articles/a-b.json",
		apiPath("/offline"):      "",
		OEmbedPath("a-b"):        "/oembed/a-b.json",
		APIArticlePath("é"):      "/api/articles/%C3%A9.json",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
