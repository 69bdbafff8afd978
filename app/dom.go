package app

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file is the UI's window on the browser's DOM, for what go-app does
// not cover. Every function does nothing on the server, and none lets a
// JavaScript exception (syscall/js turns them into panics) stop the app.

// safely runs f, swallowing a JavaScript exception.
func safely(f func()) {
	if !app.IsClient {
		return
	}
	defer func() { _ = recover() }()
	f()
}

func document() app.Value {
	return app.Window().Get("document")
}

// openCardsInDOM lists the ids of the cards open in the current DOM, and
// says whether it has cards at all: before the wasm's first render swaps
// it, the prerendered page as the reader left it.
func openCardsInDOM() (open []string, cards bool) {
	safely(func() {
		nodes := document().Call("querySelectorAll", "details[data-card]")
		cards = nodes.Length() > 0
		for i := 0; i < nodes.Length(); i++ {
			if n := nodes.Index(i); n.Get("open").Bool() {
				open = append(open, n.Get("id").String())
			}
		}
	})
	return open, cards
}

// domFocus says which element had focus, in terms that survive go-app
// swapping the DOM for a new one: an id, or the nth reference to a card.
type domFocus struct {
	id      string
	summary string // the card whose summary had focus
	ref     string // the card whose reference had focus…
	refN    int    // …and which of its references it was
}

func focusInDOM() domFocus {
	var f domFocus
	safely(func() {
		el := document().Get("activeElement")
		if !el.Truthy() || el.Get("tagName").String() == "BODY" {
			return
		}
		if card := el.Call("closest", "details[data-card]"); el.Get("tagName").String() == "SUMMARY" && card.Truthy() {
			f.summary = card.Get("id").String()
			return
		}
		if ref := el.Get("dataset").Get("cardRef"); ref.Truthy() {
			f.ref = ref.String()
			refs := document().Call("querySelectorAll", "[data-card-ref]")
			for i := 0; i < refs.Length(); i++ {
				if refs.Index(i).Equal(el) {
					f.refN = i
				}
			}
			return
		}
		f.id = el.Get("id").String()
	})
	return f
}

// restore focuses the element again, without scrolling.
func (f domFocus) restore() {
	safely(func() {
		var el app.Value
		switch {
		case f.summary != "":
			el = document().Call("querySelector", "#"+cssEscape(f.summary)+" > summary")
		case f.ref != "":
			el = document().Call("querySelectorAll", "[data-card-ref]").Index(f.refN)
		case f.id != "":
			el = document().Call("getElementById", f.id)
		default:
			return
		}
		if el.Truthy() {
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

// cssEscape escapes an id for a CSS selector.
func cssEscape(id string) string {
	var out string
	safely(func() { out = app.Window().Get("CSS").Call("escape", id).String() })
	return out
}

// locationHash is the fragment of the page's URL, decoded.
func locationHash() string {
	var hash string
	safely(func() {
		h := app.Window().Get("location").Get("hash").String()
		if len(h) > 1 {
			hash = app.Window().Call("decodeURIComponent", h[1:]).String()
		}
	})
	return hash
}

// replaceHash sets the URL's fragment to id (none if id is empty) without a
// history entry.
func replaceHash(id string) {
	safely(func() {
		loc := app.Window().Get("location")
		url := loc.Get("pathname").String() + loc.Get("search").String()
		if id != "" {
			url += "#" + id
		}
		app.Window().Get("history").Call("replaceState", app.Window().Get("history").Get("state"), "", url)
	})
}

// revealCard scrolls the card into view if it is not, as little as needed.
func revealCard(id string) {
	safely(func() {
		el := document().Call("getElementById", id)
		if !el.Truthy() {
			return
		}
		behavior := "smooth"
		if app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool() {
			behavior = "auto"
		}
		el.Call("scrollIntoView", map[string]any{"block": "nearest", "behavior": behavior})
	})
}

// dataAttr reads data-<name> of the closest element matching selector from
// the event's target; ok is false when there is none.
func closestData(e app.Event, selector, key string) (el app.Value, value string, ok bool) {
	safely(func() {
		el = e.Get("target").Call("closest", selector)
		if el.Truthy() {
			value, ok = el.Get("dataset").Get(key).String(), true
		}
	})
	return el, value, ok
}

func dataInt(el app.Value, key string) int {
	var n int
	safely(func() { n, _ = strconv.Atoi(el.Get("dataset").Get(key).String()) })
	return n
}

func dataString(el app.Value, key string) string {
	var s string
	safely(func() {
		if v := el.Get("dataset").Get(key); v.Truthy() {
			s = v.String()
		}
	})
	return s
}

// markWasmReady sets <html data-wasm="ready">: the wasm owns the page.
func markWasmReady() {
	safely(func() {
		document().Get("documentElement").Call("setAttribute", "data-wasm", "ready")
		app.Window().Get("performance").Call("mark", "backstory:wasm-ready")
	})
}

// setDocumentLanguage sets <html lang dir>.
func setDocumentLanguage(lang, dir string) {
	safely(func() {
		html := document().Get("documentElement")
		html.Call("setAttribute", "lang", lang)
		html.Call("setAttribute", "dir", dir)
	})
}

// shareLink shares url with the platform's share sheet, or copies it; it
// calls done with what happened: "shared", "copied" or "failed". The work
// is boot.js's backstoryShare, which owns the promises.
func shareLink(url, title, text string, done func(string)) {
	safely(func() {
		share := app.Window().Get("backstoryShare")
		if !share.Truthy() {
			done("failed")
			return
		}
		share.Invoke(url, title, text).Then(func(v app.Value) { done(v.String()) })
	})
}

// copyText puts text on the clipboard, and says "copied" or "failed".
func copyText(text string, done func(string)) {
	safely(func() {
		copyFn := app.Window().Get("backstoryCopy")
		if !copyFn.Truthy() {
			done("failed")
			return
		}
		copyFn.Invoke(text).Then(func(v app.Value) { done(v.String()) })
	})
}

// hostCardLink is the link to card id on the page that embeds this one,
// when that page asked for such links (embed.js's data-link-cards); "" if
// not.
func hostCardLink(id string) string {
	var link string
	safely(func() {
		if v := document().Get("documentElement").Get("dataset").Get("hostLink"); v.Truthy() {
			link = strings.ReplaceAll(v.String(), "{id}", id) // ids are [a-z0-9-]
		}
	})
	return link
}

// siteURL is the absolute URL of a URL path on this page's origin: the
// canonical form of a page's address, whatever form the reader arrived at
// (a host may have added a trailing slash). It is made from the page's URL,
// not its origin, which a sandboxed frame (WordPress's) has as "null".
func siteURL(path string) string {
	var u string
	safely(func() {
		loc := app.Window().Get("location")
		u = app.Window().Get("URL").New(path, loc.Get("href")).Get("href").String()
	})
	return u
}

// leaveTo loads url in the window: a real navigation, for the host to
// answer. It replaces the history entry go-app has just pushed for url,
// so that Back returns to the page the reader left.
func leaveTo(url string) {
	safely(func() { app.Window().Get("location").Call("replace", url) })
}

// fetchText GETs url with the browser's fetch and calls done with the status
// (0 when the network failed) and the body. It does not use net/http: its
// client would add a megabyte of TLS and HTTP/2 to the wasm, for a fetch
// the browser does anyway. The work is boot.js's backstoryFetch, which
// owns the promises and always resolves.
func fetchText(url string, done func(status int, body string)) {
	called := false
	safely(func() {
		app.Window().Call("backstoryFetch", url).Then(func(v app.Value) {
			called = true
			done(v.Get("status").Int(), v.Get("body").String())
		})
	})
	if !called && !app.Window().Get("backstoryFetch").Truthy() {
		done(0, "")
	}
}

// online reports whether the browser thinks it has a connection.
func online() bool {
	on := true
	safely(func() { on = app.Window().Get("navigator").Get("onLine").Bool() })
	return on
}

// onWindowEvents calls f with the event's name for each of the window's
// events named, until release is called.
func onWindowEvents(events []string, f func(event string)) (release func()) {
	if !app.IsClient {
		return func() {}
	}
	var fn app.Func
	safely(func() {
		fn = app.FuncOf(func(this app.Value, args []app.Value) any {
			if len(args) > 0 {
				f(args[0].Get("type").String())
			}
			return nil
		})
		for _, e := range events {
			eventTarget(e).Call("addEventListener", e, fn)
		}
	})
	return func() {
		safely(func() {
			for _, e := range events {
				eventTarget(e).Call("removeEventListener", e, fn)
			}
			fn.Release()
		})
	}
}

// eventTarget is where an event fires: the document for visibilitychange,
// else the window.
func eventTarget(event string) app.Value {
	if event == "visibilitychange" {
		return document()
	}
	return app.Window()
}

// savedOffline tells which of paths the service worker saved, through
// boot.js's backstoryCached, and calls done with the answer.
func savedOffline(paths []string, done func(map[string]bool)) {
	safely(func() {
		cached := app.Window().Get("backstoryCached")
		if !cached.Truthy() {
			return
		}
		list := make([]any, len(paths))
		for i, p := range paths {
			list[i] = p
		}
		cached.Invoke(list).Then(func(v app.Value) {
			var flags []bool
			if json.Unmarshal([]byte(v.String()), &flags) != nil {
				return
			}
			saved := map[string]bool{}
			for i, p := range paths {
				saved[p] = i < len(flags) && flags[i]
			}
			done(saved)
		})
	})
}

// setRootFlag sets or removes an attribute of <html>, for CSS.
func setRootFlag(name string, on bool) {
	safely(func() {
		root := document().Get("documentElement")
		if on {
			root.Call("setAttribute", name, "")
		} else {
			root.Call("removeAttribute", name)
		}
	})
}
