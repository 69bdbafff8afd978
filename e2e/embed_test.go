package e2e

import (
	"encoding/json"
	"html/template"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/internal/browsertest"
	"backstory/server"

	"github.com/chromedp/chromedp"
)

// hostPages serves the publisher's pages of testdata/hosts, from an origin
// of its own, embedding the article slug of srv.
func hostPages(t *testing.T, srv site, slug string) *httptest.Server {
	t.Helper()
	tmpl := template.Must(template.ParseGlob(filepath.Join("testdata", "hosts", "*.html")))
	embed := srv.URL() + "/embed/" + slug
	// The snippet, as the oEmbed answer the article's page names gives it
	// to publishers.
	res, err := http.Get(srv.URL() + "/oembed/" + slug + ".json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var ans struct {
		Snippet string `json:"backstory_snippet"`
	}
	if err := json.NewDecoder(res.Body).Decode(&ans); err != nil || ans.Snippet == "" {
		t.Fatalf("oEmbed answer: %v", err)
	}
	pym, err := os.ReadFile(filepath.Join("testdata", "hosts", "pym.v1.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/pym.v1.min.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(pym)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		name := filepath.Base(r.URL.Path) + ".html"
		if err := tmpl.ExecuteTemplate(w, name, map[string]any{"Embed": embed, "Snippet": template.HTML(ans.Snippet)}); err != nil {
			http.Error(w, err.Error(), 404)
		}
	}))
	t.Cleanup(ts.Close)
	return ts
}

// sizes waits until the iframe and its content stop changing size, and
// returns both.
func sizes(t *testing.T, tab *browsertest.Tab, prefix string) (frame, content float64) {
	t.Helper()
	var last [2]float64
	stable := time.Now()
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(100 * time.Millisecond) {
		f := eval[float64](t, tab, `document.querySelector("iframe").getBoundingClientRect().height`)
		c := inFrame[float64](t, tab, prefix, `document.documentElement.getBoundingClientRect().height`)
		if [2]float64{f, c} != last {
			last, stable = [2]float64{f, c}, time.Now()
		}
		if time.Since(stable) > 600*time.Millisecond {
			return f, c
		}
	}
	t.Fatalf("the sizes never settled: frame %v, content %v", last[0], last[1])
	return 0, 0
}

// checkFit fails the test unless the iframe is as tall as its content.
func checkFit(t *testing.T, tab *browsertest.Tab, prefix, when string) float64 {
	t.Helper()
	f, c := sizes(t, tab, prefix)
	if math.Abs(f-c) > 2 {
		t.Errorf("%s: the iframe is %.1f px tall, its content %.1f px", when, f, c)
	}
	return c
}

// embedSnippet: the snippet a publisher pastes makes an iframe as tall as
// the article, growing when a card opens and shrinking when it closes,
// without shifting the publisher's page. (Run on every host: TestHosts.)
func embedSnippet(t *testing.T, srv site) {
	hosts := hostPages(t, srv, "blinken-meets-xi")
	tab := newTab(t)
	phone(t, tab)
	open(t, tab, srv, "/") // nothing: only to know the server is up
	do(t, tab, chromedp.Navigate(hosts.URL+"/snippet"))
	prefix := srv.URL() + "/embed/blinken-meets-xi"
	if got := eval[string](t, tab, `(() => { const f = document.querySelector("iframe"); return [f.title, f.getAttribute("loading"), f.getAttribute("allow"), f.hasAttribute("scrolling"), f.style.width].join("|"); })()`); got != "Xi Jinping receives Antony Blinken in Beijing|lazy|clipboard-write; web-share|false|100%" {
		t.Errorf("the iframe: %s", got)
	}
	closed := checkFit(t, tab, prefix, "after load")

	clickInFrame(t, tab, "iframe", prefix, "#one-china > summary")
	opened := checkFit(t, tab, prefix, "after opening a card")
	if opened <= closed {
		t.Errorf("opening a card did not grow the embed (%.1f → %.1f)", closed, opened)
	}
	clickInFrame(t, tab, "iframe", prefix, "#one-china > summary")
	again := checkFit(t, tab, prefix, "after closing it")
	if math.Abs(again-closed) > 2 {
		t.Errorf("closing the card did not shrink the embed back (%.1f → %.1f, was %.1f)", opened, again, closed)
	}
	if got := eval[string](t, tab, `JSON.stringify(window.cardEvents)`); got != `[{"id":"one-china","open":true},{"id":"one-china","open":false}]` {
		t.Errorf("card events on the host: %s", got)
	}
	if shift := eval[float64](t, tab, `window.shifts`); shift != 0 {
		t.Errorf("the host page shifted: CLS %v", shift)
	}

	// The publisher switches the theme.
	eval[bool](t, tab, `(backstoryEmbeds.setTheme("dark"), true)`)
	deadline := time.Now().Add(5 * time.Second)
	for inFrame[string](t, tab, prefix, `document.documentElement.dataset.theme || ""`) != "dark" {
		if time.Now().After(deadline) {
			t.Fatal("the theme message did not switch the embed's theme")
		}
		time.Sleep(100 * time.Millisecond)
	}
	// Loaded twice, and a placeholder added later: one card, alone.
	card := srv.URL() + "/embed/blinken-meets-xi/wang-yi"
	eval[bool](t, tab, `(() => { const s = document.createElement("script"); s.src = `+jsString(srv.URL()+"/embed.js")+`; document.body.append(s); const d = document.createElement("div"); d.dataset.backstory = `+jsString(card)+`; document.body.append(d); return true; })()`)
	waitTrue(t, tab, "the later placeholder becomes an iframe", `document.querySelectorAll("iframe").length === 2`)
	waitInFrame(t, tab, card, "the card's embed shows the card, open", `!!document.querySelector(".article-card details#wang-yi[open]")`)
	deadline = time.Now().Add(10 * time.Second)
	for {
		frame := eval[float64](t, tab, `document.querySelectorAll("iframe")[1].getBoundingClientRect().height`)
		content := inFrame[float64](t, tab, card, `document.documentElement.getBoundingClientRect().height`)
		if math.Abs(frame-content) <= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the card's iframe is %.0f px tall, its content %.0f px", frame, content)
		}
		time.Sleep(100 * time.Millisecond)
	}
	noProblems(t, tab)
}

// TestEmbedFrameAncestors: with -embed-origins set, only those origins'
// pages may frame an embed.
func TestEmbedFrameAncestors(t *testing.T) {
	allowed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer allowed.Close()
	srv := serve(t, func(c *server.Config) { c.EmbedOrigins = allowed.URL })
	hosts := hostPages(t, srv, "blinken-meets-xi") // another origin: not allowed
	tab := newTab(t)
	do(t, tab, chromedp.Navigate(hosts.URL+"/snippet"))
	refused := func() bool {
		for _, p := range tab.Problems() {
			if strings.Contains(p, "frame-ancestors") {
				return true
			}
		}
		return false
	}
	deadline := time.Now().Add(10 * time.Second)
	for !refused() {
		if time.Now().After(deadline) {
			t.Fatalf("the embed was framed by a page of %s (the page reported %v)", hosts.URL, tab.Problems())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestEmbedWithoutJavaScript: the embed is the article, and its cards
// open, with no script.
func TestEmbedWithoutJavaScript(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	noScript(t, tab)
	open(t, tab, srv, "/embed/blinken-meets-xi?theme=dark&cards=open")
	if !eval[bool](t, tab, `document.getElementById("one-china").open && document.documentElement.dataset.theme === "dark"`) {
		t.Error("cards=open and theme=dark did not apply")
	}
	do(t, tab, chromedp.Click(chromedp.CSS(`#one-china > summary`)))
	if eval[bool](t, tab, `document.getElementById("one-china").open`) {
		t.Error("a card's summary did not close it")
	}
}

// TestEmbedHeightEstimates: the heights the server gives publishers to
// reserve are close to what Chromium lays out.
func TestEmbedHeightEstimates(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	for _, slug := range []string{"blinken-meets-xi", "how-to-write"} {
		res, err := http.Get(srv.URL() + "/oembed?url=" + url.QueryEscape(srv.URL()+"/articles/"+slug))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var ans struct {
			Heights map[string]int `json:"backstory_heights"`
		}
		if err := json.Unmarshal(body, &ans); err != nil {
			t.Fatal(err)
		}
		for width, estimate := range ans.Heights {
			var w int64
			json.Unmarshal([]byte(width), &w)
			do(t, tab, chromedp.EmulateViewport(w, 800))
			open(t, tab, srv, "/embed/"+slug)
			settle(t, tab)
			actual := eval[float64](t, tab, `document.documentElement.getBoundingClientRect().height`)
			t.Logf("%s at %s px: estimated %d, laid out %.0f (%+.1f%%)", slug, width, estimate, actual, 100*(float64(estimate)-actual)/actual)
			if math.Abs(float64(estimate)-actual) > 0.1*actual {
				t.Errorf("%s at %s px: estimated %d, laid out %.0f", slug, width, estimate, actual)
			}
		}
	}
}

// TestEmbedOnNarrowScreens: below 480 px of frame width the embed's text
// and cards come at most 16 px from the frame's edges, which sits in a
// host page with margins of its own; wider, the text keeps its measure.
func TestEmbedOnNarrowScreens(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	for _, width := range []int64{320, 390, 600} {
		do(t, tab, chromedp.EmulateViewport(width, 800))
		open(t, tab, srv, "/embed/blinken-meets-xi")
		sides := eval[[]float64](t, tab, `[".article-body p", "details[data-card]", ".headline"].flatMap(s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, innerWidth - r.right]; })`)
		for i, side := range sides {
			switch {
			case width < 480 && (side > 16 || side < 8):
				t.Errorf("at %d px, an edge of the content is %.1f px from the frame's (%v), want 8 to 16", width, side, sides)
			case width >= 480 && side < 16:
				t.Errorf("at %d px, an edge of the content is %.1f px from the frame's (element %d)", width, side, i/2)
			}
		}
	}
	noProblems(t, tab)
}
