package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestCSPViolationsAreCaught shows that the pages run under their CSP and
// that the suite's problem log, which every browser test checks, catches
// a violation: an inline script and a foreign stylesheet added to the live
// page are refused and reported.
func TestCSPViolationsAreCaught(t *testing.T) {
	srv := serve(t)
	tab := newTab(t)
	open(t, tab, srv, article)
	eval[bool](t, tab, `(() => {
		const s = document.createElement("script");
		s.textContent = "window.injected = true";
		document.body.append(s);
		const l = document.createElement("link");
		l.rel = "stylesheet";
		l.href = "https://cdn.example/style.css";
		document.head.append(l);
		return true;
	})()`)
	if eval[bool](t, tab, `window.injected === true`) {
		t.Fatal("an inline script ran: the page has no CSP")
	}
	var reported []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		reported = tab.Problems()
		if count(reported, "Content Security Policy") >= 2 {
			return
		}
	}
	t.Errorf("the two violations were not both reported; the tab reported %q", reported)
}

func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if strings.Contains(x, s) {
			n++
		}
	}
	return n
}
