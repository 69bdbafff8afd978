// Package e2e holds the browser tests: the real server on a loopback port,
// driven in Debian's Chromium with chromedp.
package e2e

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"backstory/internal/browsertest"
	"backstory/internal/sitetest"
	"backstory/server"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var (
	browserOnce sync.Once
	shared      *browsertest.Browser
	browserErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	os.Exit(code)
}

// newTab opens a tab in the browser shared by the package's tests, starting
// it on first use; without Chromium the test is skipped, or failed in CI.
func newTab(t *testing.T) *browsertest.Tab {
	t.Helper()
	return withTimeout(t, startBrowser(t).NewTab(t))
}

// newProfileTab opens a tab in the shared browser's own profile (see
// browsertest.Browser.NewProfileTab).
func newProfileTab(t *testing.T) *browsertest.Tab {
	t.Helper()
	return withTimeout(t, startBrowser(t).NewProfileTab(t))
}

func startBrowser(t *testing.T) *browsertest.Browser {
	t.Helper()
	browserOnce.Do(func() { shared, browserErr = browsertest.Launch() })
	if browserErr != nil {
		browsertest.Missing(t, browserErr)
	}
	return shared
}

func withTimeout(t *testing.T, tab *browsertest.Tab) *browsertest.Tab {
	ctx, cancel := context.WithTimeout(tab.Ctx, 60*time.Second)
	t.Cleanup(cancel)
	tab.Ctx = ctx
	return tab
}

// serve starts the server for a test.
func serve(t *testing.T, opts ...func(*server.Config)) *server.Server {
	t.Helper()
	return sitetest.Serve(t, opts...)
}

// do runs actions in the tab, failing the test on error.
func do(t *testing.T, tab *browsertest.Tab, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates JavaScript in the tab's page, awaiting a promise.
func eval[T any](t *testing.T, tab *browsertest.Tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitTrue waits until the JavaScript expression js is true: go-app renders
// on its next frame, not at once.
func waitTrue(t *testing.T, tab *browsertest.Tab, what, js string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		// A navigation may destroy the page the expression runs in: try
		// again in the next one.
		ok, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+js+`); } catch (e) { return false; } })()`))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting until %s: %v (%s)", what, err, js)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// call sends a protocol command to the tab.
func call[P, R any](t *testing.T, tab *browsertest.Tab, cmd cdp.Command[P, R], params P) R {
	t.Helper()
	r, err := chromedp.Call(tab.Ctx, cmd, params)
	if err != nil {
		t.Fatalf("%s: %v", cmd.Method, err)
	}
	return r
}

// engage moves the mouse over the page, as a reader does: on a first visit
// the wasm starts when the reader engages. It waits until boot.js listens
// (the page loads it after its first paint), then for the hand-over.
func engage(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	waitTrue(t, tab, "boot.js runs", `typeof window.backstoryShare === "function" || document.documentElement.dataset.wasm`)
	call(t, tab, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: 5, Y: 5})
	waitReady(t, tab)
}

// waitReady waits until the wasm owns the page.
func waitReady(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	do(t, tab, chromedp.WaitReady(chromedp.CSS(`html[data-wasm="ready"]`)))
}

// site is where the site under test is served: backstory serve, or a
// static export on nginx.
type site interface{ URL() string }

// open navigates the tab to path on srv and waits for the page to load.
func open(t *testing.T, tab *browsertest.Tab, srv site, path string) {
	t.Helper()
	do(t, tab, chromedp.Navigate(srv.URL()+path))
	do(t, tab, chromedp.WaitReady(chromedp.CSS("body")))
}

// holdWasm pauses the tab's requests for the wasm, as a slow network
// would, until release is called: what the reader does meanwhile happens
// before the wasm arrives, whatever starts it. The page's requests bypass
// the service worker, which would otherwise answer from its cache.
func holdWasm(t *testing.T, tab *browsertest.Tab) (release func()) {
	t.Helper()
	call(t, tab, network.Enable, network.EnableParams{})
	call(t, tab, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true})
	paused := chromedp.Events(tab.Ctx, fetch.RequestPaused)
	call(t, tab, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm"}}})
	held := make(chan fetch.RequestID, 4)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			held <- ev.RequestID
		}
	}()
	return func() {
		t.Helper()
		select {
		case id := <-held:
			call(t, tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
		case <-time.After(10 * time.Second):
			t.Fatal("the page never asked for the wasm")
		}
		call(t, tab, fetch.Disable, cdp.Empty{})
	}
}

// settle waits until the page's animations and transitions have finished.
func settle(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	eval[bool](t, tab, `(async () => { await Promise.all(document.getAnimations().map(a => a.finished.catch(() => {}))); await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); return true; })()`)
}

// phone makes the tab a 390×844 touch phone.
func phone(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	do(t, tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(3)))
}

// noScript turns JavaScript off in the tab.
func noScript(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	call(t, tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
}

// onNewDocument runs js in every page the tab loads, before the page's own
// scripts.
func onNewDocument(t *testing.T, tab *browsertest.Tab, js string) {
	t.Helper()
	call(t, tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
}

// snapshotJS serializes an element's subtree with sorted attributes, so that
// two DOMs can be compared whatever order their attributes were set in.
// Attributes named in skip are left out.
const snapshotJS = `function snapshot(el, skip) {
  if (el.nodeType === 3) return el.data;
  if (el.nodeType !== 1) return "";
  const attrs = [...el.attributes].filter(a => !(skip || []).includes(a.name)).map(a => a.name + '="' + a.value + '"').sort().join(" ");
  return "<" + el.localName + (attrs ? " " + attrs : "") + ">" + [...el.childNodes].map(c => snapshot(c, skip)).join("") + "</" + el.localName + ">";
}`

// noProblems fails the test if the tab's pages reported an error, a
// warning, an exception or a CSP violation, other than those containing
// one of the expected strings.
func noProblems(t *testing.T, tab *browsertest.Tab, expected ...string) {
	t.Helper()
	for _, p := range tab.Problems() {
		if !contains(expected, p) {
			t.Errorf("the page reported: %s", p)
		}
	}
}

// contains reports whether s contains one of the strings in list.
func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
