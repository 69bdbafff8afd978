package icons

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"
	"time"

	"backstory/internal/colour"
)

// Limits on a logo: its size, and the time Make takes to draw it.
const (
	MaxBytes  = 1 << 20
	TimeLimit = 10 * time.Second
)

// safeZone is the diameter of a maskable icon's safe zone, the circle a
// launcher never crops, as a fraction of the icon's width.
const safeZone = 0.8

// same is how far, per channel out of 255, a pixel may differ from the
// background and still count as background (rounding where a shape of the
// background's own colour is anti-aliased onto it).
const same = 3

// Make draws a site's icons from its SVG logo: 192 and 512 px for any
// purpose, on a transparent square; 512 px maskable and Apple's 180 px on
// background, the logo within the maskable safe zone; and the logo itself
// as the favicon. It fails, in words for the publisher, on what is not an
// SVG of at most MaxBytes with a viewBox or a width and height, on
// elements the icon maker cannot draw, on a logo that draws nothing or
// nothing visible on background, and when ctx ends or TimeLimit passes
// first.
func Make(ctx context.Context, svg []byte, background colour.RGB) (Set, error) {
	if len(svg) > MaxBytes {
		return nil, fmt.Errorf("the logo is %s: a logo must be at most %s", kb(len(svg)), kb(MaxBytes))
	}
	ctx, cancel := context.WithTimeout(ctx, TimeLimit)
	defer cancel()
	l, err := check(svg)
	if err != nil {
		return nil, err
	}
	base, err := l.parse(nil, nil)
	if err != nil {
		return nil, err
	}
	if vb := base.ViewBox; !(vb.W > 0 && vb.H > 0) || math.IsInf(vb.W+vb.H+vb.X+vb.Y, 0) || math.IsNaN(vb.X+vb.Y) {
		return nil, fmt.Errorf(`the logo has no size: give its <svg> a viewBox, such as viewBox="0 0 512 512", or a width and height in pixels`)
	}
	any512, err := l.render(ctx, base, 512, 1, nil)
	if err != nil {
		return nil, err
	}
	if blank(any512) {
		return nil, fmt.Errorf("the logo draws nothing: its shapes have no fill or stroke, or lie outside its viewBox")
	}
	reach := extent(any512, background)
	if reach == 0 {
		return nil, fmt.Errorf("the logo does not show on its background colour %v: choose another", background)
	}
	any192, err := l.render(ctx, base, 192, 1, nil)
	if err != nil {
		return nil, err
	}
	maskable, err := l.render(ctx, base, 512, padded(reach, 512), background)
	if err != nil {
		return nil, err
	}
	apple, err := l.render(ctx, base, 180, padded(reach, 180), background)
	if err != nil {
		return nil, err
	}
	set := Set{
		{Name: Icon192Name, Type: "image/png", Size: 192, Purpose: "any", Data: encode(any192)},
		{Name: Icon512Name, Type: "image/png", Size: 512, Purpose: "any", Data: encode(any512)},
		{Name: MaskableName, Type: "image/png", Size: 512, Purpose: "maskable", Data: encode(maskable)},
		{Name: SVGName, Type: "image/svg+xml", Purpose: "any", Data: svg},
		{Name: AppleName, Type: "image/png", Size: 180, Data: encode(apple)},
	}
	return set, nil
}

// blank says whether img is transparent throughout.
func blank(img *image.RGBA) bool {
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0 {
			return false
		}
	}
	return true
}

// extent is how far from img's centre the logo shows on bg: the largest
// distance of a pixel's far corner, of the pixels that bg shows through
// changed, as a fraction of half img's width (√2 at most). 0 means the
// logo does not show on bg.
func extent(img *image.RGBA, bg colour.RGB) float64 {
	b := img.Bounds()
	half := float64(b.Dx()) / 2
	far := 0.0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := img.PixOffset(x, y)
			if !shows(img.Pix[i:i+4], bg) {
				continue
			}
			dx := max(math.Abs(float64(x)-half), math.Abs(float64(x+1)-half))
			dy := max(math.Abs(float64(y)-half), math.Abs(float64(y+1)-half))
			far = max(far, math.Hypot(dx, dy))
		}
	}
	return far / half
}

// shows says whether the premultiplied pixel p, painted on bg, differs
// from bg by more than same.
func shows(p []uint8, bg colour.RGB) bool {
	a := int(p[3])
	for c, v := range []uint8{bg.R, bg.G, bg.B} {
		over := int(p[c]) + (int(v)*(255-a)+127)/255
		if d := over - int(v); d > same || d < -same {
			return true
		}
	}
	return false
}

// padded is the fraction of a size-px icon that the logo's square takes
// for what it shows to stay within the safe zone, a pixel and a half
// inside for anti-aliasing; reach is extent's measure.
func padded(reach float64, size int) float64 {
	half := float64(size) / 2
	return min(1, (safeZone*half-1.5)/(reach*half))
}

// encode is img as a PNG, at a fixed compression level: the same image
// gives the same bytes. The default level, not the best: the best makes
// the built-in set 11 % smaller (2 KB) for three times the time.
func encode(img image.Image) []byte {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, img); err != nil {
		// Encoding an in-memory RGBA image into a buffer does not fail.
		panic(err)
	}
	return b.Bytes()
}
