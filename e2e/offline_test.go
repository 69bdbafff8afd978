package e2e

import (
	"context"
	"testing"
	"time"

	"backstory/content"
	"backstory/internal/browsertest"
	"backstory/internal/sitetest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// networkConditions is the DevTools command that takes a page, or a service
// worker, off the network (and, for a page, sets navigator.onLine).
var networkConditions = cdp.Command[conditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

type conditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// setOffline takes the tab's page and every service worker off the network,
// or puts them back: taking only the page off would leave the worker's own
// fetches online. Emulation lasts as long as the DevTools session that set
// it, so the sessions to the workers stay open until the test ends.
func setOffline(t *testing.T, tab *browsertest.Tab, off bool) {
	t.Helper()
	params := conditions{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}
	call(t, tab, network.Enable, network.EnableParams{})
	call(t, tab, networkConditions, params)
	targets, err := chromedp.Targets(tab.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	workers := 0
	var errs []error
	for _, info := range targets {
		if info.Type != "service_worker" {
			continue
		}
		wctx, cancel := chromedp.NewContext(tab.Ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		t.Cleanup(cancel)
		// A worker being replaced may go away while we reach for it.
		ctx, stop := context.WithTimeout(wctx, 5*time.Second)
		_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
		if err == nil {
			_, err = chromedp.Call(ctx, networkConditions, params)
		}
		stop()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		workers++
	}
	if workers == 0 {
		t.Fatalf("no service worker taken off the network (%v)", errs)
	}
}

// offlineReading: after one visit to the index, with the network gone,
// the index, a visited article and an article never visited all open and
// work; a page never saved shows the offline page; a banner says so. (Run
// on every host: TestHosts.)
func offlineReading(t *testing.T, srv site) {
	tab := newTab(t)
	open(t, tab, srv, "/")
	engage(t, tab)
	waitTrue(t, tab, "the service worker controls the page", `!!navigator.serviceWorker.controller`)
	waitTrue(t, tab, "the index says every article is saved", `[...document.querySelectorAll(".summary .meta")].every(m => m.dataset.offline === "yes")`)
	open(t, tab, srv, article)

	setOffline(t, tab, true)
	start := time.Now()
	do(t, tab, chromedp.Reload())
	waitReady(t, tab)
	t.Logf("reloading the article offline: ready in %v", time.Since(start))
	if got := eval[string](t, tab, `document.querySelector("h1").textContent`); got != "Xi Jinping receives Antony Blinken in Beijing" {
		t.Errorf("offline reload: h1 %q", got)
	}
	waitTrue(t, tab, "the offline banner shows", `!!document.querySelector(".status-offline")`)

	open(t, tab, srv, "/articles/how-to-write")
	waitReady(t, tab)
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-card-ref="background-cards"]`)))
	waitTrue(t, tab, "a card opens in an article never visited, offline", `document.getElementById("background-cards").open`)

	open(t, tab, srv, "/")
	if got := eval[string](t, tab, `document.querySelector("h1").textContent`); got != "Articles" {
		t.Errorf("offline index: h1 %q", got)
	}
	open(t, tab, srv, "/never/saved")
	if got := eval[string](t, tab, `document.querySelector("h1").textContent`); got != "You are offline" {
		t.Errorf("a page never saved, offline: h1 %q", got)
	}

	setOffline(t, tab, false)
	waitTrue(t, tab, "the offline banner leaves", `!document.querySelector(".status-offline")`)
	noProblems(t, tab, "ERR_INTERNET_DISCONNECTED", "Failed to fetch")
}

// TestNewRelease: a new release installs in the background, the page offers
// to reload once, and the reload shows the new content.
func TestNewRelease(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, article)
	engage(t, tab)
	waitTrue(t, tab, "the service worker controls the page", `!!navigator.serviceWorker.controller`)
	do(t, tab, chromedp.Reload())
	waitReady(t, tab)

	// A new release: the article's title changes.
	store := sitetest.Articles(t)
	var articles []content.Article
	for _, a := range store.Articles() {
		if a.Slug == "blinken-meets-xi" {
			a.Title = "Blinken meets Xi: an updated headline"
		}
		articles = append(articles, a)
	}
	updated, err := content.NewStore(articles)
	if err != nil {
		t.Fatal(err)
	}
	old := srv.Version()
	srv.Update(updated)
	if srv.Version() == old {
		t.Fatal("the release kept its version")
	}
	eval[bool](t, tab, `(goappTryUpdate(), true)`)
	waitTrue(t, tab, "the page offers the new version", `!!document.querySelector(".status-update button")`)
	do(t, tab, chromedp.Click(chromedp.CSS(".status-update button")))
	waitTrue(t, tab, "the reload shows the new headline", `document.querySelector("h1") && document.querySelector("h1").textContent === "Blinken meets Xi: an updated headline"`)
	waitReady(t, tab)
	time.Sleep(time.Second)
	if eval[bool](t, tab, `!!document.querySelector(".status-update")`) {
		t.Error("after the reload, the page still offers a new version")
	}
	noProblems(t, tab)
}

// TestInstallable asks Chromium itself: no installability errors for the
// index and an article.
func TestInstallable(t *testing.T) {
	srv := serve(t)
	tab := newProfileTab(t)
	for _, path := range []string{"/", article} {
		open(t, tab, srv, path)
		engage(t, tab)
		waitTrue(t, tab, "the service worker controls the page", `!!navigator.serviceWorker.controller`)
		res := call(t, tab, page.GetInstallabilityErrors, cdp.Empty{})
		for _, e := range res.InstallabilityErrors {
			t.Errorf("%s: installability error %s %v", path, e.ErrorID, e.ErrorArguments)
		}
	}
	noProblems(t, tab)
}

// TestRepeatVisitDownloadsNoWasm: the second page a reader opens takes the
// wasm from the service worker's cache: no byte of it crosses the network.
func TestRepeatVisitDownloadsNoWasm(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, "/")
	engage(t, tab)
	waitTrue(t, tab, "the service worker controls the page", `!!navigator.serviceWorker.controller`)
	wasm := `performance.getEntriesByType("resource").filter(e => e.name.endsWith(".wasm"))`
	if got := eval[float64](t, tab, wasm+`.length`); got == 0 {
		t.Fatal("the first page lists no wasm among its resources: the measure is wrong")
	}
	open(t, tab, srv, article)
	waitReady(t, tab) // a warm browser starts the wasm at load
	got := eval[string](t, tab, wasm+`.map(e => e.transferSize + " bytes, from the worker: " + (e.workerStart > 0)).join("; ")`)
	t.Logf("the wasm on the second page: %s", got)
	if got != "0 bytes, from the worker: true" {
		t.Errorf("the second page's wasm: %s", got)
	}
	noProblems(t, tab)
}
