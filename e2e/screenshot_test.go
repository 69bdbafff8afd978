package e2e

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

var screenshot = flag.Bool("screenshot", false, "write docs/screenshot.png: the article on a phone, a card open")

// TestScreenshot renders the article on a phone with a card open. With
// -screenshot it writes the picture the README shows.
func TestScreenshot(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	phone(t, tab)
	open(t, tab, srv, article+"#one-china")
	engage(t, tab)
	settle(t, tab)
	eval[bool](t, tab, `(window.scrollTo(0, document.getElementById("one-china").getBoundingClientRect().top + scrollY - 360), true)`)
	settle(t, tab)
	png, err := chromedp.Run(tab.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 10_000 {
		t.Fatalf("the screenshot is %d bytes: blank?", len(png))
	}
	if *screenshot {
		if err := os.WriteFile(filepath.Join("..", "docs", "screenshot.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	noProblems(t, tab)
}
