package colour

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"
)

// example is the colour the error messages suggest.
const example = "#0b5cad"

// Parse reads a colour as a publisher writes it: #rgb or #rrggbb (in
// either case), rgb(r, g, b) with each channel 0 to 255 or a percentage
// (commas or spaces between them), or one of the colour names of CSS and
// SVG 1.1 ("navy", "darkslateblue"). Spaces around the whole are ignored.
// Its errors say what to write instead.
func Parse(s string) (Colour, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	switch {
	case v == "":
		return Colour{}, fmt.Errorf("no colour given: write #rrggbb, such as %s", example)
	case strings.HasPrefix(v, "#"):
		return parseHex(s, v[1:])
	case strings.HasPrefix(v, "rgba(") || strings.HasPrefix(v, "hsl") || strings.HasPrefix(v, "hwb") ||
		strings.HasPrefix(v, "lab(") || strings.HasPrefix(v, "lch(") || strings.HasPrefix(v, "oklab(") ||
		strings.HasPrefix(v, "oklch(") || strings.HasPrefix(v, "color("):
		return Colour{}, fmt.Errorf("%q is not a colour this site reads: write #rrggbb or rgb(r, g, b), opaque, such as %s", s, example)
	case strings.HasPrefix(v, "rgb("):
		return parseRGB(s, v)
	}
	if c, ok := colornames.Map[v]; ok {
		return Colour{c.R, c.G, c.B}, nil
	}
	return Colour{}, fmt.Errorf("%q is not a colour: write #rrggbb, such as %s, or a CSS colour name", s, example)
}

// parseHex reads the digits after '#': three or six of them.
func parseHex(s, digits string) (Colour, error) {
	if len(digits) == 3 {
		digits = string([]byte{digits[0], digits[0], digits[1], digits[1], digits[2], digits[2]})
	}
	n, err := strconv.ParseUint(digits, 16, 32)
	if len(digits) != 6 || err != nil {
		return Colour{}, fmt.Errorf("%q is not a colour: write #rrggbb, such as %s", s, example)
	}
	return Colour{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// parseRGB reads rgb(r, g, b); v is s in lower case without spaces around.
func parseRGB(s, v string) (Colour, error) {
	bad := fmt.Errorf("%q is not a colour: write rgb(r, g, b) with each of red, green and blue from 0 to 255, such as rgb(11, 92, 173)", s)
	inner, ok := strings.CutSuffix(strings.TrimPrefix(v, "rgb("), ")")
	if !ok {
		return Colour{}, bad
	}
	fields := strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	commas := strings.Count(inner, ",")
	if len(fields) != 3 || (commas != 0 && commas != 2) {
		return Colour{}, bad
	}
	var ch [3]uint8
	for i, f := range fields {
		n, ok := channel(f)
		if !ok {
			return Colour{}, bad
		}
		ch[i] = n
	}
	return Colour{ch[0], ch[1], ch[2]}, nil
}

// channel reads one channel of rgb(): an integer 0–255 or a percentage.
func channel(f string) (uint8, bool) {
	if p, ok := strings.CutSuffix(f, "%"); ok {
		x, err := strconv.ParseFloat(p, 64)
		if err != nil || !(x >= 0 && x <= 100) {
			return 0, false
		}
		return uint8(x*255/100 + 0.5), true
	}
	n, err := strconv.ParseUint(f, 10, 8)
	return uint8(n), err == nil
}
