package icons

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// svgNS is SVG's XML namespace: a standalone SVG file without it is not
// shown by browsers.
const svgNS = "http://www.w3.org/2000/svg"

// drawn are the SVG elements oksvg draws or reads (its drawFuncs, and
// <use>). Any other element in SVG's namespace is refused.
var drawn = map[string]bool{
	"g": true, "path": true, "rect": true, "circle": true, "ellipse": true,
	"line": true, "polyline": true, "polygon": true, "use": true,
	"defs": true, "style": true, "title": true, "desc": true,
	"linearGradient": true, "radialGradient": true, "stop": true,
}

// hints tell what to do about an element oksvg cannot draw.
var hints = map[string]string{
	"text":          "convert the text to paths (Inkscape: Path › Object to Path; Illustrator: Type › Create Outlines)",
	"tspan":         "convert the text to paths (Inkscape: Path › Object to Path; Illustrator: Type › Create Outlines)",
	"textPath":      "convert the text to paths (Inkscape: Path › Object to Path; Illustrator: Type › Create Outlines)",
	"image":         "the logo must be drawn in vector shapes, not hold a bitmap",
	"clipPath":      "apply the clipping to the shapes (Inkscape: Path › Intersection; Figma: turn off the frame's Clip content)",
	"mask":          "apply the mask to the shapes, or remove it",
	"filter":        "remove the filter (shadows, blurs) from the logo",
	"pattern":       "fill with a plain colour or a gradient instead of a pattern",
	"svg":           "put the inner <svg>'s shapes in a <g> instead",
	"symbol":        "put the symbol's shapes in <defs> instead",
	"foreignObject": "the logo must be drawn in SVG shapes only",
}

// ignored are SVG elements that draw nothing and that Make leaves out
// before oksvg (which refuses them) reads the logo.
var ignored = map[string]bool{"metadata": true}

// span is a range of bytes of the logo's source.
type span struct{ start, end int }

// edit replaces a span of the logo's source with text.
type edit struct {
	span
	text []byte
}

// gradient is a gradient whose coordinates are in the user space of the
// shape it paints (gradientUnits="userSpaceOnUse"). oksvg paints it in the
// icon's pixels, so Make rewrites its start tag for each size.
type gradient struct {
	id  string
	tag span
	el  xml.StartElement
}

// logo is an SVG logo that passed check: its source, the edits that make
// oksvg draw it as a browser does, and its user-space gradients.
type logo struct {
	src   []byte
	edits []edit
	grads []gradient
}

// check reads the SVG's elements: it must be SVG, and use only what
// oksvg draws.
func check(src []byte) (*logo, error) {
	l := &logo{src: src}
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.CharsetReader = charset.NewReaderLabel
	var (
		root     bool
		depth    int // of elements open, the root being 1
		inDefs   int // depth of the <defs> open, or 0
		defIDs   = map[string]bool{}
		uses     []string
		useLines []int
	)
	for {
		start := int(dec.InputOffset())
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !root {
				return nil, fmt.Errorf("not an SVG: %w", err)
			}
			return nil, fmt.Errorf("the SVG is not well-formed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if depth == inDefs {
				inDefs = 0
			}
			depth--
		case xml.StartElement:
			depth++
			line, _ := dec.InputPos()
			if depth == 1 {
				if err := checkRoot(t); err != nil {
					return nil, err
				}
				root = true
				continue
			}
			name := t.Name.Local
			if t.Name.Space != svgNS || ignored[name] {
				// An editor's own data (Inkscape's, Illustrator's) or
				// metadata: browsers draw none of it.
				if err := dec.Skip(); err != nil {
					return nil, fmt.Errorf("the SVG is not well-formed XML: %w", err)
				}
				l.edits = append(l.edits, edit{span{start, int(dec.InputOffset())}, nil})
				depth--
				continue
			}
			if !drawn[name] {
				msg := fmt.Sprintf("line %d: the logo uses <%s>, which the icon maker cannot draw", line, name)
				if h := hints[name]; h != "" {
					msg += ": " + h
				}
				return nil, errors.New(msg)
			}
			id := attr(t, "id")
			if inDefs > 0 && id != "" {
				defIDs[id] = true
			}
			tag := span{start, int(dec.InputOffset())}
			if fixed, ok := fixTag(t, src[tag.start:tag.end]); ok {
				l.edits = append(l.edits, edit{tag, fixed})
			}
			switch name {
			case "defs":
				if inDefs == 0 {
					inDefs = depth
				}
			case "use":
				uses = append(uses, attr(t, "href"))
				useLines = append(useLines, line)
			case "linearGradient", "radialGradient":
				if href := attr(t, "href"); href != "" {
					return nil, fmt.Errorf("line %d: the gradient %q takes its colours from %q, which the icon maker cannot follow: give it its own <stop>s", line, id, href)
				}
				if strings.TrimSpace(attr(t, "gradientUnits")) == "userSpaceOnUse" && id != "" {
					l.grads = append(l.grads, gradient{id, tag, t.Copy()})
				}
			}
		}
	}
	if !root {
		return nil, errors.New("not an SVG: no <svg> element")
	}
	for i, u := range uses {
		if !strings.HasPrefix(u, "#") || !defIDs[u[1:]] {
			return nil, fmt.Errorf("line %d: <use> refers to %q, which is not in <defs>: the icon maker draws <use> only of shapes defined in <defs>", useLines[i], u)
		}
	}
	return l, nil
}

// checkRoot checks the first element is SVG's <svg>.
func checkRoot(t xml.StartElement) error {
	if t.Name.Local != "svg" {
		return fmt.Errorf("not an SVG: its first element is <%s>, not <svg>", t.Name.Local)
	}
	if t.Name.Space != svgNS {
		return fmt.Errorf("the <svg> element lacks xmlns=%q, without which browsers do not show it", svgNS)
	}
	return nil
}

// attr is the value of t's attribute of that local name, in any namespace
// ("href" and "xlink:href" alike).
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
