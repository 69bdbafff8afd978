package app

import (
	"strconv"

	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// themeKey is where the reader's theme choice is stored.
const themeKey = "backstory-theme"

// SiteHeader is the site's logo and name, and the theme toggle.
type SiteHeader struct {
	app.Compo

	// Site is the site the header names; Words are the page's.
	Site  Site
	Words i18n.Words

	dark        bool // the theme in effect is dark
	interactive bool
}

// OnMount reads the theme in effect.
func (h *SiteHeader) OnMount(ctx app.Context) {
	h.interactive = true
	h.dark = effectiveTheme() == "dark"
}

// Render renders the header. The toggle is a toggle button, "Dark theme",
// pressed when the dark theme is on; whether it is, only the browser knows,
// so aria-pressed comes with the wasm.
func (h *SiteHeader) Render() app.UI {
	pressed := ""
	if h.interactive {
		pressed = strconv.FormatBool(h.dark)
	}
	name := []app.UI{textEl("span", "site-title", h.Site.Name)}
	if h.Site.Logo != "" {
		// The name follows: the logo says nothing more.
		name = append([]app.UI{void("img", attrs{"class", "site-logo", "src", h.Site.Logo, "alt", "", "width", "28", "height", "28"})}, name...)
	}
	dark := h.Words.T("site_dark_theme")
	return el("header", attrs{"class", "site-header"},
		el("a", attrs{"class", "site-name", "href", h.Site.Prefix.URL(IndexPath(1))}, name...),
		el("button", attrs{"type", "button", "class", "theme-toggle needs-wasm", "aria-label", dark, "title", dark, "aria-pressed", pressed},
			el("span", attrs{"class", "theme-icon"}),
		).OnClick(h.toggle),
	)
}

func (h *SiteHeader) toggle(ctx app.Context, e app.Event) {
	h.dark = !h.dark
	theme := "light"
	if h.dark {
		theme = "dark"
	}
	setTheme(theme)
}

// effectiveTheme is "dark" or "light": the reader's choice, or else the
// system's.
func effectiveTheme() string {
	theme := "light"
	safely(func() {
		html := document().Get("documentElement")
		if t := html.Call("getAttribute", "data-theme"); t.Truthy() {
			theme = t.String()
			return
		}
		if app.Window().Call("matchMedia", "(prefers-color-scheme: dark)").Get("matches").Bool() {
			theme = "dark"
		}
	})
	return theme
}

// setTheme applies theme and remembers it where storage allows; in a
// sandboxed frame or a private window storage may throw, and the choice then
// lasts for the page only.
func setTheme(theme string) {
	safely(func() { document().Get("documentElement").Call("setAttribute", "data-theme", theme) })
	safely(func() { app.Window().Get("localStorage").Call("setItem", themeKey, theme) })
}
