package icons

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/srwiley/rasterx"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// scanner is a rasterx.Scanner that fills a path only over the pixels it
// covers. rasterx's ScannerGV clears and composites the whole image for
// every path, so a logo of a thousand small shapes took seconds; this one
// costs each path its own area.
//
// Like ScannerGV it fills by the non-zero rule (x/image/vector has no
// other): a shape drawn with fill-rule="evenodd" whose holes turn the same
// way as its outline loses its holes.
type scanner struct {
	dst      *image.RGBA
	r        vector.Rasterizer
	src      image.Image
	points   []scanPoint
	min, max fixed.Point26_6
}

// scanPoint is a point of the path being scanned, and whether it starts a
// new subpath.
type scanPoint struct {
	p     fixed.Point26_6
	start bool
}

var _ rasterx.Scanner = (*scanner)(nil)

func newScanner(dst *image.RGBA) *scanner {
	s := &scanner{dst: dst, src: image.Transparent}
	s.Clear()
	return s
}

// Start starts a subpath at a.
func (s *scanner) Start(a fixed.Point26_6) { s.add(a, true) }

// Line adds a segment to b.
func (s *scanner) Line(b fixed.Point26_6) { s.add(b, false) }

func (s *scanner) add(p fixed.Point26_6, start bool) {
	s.points = append(s.points, scanPoint{p, start})
	s.min.X, s.min.Y = min(s.min.X, p.X), min(s.min.Y, p.Y)
	s.max.X, s.max.Y = max(s.max.X, p.X), max(s.max.Y, p.Y)
}

// Draw fills the path with the colour over the pixels its extent covers.
func (s *scanner) Draw() {
	box := image.Rect(s.min.X.Floor(), s.min.Y.Floor(), s.max.X.Ceil()+1, s.max.Y.Ceil()+1).Intersect(s.dst.Bounds())
	if box.Empty() {
		return
	}
	s.r.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, q := range s.points {
		x, y := float32(q.p.X)/64-ox, float32(q.p.Y)/64-oy
		// As ScannerGV, no closing: rasterx closes what must be.
		if q.start {
			s.r.MoveTo(x, y)
		} else {
			s.r.LineTo(x, y)
		}
	}
	s.r.DrawOp = draw.Over
	s.r.Draw(s.dst, box, s.src, box.Min)
}

// GetPathExtent is the extent of the path's points.
func (s *scanner) GetPathExtent() fixed.Rectangle26_6 {
	return fixed.Rectangle26_6{Min: s.min, Max: s.max}
}

// SetBounds does nothing: the bounds are the image's.
func (s *scanner) SetBounds(w, h int) {}

// SetColor sets the paint: a color.Color or a rasterx.ColorFunc (a
// gradient), which it is called with image coordinates.
func (s *scanner) SetColor(c interface{}) {
	switch c := c.(type) {
	case color.Color:
		s.src = image.NewUniform(c)
	case rasterx.ColorFunc:
		s.src = funcImage(c)
	}
}

// SetWinding does nothing: see scanner.
func (s *scanner) SetWinding(useNonZeroWinding bool) {}

// SetClip does nothing: oksvg does not clip.
func (s *scanner) SetClip(rect image.Rectangle) {}

// Clear forgets the path.
func (s *scanner) Clear() {
	s.points = s.points[:0]
	const far = fixed.Int26_6(1<<31 - 1)
	s.min, s.max = fixed.Point26_6{X: far, Y: far}, fixed.Point26_6{X: -far, Y: -far}
}

// funcImage is a gradient as an image, unbounded.
type funcImage rasterx.ColorFunc

func (f funcImage) ColorModel() color.Model { return color.RGBAModel }
func (f funcImage) Bounds() image.Rectangle {
	return image.Rect(-1<<30, -1<<30, 1<<30, 1<<30)
}
func (f funcImage) At(x, y int) color.Color { return f(x, y) }
