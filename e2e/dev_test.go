package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"backstory/content/live"
	"backstory/internal/synthetic"
	"backstory/server"
)

// TestLiveEditing: with -dev, an editor's open page shows a broken edit's
// problem in a banner while the last good version stays, and reloads by
// itself once the file is fixed, showing the change; no service worker
// gets in the way.
func TestLiveEditing(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "live.md")
	write := func(src string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(synthetic.LiveArticle("First title", false))
	d, err := live.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, func(c *server.Config) { c.Store, c.Dev = d.Store(), true })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Follow(ctx, d)

	tab := newTab(t)
	open(t, tab, srv, "/articles/live")
	waitTrue(t, tab, "the page follows the server's changes", `!!window.backstoryDevState`)

	write(synthetic.LiveArticle("Broken title", true))
	waitTrue(t, tab, "a banner names the problem as file:line:col", `(document.getElementById("backstory-dev") || {}).textContent.includes(`+jsString(file+":9:1: quote card needs by=")+`)`)
	if got := eval[string](t, tab, `document.querySelector("h1").textContent`); got != "First title" {
		t.Errorf("with the file broken, the page shows %q, not the last good version", got)
	}

	write(synthetic.LiveArticle("Second title", false))
	waitTrue(t, tab, "the page reloads by itself with the change", `document.querySelector("h1") && document.querySelector("h1").textContent === "Second title"`)
	waitTrue(t, tab, "the page follows the server again", `!!window.backstoryDevState`)
	if eval[bool](t, tab, `!!document.getElementById("backstory-dev")`) {
		t.Error("the banner stays after the fix")
	}
	if n := eval[float64](t, tab, `navigator.serviceWorker.getRegistrations().then(r => r.length)`); n != 0 {
		t.Errorf("%v service workers registered in -dev", n)
	}
	noProblems(t, tab)
}
