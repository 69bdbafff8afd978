package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	ui "backstory/app"
	"backstory/content"
)

// manyArticles is a store of n minimal articles, a0 the oldest.
func manyArticles(t *testing.T, n int) *content.Store {
	t.Helper()
	articles := make([]content.Article, n)
	for i := range articles {
		articles[i] = content.Article{Slug: fmt.Sprintf("a%d", i), Title: fmt.Sprintf("Article %d", i), Published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)}
	}
	store, err := content.NewStore(articles)
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// TestIndexPagination: 120 articles make three index pages of 50, 50 and
// 20, linked to each other, with the same lists in their JSON; other
// addresses of them redirect, and pages past the last are not found.
func TestIndexPagination(t *testing.T) {
	ts := testServer(t, manyArticles(t, 120))
	tests := []struct {
		path, api   string
		first, last string // the first and last article listed
		count       int
		prev, next  string // the pagination links, "" for none
		title       string
	}{
		{"/", "/api/pages/1.json", "a119", "a70", 50, "", "/page/2", "backstory · news with the context you need"},
		{"/page/2", "/api/pages/2.json", "a69", "a20", 50, "/", "/page/3", "Articles, page 2 of 3 · backstory"},
		{"/page/3", "/api/pages/3.json", "a19", "a0", 20, "/page/2", "", "Articles, page 3 of 3 · backstory"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, body := get(t, ts, tt.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			doc := parseHTML(t, body)
			items := all(doc, tag("li"))
			if len(items) != tt.count {
				t.Errorf("%d articles listed, want %d", len(items), tt.count)
			}
			d := pageData(t, doc)
			if len(d.Index) != tt.count || d.Index[0].Slug != tt.first || d.Index[len(d.Index)-1].Slug != tt.last {
				t.Errorf("page data lists %d from %s", len(d.Index), d.Index[0].Slug)
			}
			for rel, want := range map[string]string{"prev": tt.prev, "next": tt.next} {
				links := all(doc, tag("a", "rel", rel))
				switch {
				case want == "" && len(links) != 0:
					t.Errorf("a %s link on the edge page", rel)
				case want != "" && len(links) != 1:
					t.Errorf("%d %s links, want one to %s", len(links), rel, want)
				case want != "":
					if href, _ := attr(links[0], "href"); href != want {
						t.Errorf("%s link to %s, want %s", rel, href, want)
					}
				}
			}
			if got := textOf(one(t, doc, "<title>", tag("title"))); got != tt.title {
				t.Errorf("title %q, want %q", got, tt.title)
			}
			_, api := get(t, ts, tt.api)
			var page ui.IndexPageData
			if err := json.Unmarshal([]byte(api), &page); err != nil {
				t.Fatal(err)
			}
			if len(page.Articles) != tt.count || page.Articles[0].Slug != tt.first || page.Pages != 3 {
				t.Errorf("%s: %d articles from %s of %d pages", tt.api, len(page.Articles), page.Articles[0].Slug, page.Pages)
			}
		})
	}
	for from, to := range map[string]string{
		"/page/1": "/", "/?page=1": "/", "/?page=3": "/page/3", "/?page=9": "/page/9",
		// A page's other addresses, as static hosts answer them.
		"/page/2/": "/page/2", "/page/2/index.html": "/page/2", "/index.html": "/", "/page/3/?x=1": "/page/3?x=1",
	} {
		res, _ := get(t, ts, from)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != to {
			t.Errorf("%s: %d to %q, want 301 to %s", from, res.StatusCode, res.Header.Get("Location"), to)
		}
	}
	for _, path := range []string{"/page/4", "/page/9", "/page/0", "/page/02", "/page/-1", "/page/4/", "/page/4/index.html", "/api/pages/4.json"} {
		if res, _ := get(t, ts, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
	if res, body := get(t, ts, "/?page=two"); res.StatusCode != http.StatusOK || !strings.Contains(body, "a119") {
		t.Errorf("/?page=two: %d, want the first page", res.StatusCode)
	}
}
