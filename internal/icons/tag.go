package icons

import (
	"bytes"
	"encoding/xml"
	"regexp"
)

// fixTag is the start tag t, written as raw, rewritten for oksvg to draw
// it as browsers do, if it must be.
func fixTag(t xml.StartElement, raw []byte) ([]byte, bool) {
	fixed := false
	for _, name := range []string{"transform", "gradientTransform"} {
		if v := attr(t, name); oneScale.MatchString(v) {
			t = withAttr(t, name, oneScale.ReplaceAllString(v, "scale($1 $1)"))
			fixed = true
		}
	}
	if t.Name.Local == "rect" {
		var ok bool
		t, ok = roundRect(t)
		fixed = fixed || ok
	}
	if !fixed {
		return nil, false
	}
	return startTag(t, raw), true
}

// oneScale matches scale(s) in a transform, which SVG reads as scale(s s)
// and oksvg as scale(s 0).
var oneScale = regexp.MustCompile(`scale\(\s*([^\s,()]+)\s*\)`)

// roundRect is a <rect> with both corner radii when it gives only one:
// SVG then uses it for both, oksvg would draw square corners. (rasterx
// clamps radii to half the sides, as SVG does.)
func roundRect(t xml.StartElement) (xml.StartElement, bool) {
	rx, ry := attr(t, "rx"), attr(t, "ry")
	switch {
	case rx != "" && ry == "":
		return withAttr(t, "ry", rx), true
	case ry != "" && rx == "":
		return withAttr(t, "rx", ry), true
	}
	return t, false
}

// withAttr is t with the attribute of that local name set to v.
func withAttr(t xml.StartElement, local, v string) xml.StartElement {
	t = t.Copy()
	for i, a := range t.Attr {
		if a.Name.Local == local {
			t.Attr[i].Value = v
			return t
		}
	}
	t.Attr = append(t.Attr, xml.Attr{Name: xml.Name{Local: local}, Value: v})
	return t
}

// startTag writes t as a start tag, self-closing if raw, the tag as
// written, was. Names lose their namespace prefix, which oksvg ignores,
// and namespace declarations go.
func startTag(t xml.StartElement, raw []byte) []byte {
	var b bytes.Buffer
	b.WriteString("<" + t.Name.Local)
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		b.WriteString(" " + a.Name.Local + `="`)
		xml.EscapeText(&b, []byte(a.Value))
		b.WriteString(`"`)
	}
	if bytes.HasSuffix(raw, []byte("/>")) {
		b.WriteString("/>")
	} else {
		b.WriteString(">")
	}
	return b.Bytes()
}
