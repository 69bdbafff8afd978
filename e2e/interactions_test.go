package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/internal/sitetest"
	"backstory/server"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestWasmWaitsForTheReader: on a first visit the wasm starts when the
// reader engages, or by itself after the page has been idle a while.
func TestWasmWaitsForTheReader(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, article)
	time.Sleep(time.Second)
	if got := eval[string](t, tab, `document.documentElement.dataset.wasm || ""`); got != "" {
		t.Errorf("a second after load, with no reader input, data-wasm=%q", got)
	}
	start := time.Now()
	waitReady(t, tab)
	if waited := time.Since(start) + time.Second; waited < 2*time.Second || waited > 8*time.Second {
		t.Errorf("the idle page started the wasm after %v, want about 3s", waited)
	}
	noProblems(t, tab)
}

// cardReferences: a reference opens its card in place, says so with
// aria-expanded, puts the card in the URL without a history entry, and
// closes it again by keyboard. (Run on every host: TestHosts.)
func cardReferences(t *testing.T, srv site) {
	tab := newTab(t)
	open(t, tab, srv, article)
	engage(t, tab)

	ref := `document.querySelector('[data-card-ref="one-china"]')`
	history := eval[float64](t, tab, `history.length`)
	if got := eval[string](t, tab, ref+`.getAttribute("aria-expanded")`); got != "false" {
		t.Errorf("before: aria-expanded=%q", got)
	}
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-card-ref="one-china"]`)))
	waitTrue(t, tab, "the reference opens its card", `document.getElementById("one-china").open`)
	waitTrue(t, tab, "aria-expanded is true", ref+`.getAttribute("aria-expanded") === "true"`)
	if got := eval[string](t, tab, ref+`.getAttribute("aria-controls")`); got != "one-china" {
		t.Errorf("aria-controls=%q", got)
	}
	if got := eval[string](t, tab, `location.hash`); got != "#one-china" {
		t.Errorf("URL hash %q, want #one-china", got)
	}
	if got := eval[float64](t, tab, `history.length`); got != history {
		t.Errorf("opening a card added a history entry (%v → %v)", history, got)
	}
	if got := eval[string](t, tab, `document.activeElement.dataset.cardRef || ""`); got != "one-china" {
		t.Errorf("focus is on %q, want the reference", got)
	}
	// The card stands in the reader's view.
	if !eval[bool](t, tab, `(() => { const r = document.getElementById("one-china").getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })()`) {
		t.Error("the opened card is not in view")
	}
	settle(t, tab) // the card done opening
	do(t, tab, chromedp.KeyEvent("\r"))
	waitTrue(t, tab, "Enter on the focused reference closes the card", `!document.getElementById("one-china").open`)
	waitTrue(t, tab, "aria-expanded is false", ref+`.getAttribute("aria-expanded") === "false"`)
	if got := eval[string](t, tab, `location.hash`); got != "" {
		t.Errorf("after closing, URL hash %q", got)
	}
	// Opening by the summary keeps the reference true too.
	do(t, tab, chromedp.Click(chromedp.CSS(`#one-china > summary`)))
	waitTrue(t, tab, "opening by the summary sets aria-expanded", ref+`.getAttribute("aria-expanded") === "true"`)
	noProblems(t, tab)
}

// TestReferenceBringsTheCard: a reference far from its card opens the card
// right after the reference's paragraph, not where the card is written.
func TestReferenceBringsTheCard(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, "/articles/how-to-write")
	engage(t, tab)
	sel := `[data-card-ref="background-cards"]`
	refs := eval[float64](t, tab, `document.querySelectorAll('`+sel+`').length`)
	if refs < 2 {
		t.Fatalf("the guide has %v references to background-cards, want 2", refs)
	}
	do(t, tab, chromedp.ScrollIntoView(chromedp.CSSAll(sel)), chromedp.Sleep(0))
	eval[bool](t, tab, `(document.querySelectorAll('`+sel+`')[1].click(), true)`)
	waitTrue(t, tab, "the card opens", `document.getElementById("background-cards").open`)
	settle(t, tab)
	placed := eval[string](t, tab, `(() => {
		const card = document.getElementById("background-cards");
		const ref = document.querySelectorAll('`+sel+`')[1];
		const block = ref.closest(".article-body > *");
		return [card.open, card.parentElement.className, block.nextElementSibling === card.parentElement].join(" ");
	})()`)
	if placed != "true card-dock true" {
		t.Errorf("the card is (open, parent, right after the reference) = %q", placed)
	}
	if got := eval[float64](t, tab, `document.querySelectorAll("#background-cards").length`); got != 1 {
		t.Errorf("%v elements with the card's id", got)
	}
	noProblems(t, tab)
}

// TestDeepLink: /articles/x#card opens the card and scrolls to it, before
// the wasm and after it.
func TestDeepLink(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	phone(t, tab)
	open(t, tab, srv, article+"#one-china")
	waitTrue(t, tab, "the linked card opens", `document.getElementById("one-china").open`)
	settle(t, tab)
	inView := `(() => { const r = document.getElementById("one-china").getBoundingClientRect(); return document.getElementById("one-china").open && r.top >= -1 && r.top < innerHeight; })()`
	if !eval[bool](t, tab, inView) {
		t.Error("before the wasm, the linked card is not open in view")
	}
	engage(t, tab)
	settle(t, tab)
	if !eval[bool](t, tab, inView) {
		t.Error("after the wasm, the linked card is not open in view")
	}
	noProblems(t, tab)
}

func TestExpandAndCollapseAll(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, article)
	engage(t, tab)
	count := `[...document.querySelectorAll("details[data-card]")].filter(d => d.open).length + "/" + document.querySelectorAll("details[data-card]").length`
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-action="expand-all"]`)))
	waitTrue(t, tab, "Expand all opens the 9 cards", count+` === "9/9"`)
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-action="collapse-all"]`)))
	waitTrue(t, tab, "Collapse all closes them", count+` === "0/9"`)
	noProblems(t, tab)
}

// TestShareQuote: without navigator.share (desktop Chromium), "Share quote"
// copies the card's link and says so.
func TestShareQuote(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	bctx := chromedp.FromContext(tab.Ctx).BrowserContextID
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(tab.Ctx, browser.SetPermission, browser.SetPermissionParams{Permission: &browser.PermissionDescriptor{Name: name}, Setting: "granted", Origin: srv.URL(), BrowserContextID: bctx})
		if err != nil {
			t.Fatal(err)
		}
	}
	open(t, tab, srv, article)
	engage(t, tab)
	do(t, tab, chromedp.Click(chromedp.CSS(`#wang-no-compromise > summary`)))
	settle(t, tab)
	do(t, tab, chromedp.Click(chromedp.CSS(`#wang-no-compromise [data-share]`)))
	waitTrue(t, tab, "the card says what happened", `document.querySelector("#wang-no-compromise .card-note").textContent !== ""`)
	if got := eval[string](t, tab, `document.querySelector("#wang-no-compromise .card-note").textContent`); got != "Link copied." {
		t.Errorf("share feedback %q", got)
	}
	if got := eval[string](t, tab, `navigator.clipboard.readText()`); got != srv.URL()+article+"#wang-no-compromise" {
		t.Errorf("clipboard holds %q", got)
	}
	noProblems(t, tab)
}

// TestThemeToggle: the toggle switches the theme, remembers it, and the
// next page has it before its first paint.
func TestThemeToggle(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	call(t, tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}})
	open(t, tab, srv, article)
	engage(t, tab)
	bg := `getComputedStyle(document.body).backgroundColor`
	light := eval[string](t, tab, bg)
	do(t, tab, chromedp.Click(chromedp.CSS(`.theme-toggle`)))
	waitTrue(t, tab, "the toggle turns the dark theme on", `document.documentElement.dataset.theme === "dark" && document.querySelector(".theme-toggle").getAttribute("aria-pressed") === "true"`)
	dark := eval[string](t, tab, bg)
	if dark == light {
		t.Errorf("the background stayed %s", dark)
	}
	onNewDocument(t, tab, `document.addEventListener("DOMContentLoaded", () => { window.themeAtParse = document.documentElement.dataset.theme; })`)
	do(t, tab, chromedp.Reload())
	if got := eval[string](t, tab, `window.themeAtParse`); got != "dark" {
		t.Errorf("after a reload, the theme at first parse is %q", got)
	}
	noProblems(t, tab)
}

// TestPhoneLayout: on a 390×844 phone nothing scrolls sideways, and every
// control is at least 44×44 px. Links inside running text are exempt, as
// WCAG 2.5.8 allows.
func TestPhoneLayout(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	phone(t, tab)
	for _, path := range []string{"/", article, "/articles/how-to-write"} {
		open(t, tab, srv, path)
		engage(t, tab)
		if path != "/" {
			do(t, tab, chromedp.Click(chromedp.CSS(`[data-action="expand-all"]`)))
			waitTrue(t, tab, "every card is open", `[...document.querySelectorAll("details[data-card]")].every(d => d.open)`)
			settle(t, tab)
		}
		if got := eval[string](t, tab, `document.documentElement.scrollWidth + " " + document.documentElement.clientWidth`); got != "390 390" {
			t.Errorf("%s: scrollWidth clientWidth = %s: the page scrolls sideways", path, got)
		}
		small := eval[[]string](t, tab, `[...document.querySelectorAll("button, summary, .site-name, .site-footer a, .summary-title a")].filter(el => el.offsetParent !== null).map(el => [el, el.getBoundingClientRect()]).filter(([el, r]) => r.width < 44 || r.height < 44).map(([el, r]) => el.outerHTML.slice(0, 60) + " " + Math.round(r.width) + "×" + Math.round(r.height))`)
		for _, s := range small {
			t.Errorf("%s: tap target smaller than 44×44: %s", path, s)
		}
	}
	noProblems(t, tab)
}

// TestClientNavigation: following a link to another article renders it in
// the page, from the API, without reloading; Back returns.
func TestClientNavigation(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, "/")
	engage(t, tab)
	eval[bool](t, tab, `(window.sameDocument = true)`)
	do(t, tab, chromedp.Click(chromedp.CSS(`a[href="/articles/how-to-write"]`)))
	do(t, tab, chromedp.WaitVisible(chromedp.CSS(`[data-card-ref="background-cards"]`)))
	if got := eval[string](t, tab, `location.pathname + " " + document.querySelector("h1").textContent + " " + (window.sameDocument === true)`); got != "/articles/how-to-write How to write a backstory article true" {
		t.Errorf("after following the link: %q", got)
	}
	if got := eval[string](t, tab, `document.title`); !strings.HasPrefix(got, "How to write a backstory article") {
		t.Errorf("title %q", got)
	}
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-card-ref="background-cards"]`)))
	waitTrue(t, tab, "cards work after client-side navigation", `document.getElementById("background-cards").open`)
	do(t, tab, chromedp.NavigateBack())
	do(t, tab, chromedp.WaitVisible(chromedp.CSS(`.article-list`)))
	if got := eval[bool](t, tab, `window.sameDocument === true`); !got {
		t.Error("Back reloaded the page")
	}
	noProblems(t, tab)
}

// TestPrint: printed, every card is open and the controls are gone.
func TestPrint(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, article)
	call(t, tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	settle(t, tab)
	hidden := eval[[]string](t, tab, `[...document.querySelectorAll(".card-body")].filter(b => b.getBoundingClientRect().height === 0).map(b => b.closest("details").id)`)
	if len(hidden) != 0 {
		t.Errorf("printed, these cards are closed: %v", hidden)
	}
	chrome := eval[[]string](t, tab, `[...document.querySelectorAll(".site-header, .site-footer, .card-tools, .card-actions")].filter(e => getComputedStyle(e).display !== "none").map(e => e.className)`)
	if len(chrome) != 0 {
		t.Errorf("printed, these controls show: %v", chrome)
	}
}

// TestWasmFailure: when the wasm cannot run, the page stays complete and
// says, quietly, what is missing.
func TestWasmFailure(t *testing.T) {
	dir := t.TempDir()
	js, err := os.ReadFile(filepath.Join(sitetest.WebDir(t), "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), js, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("this is not WebAssembly"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, func(c *server.Config) { c.WebDir = dir })
	tab := newTab(t)
	open(t, tab, srv, article)
	call(t, tab, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: 5, Y: 5})
	waitTrue(t, tab, "the page says the wasm failed", `document.documentElement.dataset.wasm === "failed" && !!document.querySelector(".boot-notice")`)
	do(t, tab, chromedp.Click(chromedp.CSS(`#one-china > summary`)))
	if !eval[bool](t, tab, `document.getElementById("one-china").open`) {
		t.Error("cards do not open after the wasm failed")
	}
	noProblems(t, tab, "the interactive layer did not load")
}

// TestStorageThrows: where storage throws (a sandboxed frame, some private
// modes), the wasm starts and the theme toggle works for the page.
func TestStorageThrows(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	onNewDocument(t, tab, `for (const name of ["localStorage", "sessionStorage"]) Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException("denied", "SecurityError"); } });`)
	open(t, tab, srv, article)
	engage(t, tab)
	do(t, tab, chromedp.Click(chromedp.CSS(`.theme-toggle`)))
	waitTrue(t, tab, "the toggle switches the theme", `document.documentElement.dataset.theme === "dark"`)
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-card-ref="one-china"]`)))
	waitTrue(t, tab, "references work", `document.getElementById("one-china").open`)
	noProblems(t, tab)
}
