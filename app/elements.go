package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The UI builds elements with go-app's generic Elem and a few helpers, never
// with its typed constructors and chained setters (app.P().Class(…)…). In
// the wasm, each typed element drags its whole method set in through its
// interface (about 2.5 kB of brotli a tag, for some forty tags), and each
// chained setter is an interface call that costs hundreds of bytes of code
// at every call site. One generic type and one call per element keep the
// UI's share of the wasm small.

// attrs are an element's attributes as name, value pairs. A pair with an
// empty value is left out.
type attrs []string

// el builds an element from its tag, attributes and children.
func el(tag string, a attrs, children ...app.UI) app.HTMLElem {
	e := app.Elem(tag)
	for i := 0; i+1 < len(a); i += 2 {
		if a[i+1] != "" {
			e = e.Attr(a[i], a[i+1])
		}
	}
	if len(children) > 0 {
		e = e.Body(children...)
	}
	return e
}

// textEl builds an element with a class (if not empty) that holds only text.
func textEl(tag, class, text string) app.HTMLElem {
	e := app.Elem(tag)
	if class != "" {
		e = e.Attr("class", class)
	}
	return e.Text(text)
}

// void builds an element without content or closing tag: img, br, hr.
func void(tag string, a attrs) app.UI {
	e := app.ElemSelfClosing(tag)
	for i := 0; i+1 < len(a); i += 2 {
		if a[i+1] != "" {
			e = e.Attr(a[i], a[i+1])
		}
	}
	return e
}

// text is a text node.
func text(s string) app.UI {
	return app.Text(s)
}

// ifTrue is "true" when b is, else "": an attribute that is there or not.
func ifTrue(b bool) string {
	if b {
		return "true"
	}
	return ""
}
