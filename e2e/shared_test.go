package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/content/articles"
	"backstory/content/markdown"
	"backstory/server"

	"github.com/chromedp/chromedp"
)

// TestSharedCardStaysCurrentOffline: a reader keeps an article that the
// worker does not precache (it saved it by reading it); a shared card the
// article places changes, which is a new release; the worker saves the
// article anew as the release activates, and offline the reader reads the
// card's new version.
func TestSharedCardStaysCurrentOffline(t *testing.T) {
	srv := serve(t, func(c *server.Config) { c.Precache = 1 }) // the newest article only
	tab := newTab(t)
	const guide = "/articles/how-to-write"
	open(t, tab, srv, guide)
	engage(t, tab)
	waitTrue(t, tab, "the service worker controls the page", `!!navigator.serviceWorker.controller`)
	do(t, tab, chromedp.Reload()) // through the worker, which saves it
	waitReady(t, tab)
	waitTrue(t, tab, "the worker saved the guide", `caches.open("backstory-pages").then(c => c.match(location.href)).then(r => !!r)`)
	eval[bool](t, tab, `(window.refreshed = [], navigator.serviceWorker.addEventListener("message", e => { if (e.data.type === "backstory:refreshed") window.refreshed.push(...e.data.urls); }), true)`)

	// The shared card changes.
	const marker = "He also chairs a committee invented for this test."
	dir := t.TempDir()
	if err := os.CopyFS(dir, articles.FS); err != nil {
		t.Fatal(err)
	}
	card := filepath.Join(dir, "cards", "wang-yi.md")
	src, err := os.ReadFile(card)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(card, []byte(strings.TrimRight(string(src), "\n")+" "+marker+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	store, err := markdown.NewParser().LoadDir(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	srv.Update(store)
	eval[bool](t, tab, `(goappTryUpdate(), true)`)
	waitTrue(t, tab, "the new worker saved the guide anew", `window.refreshed.some(u => new URL(u).pathname === "`+guide+`")`)
	if got := eval[[]string](t, tab, `window.refreshed.map(u => new URL(u).pathname).sort()`); len(got) == 0 {
		t.Errorf("refreshed %v", got)
	}

	setOffline(t, tab, true)
	do(t, tab, chromedp.Reload())
	waitReady(t, tab)
	if got := eval[string](t, tab, `document.getElementById("wang-yi").textContent`); !strings.Contains(got, marker) {
		t.Errorf("offline, the saved guide shows the card's old version: %q", got)
	}
	setOffline(t, tab, false)
	noProblems(t, tab, "ERR_INTERNET_DISCONNECTED", "Failed to fetch")
}

// TestCardPage: a shared card in an article links to its page, which shows
// the card and the stories that use it, before and after the wasm, and
// whose links lead back to the stories.
func TestCardPage(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, article)
	engage(t, tab)
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-card-ref="wang-yi"]`)))
	waitTrue(t, tab, "the shared card opens", `document.getElementById("wang-yi").open`)
	settle(t, tab) // the card has finished opening: its link stays where it is clicked
	if got := eval[string](t, tab, `document.querySelector("#wang-yi .card-shared").textContent`); got != "Updated 25 July 2023 · More on this" {
		t.Errorf("the shared card's note: %q", got)
	}
	eval[bool](t, tab, `(window.sameDocument = true)`)
	do(t, tab, chromedp.Click(chromedp.CSS(`#wang-yi .card-more`)))
	waitTrue(t, tab, "the card's page shows", `location.pathname === "/cards/wang-yi" && document.querySelector("h1").textContent === "Wang Yi, China’s top diplomat"`)
	if !eval[bool](t, tab, `window.sameDocument === true`) {
		t.Error("the wasm did not show the card's page by itself")
	}
	if got := eval[[]string](t, tab, `[...document.querySelectorAll(".backlinks .summary-title a")].map(a => a.getAttribute("href"))`); strings.Join(got, " ") != "/articles/blinken-meets-xi /articles/how-to-write" {
		t.Errorf("backlinks, newest first: %v", got)
	}
	do(t, tab, chromedp.Click(chromedp.CSS(`.backlinks a[href="/articles/how-to-write"]`)))
	waitTrue(t, tab, "the backlink leads to the story", `location.pathname === "/articles/how-to-write" && !!document.getElementById("wang-yi")`)
	noProblems(t, tab)

	// Without JavaScript, the page reads the same.
	plain := newTab(t)
	noScript(t, plain)
	open(t, plain, srv, "/cards/wang-yi")
	if got := eval[string](t, plain, `document.querySelector(".card-page .card-body").textContent`); !strings.Contains(got, "Politburo") {
		t.Errorf("without the wasm, the card's page shows %q", got)
	}
}
