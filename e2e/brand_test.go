package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
)

// brandDir is a publisher's site: its own name, colours and logo
// (site.yaml), an article with cards and a shared card.
const brandDir = "testdata/brand"

// seen is what a reader sees of a page, and what a browser, a search
// engine or a social network shows of it: the words (pageWords), the
// <meta> contents and the icon links.
const seen = pageWords + ` + "\n" + [...document.querySelectorAll("meta[content], link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]")].map(e => e.content || e.href).join("\n")`

func TestTheSitesOwnBrand(t *testing.T) {
	srv := serveDir(t, brandDir)
	tab := newProfileTab(t)
	for _, tt := range []struct {
		path  string
		named string // where the site's name shows
	}{
		{"/", ".site-name"},
		{"/articles/harbour-reopens", ".site-name"},
		{"/cards/mayor", ".site-name"},
		{"/nowhere", ".site-name"},
		{"/offline", ".site-name"},
		{"/embed/harbour-reopens", ".embed-footer"},
		{"/embed/harbour-reopens/front-door", ""},
	} {
		open(t, tab, srv, tt.path)
		if !strings.HasPrefix(tt.path, "/embed/") {
			engage(t, tab)
		}
		settle(t, tab)
		words := eval[string](t, tab, seen)
		if strings.Contains(strings.ToLower(words), "backstory") {
			t.Errorf("%s: backstory's name shows:\n%s", tt.path, words)
		}
		if tt.named != "" && !strings.Contains(eval[string](t, tab, `document.querySelector("`+tt.named+`").textContent`), "The Lantern") {
			t.Errorf("%s: the site's name is not in %s", tt.path, tt.named)
		}
		if got := eval[string](t, tab, `getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()`); got != "#a4262c" {
			t.Errorf("%s: the accent is %q, want the site's #a4262c", tt.path, got)
		}
		if icon := eval[string](t, tab, `(document.querySelector("link[rel=icon]") || {}).href || ""`); !strings.Contains(icon, "data:image/svg+xml") || !strings.Contains(eval[string](t, tab, `atob(document.querySelector("link[rel=icon]").href.split(",")[1])`), "#ffd166") {
			t.Errorf("%s: the favicon is not the site's logo: %.80s", tt.path, icon)
		}
	}
	open(t, tab, srv, "/")
	if got := eval[string](t, tab, `document.querySelector(".site-logo").getAttribute("src")`); got == "" {
		t.Error("the header shows no logo")
	}
	if got := eval[string](t, tab, `[...document.querySelectorAll(".site-footer a")].map(a => a.textContent + " " + a.href).join(", ")`); !strings.Contains(got, "About The Lantern https://lantern.example/about") {
		t.Errorf("the footer links %q", got)
	}
	engage(t, tab)
	waitTrue(t, tab, "the service worker controls the page", `!!navigator.serviceWorker.controller`)
	for _, e := range call(t, tab, page.GetInstallabilityErrors, cdp.Empty{}).InstallabilityErrors {
		t.Errorf("installability error %s %v", e.ErrorID, e.ErrorArguments)
	}
	// The manifest, and its icons, made from the logo: the logo's flame
	// (#ffd166) on its red square, not backstory's icon.
	manifest := eval[string](t, tab, `fetch(document.querySelector("link[rel=manifest]").href).then(r => r.json()).then(m => Promise.all(m.icons.map(i => new Promise((ok, fail) => {
		const img = new Image();
		img.onload = () => {
			const c = document.createElement("canvas");
			c.width = img.naturalWidth; c.height = img.naturalHeight;
			const g = c.getContext("2d");
			g.drawImage(img, 0, 0);
			const px = (x, y) => [...g.getImageData(x, y, 1, 1).data].slice(0, 3).map(v => v.toString(16).padStart(2, "0")).join("");
			ok(i.purpose + " " + i.sizes + " " + img.naturalWidth + " " + px(img.naturalWidth / 2, img.naturalHeight / 2));
		};
		img.onerror = () => fail(new Error("icon " + i.src));
		img.src = i.src;
	}))).then(icons => [m.name, m.short_name, m.description, m.theme_color, m.background_color, ...icons].join("\n")))`)
	for _, want := range []string{"The Lantern\n", "Lantern\n", "Local news, lit from every side\n", "#fff8f0\n#fff8f0\n", "any 192x192 192 ffd166", "any 512x512 512 ffd166", "maskable 512x512 512 ffd166"} {
		if !strings.Contains(manifest+"\n", want) {
			t.Errorf("the manifest lacks %q:\n%s", want, manifest)
		}
	}
	noProblems(t, tab, "/nowhere") // the page for a path with nothing is a 404
}
