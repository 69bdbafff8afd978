package server

import (
	"cmp"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func embedServer(t *testing.T, origins string) *httptest.Server {
	t.Helper()
	srv, err := New(quiet(Config{Store: embeddedStore(t), WebDir: t.TempDir(), BaseURL: "https://news.example", EmbedOrigins: origins, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	if err != nil {
		t.Fatal(err)
	}
	return newHTTPTest(t, srv)
}

func TestEmbedPage(t *testing.T) {
	ts := embedServer(t, "")
	res, body := get(t, ts, "/embed/blinken-meets-xi")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	doc := parseHTML(t, body)
	root := one(t, doc, "<html>", tag("html", "class", "embed"))
	if _, themed := attr(root, "data-theme"); themed {
		t.Error("theme=auto set a theme")
	}
	if n := len(all(doc, tag("header", "class", "site-header"))); n != 0 {
		t.Error("the embed has the site's header")
	}
	one(t, doc, "the link to the full article", tag("a", "class", "embed-open", "href", "/articles/blinken-meets-xi", "target", "_blank", "rel", "noopener"))
	one(t, doc, "Continue reading, for a view that fits", tag("a", "class", "embed-continue", "href", "/articles/blinken-meets-xi", "target", "_blank", "rel", "noopener"))
	if n := len(all(doc, tag("details", "data-card", "*"))); n != 9 {
		t.Errorf("%d cards in the embed", n)
	}
	for _, c := range all(doc, tag("details", "data-card", "*")) {
		if _, open := attr(c, "open"); open {
			t.Error("a card is open without cards=open")
		}
	}
	one(t, doc, "canonical", tag("link", "rel", "canonical", "href", "https://news.example/articles/blinken-meets-xi"))
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors *") {
		t.Errorf("embed CSP %q does not let any page frame it", csp)
	}
	if _, page := get(t, ts, "/articles/blinken-meets-xi"); !strings.Contains(page, "alternate") {
		t.Error("no oEmbed discovery on the article page")
	}
	if res, _ := get(t, ts, "/articles/blinken-meets-xi"); !strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'self'") {
		t.Error("the article page may be framed by anyone")
	}
	if res, _ := get(t, ts, "/embed/no-such-article"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown embed: %d", res.StatusCode)
	}
}

func TestEmbedOptions(t *testing.T) {
	ts := embedServer(t, "https://a.example https://b.example")
	tests := []struct {
		query      string
		theme      string
		accent     string
		open       bool
		reflectBad string
	}{
		{"theme=dark", "dark", "", false, ""},
		{"theme=light&cards=open", "light", "", true, ""},
		{"theme=purple", "", "", false, "purple"},
		{"accent=%23ff6600", "", "#ff6600", false, ""},
		{"accent=%23F60", "", "#f60", false, ""},
		{"accent=notacolour123", "", "", false, "notacolour123"},
		{"accent=%23ff0000%3Bbackground:url(x)", "", "", false, "background:url"},
		{"accent=%22%3E%3Cx-injected%3E", "", "", false, "x-injected"},
		{"initialWidth=375&childId=example&parentTitle=x&parentUrl=https%3A%2F%2Fp.example", "", "", false, ""},
	}
	for _, tt := range tests {
		res, body := get(t, ts, "/embed/blinken-meets-xi?"+tt.query)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", tt.query, res.StatusCode)
			continue
		}
		doc := parseHTML(t, body)
		root := one(t, doc, "<html>", tag("html"))
		if theme, _ := attr(root, "data-theme"); theme != tt.theme {
			t.Errorf("%s: theme %q, want %q", tt.query, theme, tt.theme)
		}
		styles := all(doc, tag("style"))
		accent := ""
		if len(styles) == 2 {
			accent = textOf(styles[1])
		}
		if tt.accent != "" && accent != ":root{--accent:"+tt.accent+" !important}" {
			t.Errorf("%s: accent style %q", tt.query, accent)
		}
		if tt.accent == "" && len(styles) != 1 {
			t.Errorf("%s: %d stylesheets, want 1", tt.query, len(styles))
		}
		if tt.reflectBad != "" && strings.Contains(body, tt.reflectBad) {
			t.Errorf("%s: the page reflects %q", tt.query, tt.reflectBad)
		}
		open := len(all(doc, tag("details", "open", "*")))
		if (open > 0) != tt.open {
			t.Errorf("%s: %d cards open", tt.query, open)
		}
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors https://a.example https://b.example") {
			t.Errorf("%s: CSP %q", tt.query, csp)
		}
		if tt.accent != "" && !strings.Contains(csp, cspHash(accent)) {
			t.Errorf("%s: the CSP does not allow the accent style", tt.query)
		}
	}
}

func TestOEmbed(t *testing.T) {
	ts := embedServer(t, "")
	page := "https://news.example/articles/blinken-meets-xi"
	whole := "https://news.example/embed/blinken-meets-xi"
	quote := "https://news.example/embed/blinken-meets-xi/xi-positive-contribution"
	tests := []struct {
		query  string
		status int
		title  string // of the answer; "" for the article's
		embed  string // the embed's URL
	}{
		{"url=" + url.QueryEscape(page), 200, "", whole},
		{"url=" + url.QueryEscape(page) + "&format=json", 200, "", whole},
		{"url=" + url.QueryEscape("https://news.example/embed/blinken-meets-xi?theme=dark"), 200, "", whole},
		{"url=" + url.QueryEscape(page+"#xi-positive-contribution"), 200, "Quote: Xi Jinping", quote},
		{"url=" + url.QueryEscape(quote), 200, "Quote: Xi Jinping", quote},
		{"url=" + url.QueryEscape(page+"/") + "&maxheight=200", 200, "", whole},
		{"url=" + url.QueryEscape("https://news.example/embed/blinken-meets-xi/wang-yi"), 200, "Wang Yi, China’s top diplomat", "https://news.example/embed/blinken-meets-xi/wang-yi"},
		{"url=" + url.QueryEscape(page+"#no-such-card"), 404, "", ""},
		{"url=" + url.QueryEscape("https://news.example/embed/blinken-meets-xi/no-such-card"), 404, "", ""},
		{"url=" + url.QueryEscape(page) + "&maxheight=199", 501, "", ""},
		{"url=" + url.QueryEscape(page) + "&format=xml", 501, "", ""},
		{"url=" + url.QueryEscape("https://news.example/articles/no-such-article"), 404, "", ""},
		{"url=" + url.QueryEscape("https://evil.example/articles/blinken-meets-xi"), 404, "", ""},
		{"url=" + url.QueryEscape("https://news.example/"), 404, "", ""},
		{"url=" + url.QueryEscape("file:///etc/passwd"), 404, "", ""},
		{"", 400, "", ""},
	}
	for _, tt := range tests {
		res, body := get(t, ts, "/oembed?"+tt.query)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.query, res.StatusCode, tt.status)
		}
		if tt.status != 200 {
			continue
		}
		var ans map[string]any
		if err := json.Unmarshal([]byte(body), &ans); err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		title := cmp.Or(tt.title, "Xi Jinping receives Antony Blinken in Beijing")
		for key, want := range map[string]any{"version": "1.0", "type": "rich", "title": title, "provider_name": "backstory", "provider_url": "https://news.example/"} {
			if ans[key] != want {
				t.Errorf("%s: %s = %v, want %v", tt.query, key, ans[key], want)
			}
		}
		height := ans["height"].(float64)
		if ans["width"].(float64) != 600 || height < 200 {
			t.Errorf("%s: size %v×%v", tt.query, ans["width"], height)
		}
		frag, err := html.Parse(strings.NewReader(ans["html"].(string)))
		if err != nil {
			t.Fatal(err)
		}
		// The iframe's height is fixed: the embed is told so, to fit in
		// it, and told the consumer's limit.
		src := tt.embed + "?fixed=1"
		if mh := regexp.MustCompile(`maxheight=(\d+)`).FindStringSubmatch(tt.query); mh != nil {
			src += "&maxheight=" + mh[1]
		}
		iframe := one(t, frag, "iframe", tag("iframe", "src", src, "height", strconv.Itoa(int(height))))
		if n := len(all(frag, tag("script"))); n != 0 {
			t.Error("the oEmbed html needs a script")
		}
		if title, _ := attr(iframe, "title"); title != tt.title && tt.title != "" {
			t.Errorf("the iframe's title is %q, want %q", title, tt.title)
		}
		if !strings.Contains(ans["backstory_snippet"].(string), `data-backstory="`+tt.embed+`"`) {
			t.Errorf("snippet %q", ans["backstory_snippet"])
		}
	}
	// maxwidth and maxheight are honoured.
	_, body := get(t, ts, "/oembed?url="+url.QueryEscape(page)+"&maxwidth=320&maxheight=400")
	var ans struct{ Width, Height int }
	if err := json.Unmarshal([]byte(body), &ans); err != nil || ans.Width != 320 || ans.Height != 400 {
		t.Errorf("maxwidth=320&maxheight=400 gave %d×%d (%v)", ans.Width, ans.Height, err)
	}
	// A card's answer: its estimated height, which fits in what was asked.
	_, body = get(t, ts, "/oembed?url="+url.QueryEscape(quote)+"&maxwidth=320&maxheight=900")
	if err := json.Unmarshal([]byte(body), &ans); err != nil || ans.Width != 320 || ans.Height < 200 || ans.Height > 600 {
		t.Errorf("a quote at maxwidth=320&maxheight=900 gave %d×%d (%v)", ans.Width, ans.Height, err)
	}
	// Discovery: the article page links its oEmbed.
	_, article := get(t, ts, "/articles/blinken-meets-xi")
	link := one(t, parseHTML(t, article), "oEmbed discovery", tag("link", "rel", "alternate", "type", "application/json+oembed"))
	href, _ := attr(link, "href")
	if href != "https://news.example/oembed/blinken-meets-xi.json" {
		t.Errorf("discovery href %q", href)
	}
	// It answers as /oembed?url= does at the default size.
	_, linked := get(t, ts, strings.TrimPrefix(href, "https://news.example"))
	_, asked := get(t, ts, "/oembed?url="+url.QueryEscape(page))
	if linked != asked {
		t.Errorf("the discovered oEmbed differs from /oembed?url=:\n%s\n%s", linked, asked)
	}
}

func TestEmbedScript(t *testing.T) {
	ts := embedServer(t, "")
	res, body := get(t, ts, "/embed.js", "Accept-Encoding", "gzip")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("/embed.js: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res.Header.Get("Content-Encoding") != "gzip" || len(body) >= 3000 {
		t.Errorf("/embed.js is %d bytes (%s), want under 3000 gzipped", len(body), res.Header.Get("Content-Encoding"))
	}
	if res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("embed.js is not loadable from any origin")
	}
}

func TestEmbedOriginsMustBeOrigins(t *testing.T) {
	for _, bad := range []string{"https://a.example; script-src *", "javascript:alert(1)", "https://a.example/path", "'unsafe-inline'"} {
		if _, err := New(quiet(Config{Store: embeddedStore(t), WebDir: t.TempDir(), EmbedOrigins: bad})); err == nil {
			t.Errorf("embed origins %q accepted", bad)
		}
	}
}
