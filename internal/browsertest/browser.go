// Package browsertest drives Debian's Chromium with chromedp for end-to-end
// tests: it starts the browser with the flags this closed network needs, and
// gives each test a fresh tab in a fresh browser context that records console
// errors, uncaught exceptions and Content-Security-Policy violations.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Path is where Debian's chromium package installs the browser; CHROME_PATH
// overrides it.
const Path = "/usr/bin/chromium"

// Browser is a running Chromium.
type Browser struct {
	ctx    context.Context // the browser's first tab; others derive from it
	cancel func()
	dir    string
}

// Find returns the browser's path, or "" when it is not installed.
func Find() string {
	p := os.Getenv("CHROME_PATH")
	if p == "" {
		p = Path
	}
	if _, err := exec.LookPath(p); err != nil {
		return ""
	}
	return p
}

// Start starts Chromium for tb, or ends tb: a missing browser skips the
// tests loudly on a developer's machine and fails them in CI (CI is set).
func Start(tb testing.TB) *Browser {
	tb.Helper()
	b, err := Launch()
	if err != nil {
		Missing(tb, err)
	}
	tb.Cleanup(b.Close)
	return b
}

// Missing ends tb for a browser that cannot run: skipped locally, failed
// when the environment variable CI is set.
func Missing(tb testing.TB, err error) {
	tb.Helper()
	msg := fmt.Sprintf("\n\n*** BROWSER TESTS NOT RUN: %v\n*** Install Debian's Chromium: apt-get install -y chromium (or set CHROME_PATH)\n", err)
	if os.Getenv("CI") != "" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}

// Launch starts Chromium headless with a fresh profile.
func Launch() (*Browser, error) {
	path := Find()
	if path == "" {
		return nil, fmt.Errorf("no Chromium at %s", Path)
	}
	dir, err := os.MkdirTemp("", "backstory-chrome-*")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return &Browser{ctx: ctx, cancel: func() { cancelCtx(); cancelAlloc() }, dir: dir}, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.dir)
}

// Tab is a browser tab of its own browser context (no shared storage,
// cache or service workers with other tabs), with what its pages reported.
type Tab struct {
	Ctx context.Context
	mu  sync.Mutex
	log []string
}

// NewTab opens a tab for tb, closed when tb ends.
func (b *Browser) NewTab(tb testing.TB) *Tab {
	tb.Helper()
	return b.newTab(tb, chromedp.WithNewBrowserContext())
}

// NewProfileTab opens a tab in the browser's own profile, shared with the
// other profile tabs, for what a fresh browser context cannot do: Chromium
// treats one as incognito, where nothing installs.
func (b *Browser) NewProfileTab(tb testing.TB) *Tab {
	tb.Helper()
	return b.newTab(tb)
}

func (b *Browser) newTab(tb testing.TB, opts ...chromedp.ContextOption) *Tab {
	tb.Helper()
	t := &Tab{}
	ctx, cancel := chromedp.NewContext(b.ctx, append(opts, chromedp.WithListener(t.listen))...)
	tb.Cleanup(cancel)
	t.Ctx = ctx
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		tb.Fatalf("opening a tab: %v", err)
	}
	return t
}

func (t *Tab) listen(ev any) {
	var entry string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var args []string
			for _, a := range ev.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			entry = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		entry = "uncaught exception: " + d.Text
		if d.Exception != nil {
			entry += " " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Source == log.EntrySourceSecurity || ev.Entry.Source == log.EntrySourceViolation {
			entry = fmt.Sprintf("%s %s: %s %s", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text, ev.Entry.URL)
		}
	}
	if entry != "" {
		t.mu.Lock()
		t.log = append(t.log, entry)
		t.mu.Unlock()
	}
}

// Problems returns the errors, warnings, exceptions and policy violations
// the tab's pages reported so far.
func (t *Tab) Problems() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.log...)
}

// NoProblems fails tb if the tab's pages reported any problem.
func (t *Tab) NoProblems(tb testing.TB) {
	tb.Helper()
	for _, p := range t.Problems() {
		tb.Errorf("the page reported: %s", p)
	}
}
