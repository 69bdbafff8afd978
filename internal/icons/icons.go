// Package icons makes an installable site's icons from a publisher's SVG
// logo: the PNGs a web app manifest and Apple's home screen ask for, drawn
// in pure Go with oksvg and rasterx, and the SVG itself as the favicon.
//
// The logo keeps its aspect ratio and is centred. The icons for any
// purpose show it on a transparent square, as large as fits; the
// maskable icon and Apple's fill the square with a background colour and
// keep the logo inside the maskable safe zone, the central circle of 80 %
// of the icon's width. The same logo and background give byte-identical
// PNGs.
//
// oksvg draws a subset of SVG: paths and basic shapes, groups and their
// transforms, fills, strokes and dashes, opacity, linear and radial
// gradients, <use> of what <defs> holds, and CSS classes in <style>. Make
// refuses a logo that uses anything else (text, images, clipping, masks,
// filters, patterns…), naming the element and its line, rather than draw
// it wrong.
package icons

import (
	"fmt"
	"strconv"
)

// The icons' file names, as in web/static/icons (the built-in set).
const (
	SVGName      = "icon.svg"
	Icon192Name  = "icon-192.png"
	Icon512Name  = "icon-512.png"
	MaskableName = "icon-maskable-512.png"
	AppleName    = "apple-touch-icon.png"
)

// Icon is one file of a Set.
type Icon struct {
	// Name is the file's name, one of the *Name constants.
	Name string
	// Type is its media type: "image/png" or "image/svg+xml".
	Type string
	// Size is its width and height in pixels; 0 for the SVG.
	Size int
	// Purpose is the web app manifest's purpose for it, "any" or
	// "maskable"; empty for Apple's icon, which the manifest does not
	// list.
	Purpose string
	// Data is the file's content.
	Data []byte
}

// Sizes is the icon's size as a manifest writes it: "192x192", or "any"
// for the SVG.
func (ic Icon) Sizes() string {
	if ic.Size == 0 {
		return "any"
	}
	s := strconv.Itoa(ic.Size)
	return s + "x" + s
}

// Set is a site's icons, in the order the manifest lists them, Apple's
// last.
type Set []Icon

// Get is the icon of that file name.
func (s Set) Get(name string) (Icon, bool) {
	for _, ic := range s {
		if ic.Name == name {
			return ic, true
		}
	}
	return Icon{}, false
}

// kb writes a byte count for people.
func kb(n int) string {
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}
