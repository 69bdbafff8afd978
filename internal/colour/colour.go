// Package colour reads the colours a publisher writes in site.yaml and
// checks them for legibility: WCAG 2.x relative luminance and contrast
// ratio, the text colour for a button of the accent colour, and a variant
// of a colour that reads on a given background (a dark theme's accent
// derived from the light one).
package colour

import (
	"fmt"
	"image/color"
)

// Colour is an opaque sRGB colour, 8 bits a channel. The zero value is
// black.
type Colour struct {
	R, G, B uint8
}

var _ color.Color = Colour{}

// String is the colour as CSS writes it, lower-case #rrggbb.
func (c Colour) String() string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// RGBA makes a Colour an image/color.Color, always opaque.
func (c Colour) RGBA() (r, g, b, a uint32) {
	return color.RGBA{c.R, c.G, c.B, 0xff}.RGBA()
}

// MarshalText writes the colour as String does.
func (c Colour) MarshalText() ([]byte, error) {
	return []byte(c.String()), nil
}

// UnmarshalText reads a colour as Parse does, so that a YAML or JSON
// decoder can fill a Colour field.
func (c *Colour) UnmarshalText(text []byte) error {
	p, err := Parse(string(text))
	if err != nil {
		return err
	}
	*c = p
	return nil
}
