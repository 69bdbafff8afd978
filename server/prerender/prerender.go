// Package prerender turns go-app components into HTML for the server, so
// that the page a reader gets first is the one the wasm will render.
//
// go-app's own encoder (app.HTMLString) has three faults for that job: it
// quotes attribute values with strconv.Quote, which is not HTML (a " in a
// title ends the attribute); it indents children, which adds spaces between
// inline elements that the wasm's DOM does not have; and it writes
// attributes in map order, so the same page is never the same bytes twice.
// Render decodes go-app's output exactly (it knows the encoder's grammar)
// and writes it again as compact, properly escaped HTML with sorted
// attributes: the DOM a browser builds from it equals the DOM the wasm
// builds from the same component.
package prerender

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// node is an element (tag set) or a text (tag empty).
type node struct {
	tag      string
	text     string
	attrs    []attr
	children []*node
}

type attr struct {
	name, value string
	bare        bool // written without a value: value was "" or "true"
}

// Render renders ui to canonical HTML.
func Render(ui app.UI) ([]byte, error) {
	src := app.HTMLString(ui)
	d := decoder{src: src}
	n, err := d.element(0)
	if err != nil {
		return nil, err
	}
	if d.i != len(src) {
		return nil, d.errorf("unexpected %q after the root element", d.rest(20))
	}
	var buf bytes.Buffer
	if err := write(&buf, n); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decoder reads go-app's encoding (see nodeManager.encode in go-app
// v10.1.11 pkg/app/node.go):
//
//	element:  indent(depth) "<" tag (" " name ("=" strconv.Quote(value))?)* ">"
//	          then, unless the tag is void:
//	          - nothing, for no children;
//	          - html.EscapeString(text), for one text child;
//	          - "\n" (child(depth+1) "\n")* indent(depth), otherwise;
//	          then "</" tag ">".
//	text:     indent(depth) html.EscapeString(value), or nothing when empty.
//
// where indent(d) is 2*d spaces. Components are encoded as their root, at
// their own depth, so they never show.
type decoder struct {
	src string
	i   int
}

func (d *decoder) errorf(format string, args ...any) error {
	return fmt.Errorf("decoding go-app HTML at byte %d: %s", d.i, fmt.Sprintf(format, args...))
}

func (d *decoder) rest(n int) string {
	return d.src[d.i:min(len(d.src), d.i+n)]
}

func (d *decoder) consume(s string) bool {
	if strings.HasPrefix(d.src[d.i:], s) {
		d.i += len(s)
		return true
	}
	return false
}

// element reads an element whose indentation has been read.
func (d *decoder) element(depth int) (*node, error) {
	if !d.consume("<") {
		return nil, d.errorf("want an element, got %q", d.rest(20))
	}
	end := strings.IndexAny(d.src[d.i:], " >")
	if end <= 0 {
		return nil, d.errorf("bad start tag %q", d.rest(20))
	}
	n := &node{tag: d.src[d.i : d.i+end]}
	d.i += end
	for d.consume(" ") {
		a, err := d.attribute()
		if err != nil {
			return nil, err
		}
		n.attrs = append(n.attrs, a)
	}
	if !d.consume(">") {
		return nil, d.errorf("start tag <%s> does not end with >", n.tag)
	}
	if isVoid(n.tag) {
		return n, nil
	}
	closing := "</" + n.tag + ">"
	switch {
	case d.consume(closing):
		return n, nil
	case strings.HasPrefix(d.src[d.i:], "\n"+indent(depth+1)) || strings.HasPrefix(d.src[d.i:], "\n\n"):
		if err := d.children(n, depth, closing); err != nil {
			return nil, err
		}
		return n, nil
	}
	// One text child, up to the closing tag (text never holds "<").
	end = strings.IndexByte(d.src[d.i:], '<')
	if end < 0 || !strings.HasPrefix(d.src[d.i+end:], closing) {
		return nil, d.errorf("the text in <%s> does not end with %s", n.tag, closing)
	}
	n.children = []*node{{text: html.UnescapeString(d.src[d.i : d.i+end])}}
	d.i += end + len(closing)
	return n, nil
}

// children reads the indented children of n, one a line.
func (d *decoder) children(n *node, depth int, closing string) error {
	d.consume("\n")
	for {
		if d.consume(indent(depth) + closing) {
			return nil
		}
		if d.consume("\n") {
			continue // an empty text child
		}
		if !d.consume(indent(depth + 1)) {
			return d.errorf("want a child of <%s> indented %d, got %q", n.tag, depth+1, d.rest(20))
		}
		if strings.HasPrefix(d.src[d.i:], "<") {
			child, err := d.element(depth + 1)
			if err != nil {
				return err
			}
			n.children = append(n.children, child)
		} else {
			end := strings.IndexByte(d.src[d.i:], '\n')
			if end < 0 {
				return d.errorf("text in <%s> runs to the end", n.tag)
			}
			text := html.UnescapeString(d.src[d.i : d.i+end])
			d.i += end
			if last := len(n.children) - 1; last >= 0 && n.children[last].tag == "" {
				n.children[last].text += text
			} else {
				n.children = append(n.children, &node{text: text})
			}
		}
		if !d.consume("\n") {
			return d.errorf("want a line end after a child of <%s>, got %q", n.tag, d.rest(20))
		}
	}
}

func (d *decoder) attribute() (attr, error) {
	end := strings.IndexAny(d.src[d.i:], "= >")
	if end <= 0 {
		return attr{}, d.errorf("bad attribute %q", d.rest(20))
	}
	a := attr{name: d.src[d.i : d.i+end]}
	d.i += end
	if !d.consume("=") {
		a.bare = true
		return a, nil
	}
	quoted, err := strconv.QuotedPrefix(d.src[d.i:])
	if err != nil {
		return attr{}, d.errorf("attribute %s: %v", a.name, err)
	}
	a.value, err = strconv.Unquote(quoted)
	if err != nil {
		return attr{}, d.errorf("attribute %s: %v", a.name, err)
	}
	d.i += len(quoted)
	return a, nil
}

func indent(depth int) string {
	return strings.Repeat("  ", depth)
}

// isVoid reports whether go-app writes tag without a closing tag.
func isVoid(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// write writes n as compact HTML with sorted, escaped attributes.
func write(buf *bytes.Buffer, n *node) error {
	if n.tag == "" {
		buf.WriteString(html.EscapeString(n.text))
		return nil
	}
	buf.WriteByte('<')
	buf.WriteString(n.tag)
	attrs := slices.Clone(n.attrs)
	slices.SortFunc(attrs, func(a, b attr) int { return strings.Compare(a.name, b.name) })
	for _, a := range attrs {
		buf.WriteByte(' ')
		buf.WriteString(a.name)
		if a.bare {
			if strings.HasPrefix(a.name, "aria-") {
				return fmt.Errorf("attribute %s of <%s> has the value \"\" or \"true\", which go-app's encoder cannot tell apart: render it only in the browser, or give it another value", a.name, n.tag)
			}
			continue
		}
		buf.WriteString(`="`)
		buf.WriteString(html.EscapeString(a.value))
		buf.WriteByte('"')
	}
	buf.WriteByte('>')
	if isVoid(n.tag) {
		return nil
	}
	for _, c := range n.children {
		if err := write(buf, c); err != nil {
			return err
		}
	}
	buf.WriteString("</")
	buf.WriteString(n.tag)
	buf.WriteByte('>')
	return nil
}
