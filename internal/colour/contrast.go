package colour

import "math"

// AA is WCAG 2.x's minimum contrast ratio for body text (level AA);
// AALarge the one for large text and for controls' outlines.
const (
	AA      = 4.5
	AALarge = 3.0
)

var (
	white = Colour{0xff, 0xff, 0xff}
	black = Colour{}
	// ink is the near-black that text on a light accent is written in.
	ink = Colour{0x0d, 0x1b, 0x2a}
)

// Luminance is the colour's relative luminance as WCAG 2.x defines it:
// 0 for black, 1 for white.
func (c Colour) Luminance() float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// linear is an sRGB channel's value as linear light, 0 to 1. (WCAG 2.x
// writes the threshold as 0.03928, an old draft's figure; no 8-bit value
// lies between that and sRGB's 0.04045.)
func linear(v uint8) float64 {
	x := float64(v) / 255
	if x <= 0.04045 {
		return x / 12.92
	}
	return math.Pow((x+0.055)/1.055, 2.4)
}

// Contrast is the WCAG 2.x contrast ratio of two colours, from 1 (the
// same) to 21 (black and white), whichever is the lighter.
func Contrast(a, b Colour) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// OnAccent is the colour of text on a button or badge whose background is
// accent: white or a near-black ink (#0d1b2a), whichever contrasts more.
func OnAccent(accent Colour) Colour {
	if Contrast(white, accent) >= Contrast(ink, accent) {
		return white
	}
	return ink
}

// Readable is c if its contrast on bg is at least min; otherwise c mixed,
// in steps of 1/64, towards white on a dark bg or black on a light one
// (whichever contrasts more with bg), until it is. When not even white or
// black reach min, Readable is that extreme, the best there is. It derives
// a dark theme's accent from the light theme's.
func Readable(c, bg Colour, min float64) Colour {
	if Contrast(c, bg) >= min {
		return c
	}
	target := black
	if Contrast(white, bg) > Contrast(black, bg) {
		target = white
	}
	const steps = 64
	for i := 1; i < steps; i++ {
		m := mix(c, target, float64(i)/steps)
		if Contrast(m, bg) >= min {
			return m
		}
	}
	return target
}

// mix is c moved the fraction t of the way to d, channel by channel.
func mix(c, d Colour, t float64) Colour {
	ch := func(a, b uint8) uint8 {
		return uint8(math.Round(float64(a) + t*(float64(b)-float64(a))))
	}
	return Colour{ch(c.R, d.R), ch(c.G, d.G), ch(c.B, d.B)}
}
