// Package colour reads CSS hex colours and measures their contrast as
// WCAG 2 defines it, for checking a publisher's colours and for choosing
// colours that stay readable.
package colour

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is an opaque sRGB colour, 8 bits a channel.
type RGB struct{ R, G, B uint8 }

// The colours text is never less readable on than one of.
var (
	Black = RGB{0, 0, 0}
	White = RGB{255, 255, 255}
)

// AA is the contrast WCAG 2's level AA asks of body text (1.4.3).
const AA = 4.5

// Parse reads a colour written as CSS hex: #rrggbb or #rgb, in either case.
func Parse(s string) (RGB, error) {
	hex, ok := strings.CutPrefix(s, "#")
	if ok && len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if !ok || len(hex) != 6 || err != nil {
		return RGB{}, fmt.Errorf("%q is not a colour: write it as #rrggbb or #rgb, as in #0b5cad", s)
	}
	return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// MustParse is Parse for colours written in the program: it panics on an
// error.
func MustParse(s string) RGB {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// String writes the colour as CSS hex, #rrggbb in lower case.
// RGBA makes the colour an image/color.Color, opaque.
func (c RGB) RGBA() (r, g, b, a uint32) {
	return uint32(c.R) * 0x101, uint32(c.G) * 0x101, uint32(c.B) * 0x101, 0xffff
}

func (c RGB) String() string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// Luminance is the colour's relative luminance, from 0 for black to 1 for
// white, as WCAG 2 defines it.
func (c RGB) Luminance() float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// linear is an sRGB channel's linear light, from 0 to 1.
func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// Contrast is the contrast ratio of two colours, from 1 (the same
// luminance) to 21 (black and white), whichever is the text.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// OnAccent is the colour of text on a background of the accent colour, as
// on a button: white where white text is readable (AA), black otherwise.
// One of the two always reaches AA.
func OnAccent(accent RGB) RGB {
	if Contrast(White, accent) >= AA {
		return White
	}
	return Black
}

// Readable is fg if its contrast with bg reaches ratio, or else the colour
// of fg's hue and saturation nearest to it in lightness that reaches ratio.
// When no lightness does, it is black or white, whichever contrasts more
// with bg.
func Readable(fg, bg RGB, ratio float64) RGB {
	if Contrast(fg, bg) >= ratio {
		return fg
	}
	h, s, l := fg.hsl()
	best, bestStep := RGB{}, math.Inf(1)
	for _, end := range []float64{0, 1} {
		c, step, ok := nearest(h, s, l, end, bg, ratio)
		if ok && step < bestStep {
			best, bestStep = c, step
		}
	}
	if math.IsInf(bestStep, 1) {
		if Contrast(Black, bg) >= Contrast(White, bg) {
			return Black
		}
		return White
	}
	return best
}

// steps is how finely nearest divides the way to black or white.
const steps = 1024

// nearest looks for the colour of hue h and saturation s whose lightness,
// between l and end, is nearest l while its contrast with bg reaches
// ratio. It returns the colour, how far from l its lightness is, and
// whether there is one. Along the way the colour's channels only grow (or
// only shrink), so its contrast with bg, once it reaches ratio, stays
// there: a binary search finds the first step that does.
func nearest(h, s, l, end float64, bg RGB, ratio float64) (RGB, float64, bool) {
	at := func(k int) RGB { return fromHSL(h, s, l+(end-l)*float64(k)/steps) }
	if Contrast(at(steps), bg) < ratio {
		return RGB{}, 0, false
	}
	lo, hi := 0, steps // at(lo) fails, at(hi) passes
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if Contrast(at(mid), bg) >= ratio {
			hi = mid
		} else {
			lo = mid
		}
	}
	return at(hi), math.Abs(end-l) * float64(hi) / steps, true
}

// hsl is the colour's hue (0 to 6, in sixths of a turn), saturation and
// lightness (0 to 1).
func (c RGB) hsl() (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	hi, lo := max(r, g, b), min(r, g, b)
	l = (hi + lo) / 2
	d := hi - lo
	if d == 0 {
		return 0, 0, l
	}
	s = d / (1 - math.Abs(2*l-1))
	switch hi {
	case r:
		h = math.Mod((g-b)/d+6, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h, s, l
}

// fromHSL is the colour of hue h (0 to 6), saturation s and lightness l.
func fromHSL(h, s, l float64) RGB {
	chroma := (1 - math.Abs(2*l-1)) * s
	x := chroma * (1 - math.Abs(math.Mod(h, 2)-1))
	var r, g, b float64
	switch int(h) % 6 {
	case 0:
		r, g = chroma, x
	case 1:
		r, g = x, chroma
	case 2:
		g, b = chroma, x
	case 3:
		g, b = x, chroma
	case 4:
		r, b = x, chroma
	default:
		r, b = chroma, x
	}
	m := l - chroma/2
	return RGB{channel(r + m), channel(g + m), channel(b + m)}
}

func channel(v float64) uint8 {
	return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255))
}
