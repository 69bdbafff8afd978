package icons

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"
)

// errTooLong is the error of a logo that takes more than TimeLimit to draw.
var errTooLong = errors.New("drawing the logo takes too long: simplify it (fewer shapes and points, no fine dashes)")

// errFar is the error of a logo whose shapes reach far outside its viewBox.
var errFar = errors.New("the logo has shapes far outside its viewBox: remove them, or make the viewBox hold them")

// parse reads the logo with oksvg, without what check said to drop. With
// t, the user-space gradients are rewritten for drawing with t (see
// gradient): grads are their transforms as oksvg first read them.
func (l *logo) parse(t *rasterx.Matrix2D, grads map[string]*rasterx.Gradient) (icon *oksvg.SvgIcon, err error) {
	defer recoverOksvg(&err)
	var edits []edit
	if t != nil {
		for _, g := range l.grads {
			if base, ok := grads[g.id]; ok {
				edits = append(edits, edit{g.tag, g.startTag(l.src, t.Mult(base.Matrix))})
			}
		}
	}
	for _, e := range l.edits {
		// A gradient's own rewrite takes the place of its fixes (the
		// matrix oksvg read was fixed).
		if !slices.ContainsFunc(edits, func(g edit) bool { return g.span == e.span }) {
			edits = append(edits, e)
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	src := l.src
	if len(edits) > 0 {
		var b bytes.Buffer
		at := 0
		for _, e := range edits {
			b.Write(l.src[at:e.start])
			b.Write(e.text)
			at = e.end
		}
		b.Write(l.src[at:])
		src = b.Bytes()
	}
	icon, err = oksvg.ReadIconStream(bytes.NewReader(src), oksvg.StrictErrorMode)
	if err != nil {
		return nil, fmt.Errorf("the icon maker cannot read the logo: %w", err)
	}
	return icon, nil
}

// startTag is the gradient's start tag with gradientTransform m. oksvg
// paints a user-space gradient in the pixels of the image it draws into,
// not in the logo's units: m maps the latter to the former.
func (g gradient) startTag(src []byte, m rasterx.Matrix2D) []byte {
	var v []byte
	for i, x := range []float64{m.A, m.B, m.C, m.D, m.E, m.F} {
		if i > 0 {
			v = append(v, ' ')
		}
		v = strconv.AppendFloat(v, x, 'g', -1, 64)
	}
	el := withAttr(g.el, "gradientTransform", "matrix("+string(v)+")")
	return startTag(el, src[g.tag.start:g.tag.end])
}

// render draws the logo into a size×size image, fitted into the centred
// square of side f×size, on bg if not nil (else transparent).
func (l *logo) render(ctx context.Context, base *oksvg.SvgIcon, size int, f float64, bg color.Color) (_ *image.RGBA, err error) {
	defer recoverOksvg(&err)
	t := fit(base, size, f)
	icon := base
	if len(l.grads) > 0 {
		if icon, err = l.parse(&t, base.Grads); err != nil {
			return nil, err
		}
	}
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	if bg != nil {
		draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	}
	if err := drawPaths(ctx, icon, t, newScanner(img), size); err != nil {
		return nil, err
	}
	return img, nil
}

// fit is the transform that draws the icon's viewBox into the centred
// square of side f×size, keeping its aspect ratio.
func fit(icon *oksvg.SvgIcon, size int, f float64) rasterx.Matrix2D {
	vb := icon.ViewBox
	side := f * float64(size)
	s := min(side/vb.W, side/vb.H)
	ox := (float64(size)-side)/2 + (side-s*vb.W)/2
	oy := (float64(size)-side)/2 + (side-s*vb.H)/2
	return rasterx.Identity.Translate(ox, oy).Scale(s, s).Translate(-vb.X, -vb.Y)
}

// drawPaths draws the icon's paths, transformed by t, with sc into a
// size×size image.
func drawPaths(ctx context.Context, icon *oksvg.SvgIcon, t rasterx.Matrix2D, sc rasterx.Scanner, size int) error {
	d := rasterx.NewDasher(size, size, sc)
	for _, p := range icon.SVGPaths {
		if ctx.Err() != nil {
			return errTooLong
		}
		m := t.Mult(elementMatrix(&p))
		if !near(p.Path, m, size) {
			return errFar
		}
		// oksvg transforms a path's points but not its stroke: scale the
		// stroke's width and dashes as the points are.
		k := scale(m)
		p.LineWidth *= k
		p.DashOffset *= k
		p.Dash = scaleDashes(p.Dash, k)
		p.DrawTransformed(d, 1, t)
	}
	return nil
}

// near says whether the path's points, transformed by m, lie within
// eight times the icon's size of it. rasterx would flatten curves that
// reach far beyond into millions of segments.
func near(p rasterx.Path, m rasterx.Matrix2D, size int) bool {
	lo, hi := -8*float64(size), 9*float64(size)
	for i := 0; i < len(p); {
		n := 0 // points after the command
		switch rasterx.PathCommand(p[i]) {
		case rasterx.PathMoveTo, rasterx.PathLineTo:
			n = 1
		case rasterx.PathQuadTo:
			n = 2
		case rasterx.PathCubicTo:
			n = 3
		}
		for j := range n {
			x, y := m.Transform(float64(p[i+1+2*j])/64, float64(p[i+2+2*j])/64)
			if !(x >= lo && x <= hi && y >= lo && y <= hi) {
				return false
			}
		}
		i += 1 + 2*n
	}
	return true
}

// elementMatrix is the transform oksvg keeps for p's element: its own
// transform attribute and its groups'. oksvg keeps it unexported, so it is
// read by reflection; TestStroke fails if an oksvg upgrade moves it.
func elementMatrix(p *oksvg.SvgPath) rasterx.Matrix2D {
	m := reflect.ValueOf(p).Elem().FieldByName("mAdder").FieldByName("M")
	if !m.IsValid() || m.Type() != reflect.TypeFor[rasterx.Matrix2D]() {
		return rasterx.Identity
	}
	f := func(name string) float64 { return m.FieldByName(name).Float() }
	return rasterx.Matrix2D{A: f("A"), B: f("B"), C: f("C"), D: f("D"), E: f("E"), F: f("F")}
}

// scale is how much m scales lengths: the geometric mean of its scales
// along the axes, exact when it scales both alike.
func scale(m rasterx.Matrix2D) float64 {
	return math.Sqrt(math.Abs(m.A*m.D - m.B*m.C))
}

// scaleDashes is a dash pattern scaled by k. A pattern whose period is
// under a pixel draws as a plain line: it looks the same, and rasterx
// would cut the path into millions of dashes.
func scaleDashes(dash []float64, k float64) []float64 {
	if len(dash) == 0 {
		return nil
	}
	out := make([]float64, len(dash))
	period := 0.0
	for i, v := range dash {
		if v < 0 {
			return nil // SVG draws a plain line then
		}
		out[i] = v * k
		period += out[i]
	}
	if !(period >= 1) {
		return nil
	}
	return out
}

// recoverOksvg turns a panic of oksvg or rasterx into an error: both read
// the logo, untrusted input, and some malformed values make them index out
// of range (oksvg's hsl() parser, for one).
func recoverOksvg(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("the icon maker cannot read the logo: %v", r)
	}
}
