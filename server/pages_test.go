package server

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	ui "backstory/app"
	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"

	"golang.org/x/net/html"
)

// testServer serves store with no wasm built.
func testServer(t *testing.T, store *content.Store) *httptest.Server {
	t.Helper()
	srv, err := New(quiet(Config{Store: store, WebDir: t.TempDir(), BaseURL: "https://news.example", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func embeddedStore(t testing.TB) *content.Store {
	t.Helper()
	store, err := markdown.NewParser().LoadDir(articles.FS, articles.Dir)
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// get fetches path and returns the response and its body.
func get(t *testing.T, ts *httptest.Server, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := ts.Client().Transport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

// pageData decodes the data the page ships for the wasm.
func pageData(t *testing.T, doc *html.Node) ui.PageData {
	t.Helper()
	el := one(t, doc, "page data", tag("script", "id", ui.DataElementID, "type", "application/json"))
	var d ui.PageData
	if err := json.Unmarshal([]byte(textOf(el)), &d); err != nil {
		t.Fatalf("the page data is not JSON: %v", err)
	}
	return d
}

func TestArticlePage(t *testing.T) {
	store := embeddedStore(t)
	ts := testServer(t, store)
	res, body := get(t, ts, "/articles/blinken-meets-xi")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	a, _ := store.Article("blinken-meets-xi")
	doc := parseHTML(t, body)

	root := one(t, doc, "<html>", tag("html", "lang", "en", "dir", "ltr"))
	_ = root
	if got := textOf(one(t, doc, "<title>", tag("title"))); got != a.Title+" · backstory" {
		t.Errorf("title %q", got)
	}
	if got := textOf(one(t, doc, "<h1>", tag("h1"))); got != a.Title {
		t.Errorf("h1 %q", got)
	}
	one(t, doc, "description", tag("meta", "name", "description", "content", a.Dek))
	one(t, doc, "canonical link", tag("link", "rel", "canonical", "href", "https://news.example/articles/blinken-meets-xi"))
	one(t, doc, "og:type", tag("meta", "property", "og:type", "content", "article"))
	one(t, doc, "og:title", tag("meta", "property", "og:title", "content", a.Title+" · backstory"))
	one(t, doc, "og:url", tag("meta", "property", "og:url", "content", "https://news.example/articles/blinken-meets-xi"))
	one(t, doc, "twitter:card", tag("meta", "name", "twitter:card", "content", "summary"))

	// Every card, on <details> with its summary, in the model's order.
	cards := all(doc, tag("details", "data-card", "*"))
	if len(cards) != len(a.Cards) {
		t.Fatalf("%d cards in the page, %d in the article", len(cards), len(a.Cards))
	}
	for _, c := range a.Cards {
		el := one(t, doc, "card "+c.ID, tag("details", "id", c.ID, "data-card", string(c.Kind)))
		if _, open := attr(el, "open"); open {
			t.Errorf("card %s is open in the prerendered page", c.ID)
		}
		one(t, el, "summary of "+c.ID, tag("summary"))
		if c.Kind == content.CardQuote {
			fig := one(t, el, "figure of "+c.ID, tag("figure"))
			one(t, fig, "blockquote of "+c.ID, tag("blockquote"))
			if got := textOf(one(t, fig, "figcaption of "+c.ID, tag("figcaption"))); !strings.Contains(got, c.By) {
				t.Errorf("the caption of %s does not name the speaker: %q", c.ID, got)
			}
		}
		if c.Kind == content.CardTimeline {
			ol := one(t, el, "the timeline of "+c.ID, tag("ol", "class", "timeline"))
			times := all(ol, tag("time", "datetime", "*"))
			if len(times) != len(c.Events) || len(c.Events) == 0 {
				t.Errorf("the timeline %s shows %d dates, has %d entries", c.ID, len(times), len(c.Events))
			}
		}
	}
	// Every reference, pointing at its card.
	refs := all(doc, tag("a", "data-card-ref", "*"))
	if want := countRefs(a); len(refs) != want || want == 0 {
		t.Errorf("%d references in the page, %d in the article", len(refs), want)
	}
	for _, r := range refs {
		id, _ := attr(r, "data-card-ref")
		if href, _ := attr(r, "href"); href != "#"+id {
			t.Errorf("reference to %s has href %q", id, href)
		}
		if len(all(doc, tag("details", "id", id))) != 1 {
			t.Errorf("reference to %s, which is no card on the page", id)
		}
	}

	// JSON-LD: valid NewsArticle.
	var ld map[string]any
	if err := json.Unmarshal([]byte(textOf(one(t, doc, "JSON-LD", tag("script", "type", "application/ld+json")))), &ld); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	for key, want := range map[string]any{"@type": "NewsArticle", "headline": a.Title, "datePublished": "2023-06-19T00:00:00Z", "dateModified": "2023-06-19T00:00:00Z", "inLanguage": "en"} {
		if ld[key] != want {
			t.Errorf("JSON-LD %s = %v, want %v", key, ld[key], want)
		}
	}
	if author, _ := ld["author"].([]any); len(author) != 1 {
		t.Errorf("JSON-LD author = %v", ld["author"])
	}

	// The data the wasm renders from is the article.
	d := pageData(t, doc)
	if d.Path != "/articles/blinken-meets-xi" || d.Kind != ui.KindArticle || d.Article == nil || d.Article.Title != a.Title || len(d.Article.Cards) != len(a.Cards) {
		t.Errorf("page data: %+v", d)
	}
}

func countRefs(a *content.Article) int {
	n := 0
	for b := range a.AllBlocks() {
		for r := range b.Runs() {
			if r.Kind == content.InlineCardRef {
				n++
			}
		}
	}
	return n
}

// TestInlineCodeMatchesCSP checks that the page's inline stylesheet and
// script are the ones the Content-Security-Policy allows by hash, and that
// nothing else runs inline.
func TestInlineCodeMatchesCSP(t *testing.T) {
	ts := testServer(t, embeddedStore(t))
	for _, path := range []string{"/", "/articles/how-to-write", "/nope"} {
		res, body := get(t, ts, path)
		csp := res.Header.Get("Content-Security-Policy")
		doc := parseHTML(t, body)
		for _, el := range all(doc, func(n *html.Node) bool { return n.Data == "style" || n.Data == "script" }) {
			if typ, _ := attr(el, "type"); strings.HasPrefix(typ, "application/") {
				continue // data, not code
			}
			if _, src := attr(el, "src"); src {
				continue
			}
			sum := sha256.Sum256([]byte(textOf(el)))
			hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			if !strings.Contains(csp, hash) {
				t.Errorf("%s: inline <%s> is not allowed by the CSP %q", path, el.Data, csp)
			}
		}
		for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		for _, source := range strings.Fields(strings.ReplaceAll(csp, ";", " ")) {
			if source == "'unsafe-inline'" || source == "'unsafe-eval'" {
				t.Errorf("%s: CSP allows unsafe code (%s): %q", path, source, csp)
			}
		}
	}
}

// TestContentCannotBreakOut serves an article whose every field tries to
// escape its HTML context, and checks with an HTML parser that each value
// stays where it belongs.
func TestContentCannotBreakOut(t *testing.T) {
	const evil = `"><script>alert(1)</script><!-- ' \" \ </script>`
	a := content.Article{
		Slug:      "evil",
		Title:     evil + " title",
		Dek:       evil + " dek",
		Byline:    evil + " byline",
		Lang:      "en",
		Dir:       "ltr",
		Published: time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC),
		Image:     `https://example.com/a.png?x="><script>`,
		Blocks: []content.Block{
			{Kind: content.BlockParagraph, Text: []content.Inline{
				{Kind: content.InlineLink, URL: `https://example.com/?q="onmouseover="alert(1)`, Title: evil, Children: []content.Inline{{Kind: content.InlineText, Text: evil}}},
				{Kind: content.InlineImage, URL: `/web/x.png" onerror="alert(1)`, Text: evil + " alt", Title: evil},
				{Kind: content.InlineCardRef, Card: "card", Children: []content.Inline{{Kind: content.InlineText, Text: "ref"}}},
			}},
			{Kind: content.BlockCard, ID: "card"},
			{Kind: content.BlockCode, Code: evil},
		},
		Cards: []content.Card{{ID: "card", Kind: content.CardQuote, By: evil, Role: evil, Source: evil, URL: `https://example.com/"`, Blocks: []content.Block{{Kind: content.BlockParagraph, Text: []content.Inline{{Kind: content.InlineText, Text: evil}}}}}},
	}
	store, err := content.NewStore([]content.Article{a})
	if err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, store)
	_, body := get(t, ts, "/articles/evil")
	doc := parseHTML(t, body)

	if scripts := all(doc, tag("script")); len(scripts) != 3 {
		t.Errorf("%d <script> elements, want 3 (loader, JSON-LD, data): content became markup", len(scripts))
	}
	if comments := countComments(doc); comments != 0 {
		t.Errorf("%d comments: content opened a comment", comments)
	}
	link := one(t, doc, "the link", tag("a", "title", evil))
	if href, _ := attr(link, "href"); href != `https://example.com/?q="onmouseover="alert(1)` {
		t.Errorf("link href %q", href)
	}
	if _, bad := attr(link, "onmouseover"); bad {
		t.Error("the link gained an onmouseover attribute")
	}
	img := one(t, doc, "the image", tag("img", "alt", evil+" alt"))
	if src, _ := attr(img, "src"); src != `/web/x.png" onerror="alert(1)` {
		t.Errorf("img src %q", src)
	}
	one(t, doc, "the quote", tag("blockquote", "cite", `https://example.com/"`))
	if got := textOf(one(t, doc, "<h1>", tag("h1"))); got != evil+" title" {
		t.Errorf("h1 text %q", got)
	}
	if got := textOf(one(t, doc, "<code>", tag("code"))); got != evil {
		t.Errorf("code text %q", got)
	}
	one(t, doc, "description", tag("meta", "name", "description", "content", evil+" dek"))
	one(t, doc, "og:image", tag("meta", "property", "og:image", "content", `https://example.com/a.png?x="><script>`))
	var ld map[string]any
	if err := json.Unmarshal([]byte(textOf(one(t, doc, "JSON-LD", tag("script", "type", "application/ld+json")))), &ld); err != nil || ld["headline"] != evil+" title" {
		t.Errorf("JSON-LD: %v, headline %v", err, ld["headline"])
	}
	if d := pageData(t, doc); d.Article == nil || d.Article.Title != evil+" title" || d.Article.Cards[0].By != evil {
		t.Errorf("page data did not survive: %+v", d.Article)
	}
}

func countComments(n *html.Node) int {
	c := 0
	if n.Type == html.CommentNode {
		c++
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c += countComments(ch)
	}
	return c
}

func TestIndexAndNotFoundPages(t *testing.T) {
	store := embeddedStore(t)
	ts := testServer(t, store)

	res, body := get(t, ts, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("index: status %d", res.StatusCode)
	}
	doc := parseHTML(t, body)
	links := all(doc, tag("a", "href", "*"))
	var listed []string
	for _, l := range links {
		if href, _ := attr(l, "href"); strings.HasPrefix(href, "/articles/") {
			listed = append(listed, href)
		}
	}
	var want []string
	for _, s := range store.Summaries() {
		want = append(want, "/articles/"+s.Slug)
	}
	if strings.Join(listed, " ") != strings.Join(want, " ") {
		t.Errorf("index lists %v, want newest first %v", listed, want)
	}
	if d := pageData(t, doc); d.Kind != ui.KindIndex || len(d.Index) != store.Len() {
		t.Errorf("index data %+v", d)
	}

	for _, path := range []string{"/articles/no-such-article", "/no/such/page", "/articles/"} {
		res, body := get(t, ts, path)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
		doc := parseHTML(t, body)
		if got := textOf(one(t, doc, "<h1>", tag("h1"))); got != "Page not found" {
			t.Errorf("%s: h1 %q", path, got)
		}
		if d := pageData(t, doc); d.Kind != ui.KindNotFound {
			t.Errorf("%s: data kind %q", path, d.Kind)
		}
	}
}

func newHTTPTest(t *testing.T, srv *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}
