package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

const article = "/articles/blinken-meets-xi"

// readableWithoutJavaScript: the prerendered page is the article, and its
// cards open with no script at all, by pointer and by keyboard. (Run on
// every host: TestHosts.)
func readableWithoutJavaScript(t *testing.T, srv site) {
	tab := newTab(t)
	noScript(t, tab)
	open(t, tab, srv, article)

	text := eval[string](t, tab, `document.body.innerText`)
	for _, want := range []string{"Xi Jinping receives Antony Blinken in Beijing", "Despite mounting tension", "Hopes for Stable Relations", "The One China principle"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page without JavaScript lacks %q", want)
		}
	}
	if eval[bool](t, tab, `document.getElementById("one-china").open`) {
		t.Fatal("a card is open before anyone opened it")
	}
	do(t, tab, chromedp.Click(chromedp.CSS(`#one-china > summary`)))
	if !eval[bool](t, tab, `document.getElementById("one-china").open`) {
		t.Error("clicking a card's summary did not open it")
	}
	do(t, tab, chromedp.Focus(chromedp.CSS(`#wang-yi > summary`)), chromedp.KeyEvent("\r"))
	if !eval[bool](t, tab, `document.getElementById("wang-yi").open`) {
		t.Error("Enter on a card's summary did not open it")
	}
	if got := eval[string](t, tab, `document.documentElement.dataset.wasm || ""`); got != "" {
		t.Errorf("data-wasm=%q with JavaScript off", got)
	}
}

// TestHandOverKeepsTheDOM: the wasm's first render builds the DOM the
// server sent, and what the reader did before it arrived (an open card, the
// focus, the scroll position) survives the hand-over.
func TestHandOverKeepsTheDOM(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	phone(t, tab)
	onNewDocument(t, tab, snapshotJS+`; document.addEventListener("DOMContentLoaded", () => { window.prerendered = snapshot(document.querySelector(".page")); });`)
	release := holdWasm(t, tab)
	open(t, tab, srv, article)
	// The reader acts before the wasm arrives.
	do(t, tab, chromedp.Click(chromedp.CSS(`#qin-gang > summary`)))
	eval[bool](t, tab, `(() => { const r = document.querySelectorAll('[data-card-ref="one-china"]')[0]; r.focus(); return true; })()`)
	eval[bool](t, tab, `(window.scrollTo(0, 420), true)`)
	settle(t, tab)
	before := eval[string](t, tab, snapshotJS+`; snapshot(document.querySelector(".page"))`)
	beforeText := eval[string](t, tab, `document.querySelector(".page").textContent`)
	beforeY := eval[float64](t, tab, `window.scrollY`)
	beforeShot, err := chromedp.Run(tab.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}

	release()
	engage(t, tab)

	// The first render equals the prerender. Right after it, the wasm adds
	// the state only it can keep true: aria-expanded, aria-pressed.
	if got := eval[string](t, tab, snapshotJS+`; snapshot(document.querySelector(".page"), ["aria-expanded", "aria-pressed", "data-offline"])`); got != before {
		t.Errorf("the hand-over changed the DOM:\nbefore: %s\nafter:  %s", firstDiff(before, got), firstDiff(got, before))
	}
	if strings.Contains(eval[string](t, tab, `window.prerendered`), `id="qin-gang" open`) {
		t.Error("the prerendered page had the card open")
	}
	if got := eval[string](t, tab, `document.querySelector(".page").textContent`); got != beforeText {
		t.Error("the hand-over changed the page's text")
	}
	if !eval[bool](t, tab, `document.getElementById("qin-gang").open`) {
		t.Error("the card the reader opened closed in the hand-over")
	}
	if got := eval[string](t, tab, `document.activeElement.dataset.cardRef || document.activeElement.tagName`); got != "one-china" {
		t.Errorf("focus moved to %q in the hand-over", got)
	}
	if y := eval[float64](t, tab, `window.scrollY`); y != beforeY {
		t.Errorf("scroll position %v, was %v", y, beforeY)
	}
	settle(t, tab)
	// What needs the wasm appears, in the place kept for it: hidden again,
	// nothing else may differ.
	eval[bool](t, tab, `(document.querySelectorAll(".needs-wasm").forEach((el) => { el.style.visibility = "hidden"; }), true)`)
	afterShot, err := chromedp.Run(tab.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if string(afterShot) != string(beforeShot) {
		t.Error("the page looks different after the hand-over (screenshots of the viewport differ)")

	}
	noProblems(t, tab)
}

// firstDiff shows a's text around where it first differs from b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo, hi := max(0, i-80), min(len(a), i+120)
	return "…" + a[lo:hi] + "…"
}

// TestFirstRenderEqualsPrerender: for every kind of page, the DOM after the
// hand-over is the DOM the server sent.
func TestFirstRenderEqualsPrerender(t *testing.T) {
	srv := serve(t)
	for _, path := range []string{"/", article, "/articles/how-to-write", "/cards/wang-yi", "/no/such/page"} {
		t.Run(path, func(t *testing.T) {
			tab := newTab(t)
			onNewDocument(t, tab, snapshotJS+`; document.addEventListener("DOMContentLoaded", () => { window.prerendered = snapshot(document.querySelector(".page")); });`)
			open(t, tab, srv, path)
			engage(t, tab)
			before := eval[string](t, tab, `window.prerendered`)
			after := eval[string](t, tab, snapshotJS+`; snapshot(document.querySelector(".page"), ["aria-expanded", "aria-pressed", "data-offline"])`)
			if before == "" || after != before {
				t.Errorf("the wasm's DOM differs from the prerendered one:\nprerendered: %s\nwasm:        %s", firstDiff(before, after), firstDiff(after, before))
			}
			noProblems(t, tab, "404 (Not Found) "+srv.URL()+"/no/such/page")
		})
	}
}

// TestWasmNeverReloads: on a page the wasm does not show by itself (an
// embed, the offline page, a 404 at any path, even one under the assets),
// the wasm takes over the page the server sent, once: it never loads the
// URL again (go-app reloads "internal" URLs as it starts, which made a
// loop).
func TestWasmNeverReloads(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	onNewDocument(t, tab, `sessionStorage.setItem("loads", String(+(sessionStorage.getItem("loads") || 0) + 1));`)
	for _, path := range []string{"/embed/blinken-meets-xi?id=x", "/offline", "/404.html", "/no/such/page", "/api/nope", article + "/"} {
		open(t, tab, srv, "/healthz") // a fresh count for each page
		eval[bool](t, tab, `(sessionStorage.clear(), true)`)
		open(t, tab, srv, path)
		before := eval[string](t, tab, `document.querySelector("h1").textContent`)
		engage(t, tab)
		settle(t, tab)
		if got := eval[string](t, tab, `sessionStorage.getItem("loads")`); got != "1" {
			t.Errorf("%s: the page was loaded %s times", path, got)
		}
		if got := eval[string](t, tab, `document.querySelector("h1").textContent`); got != before {
			t.Errorf("%s: the wasm showed %q, the server had sent %q", path, got, before)
		}
	}
	noProblems(t, tab, "404 (Not Found)")
}
