package colour_test

import (
	"math"
	"strings"
	"testing"

	"backstory/internal/colour"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string // want "" for an error
	}{
		{"#0b5cad", "#0b5cad"},
		{"#0B5CAD", "#0b5cad"},
		{"#fff", "#ffffff"},
		{"#a1F", "#aa11ff"},
		{"#000000", "#000000"},
		{"0b5cad", ""},
		{"#0b5ca", ""},
		{"#0b5cad0", ""},
		{"#0b5cadff", ""},
		{"#ggg", ""},
		{"#+fffff", ""},
		{"#", ""},
		{"", ""},
		{"blue", ""},
		{"rgb(0,0,0)", ""},
	}
	for _, tt := range tests {
		c, err := colour.Parse(tt.in)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("Parse(%q) = %v, want an error", tt.in, c)
		case tt.want == "" && !strings.Contains(err.Error(), "#rrggbb"):
			t.Errorf("Parse(%q): the error %q does not say how to write a colour", tt.in, err)
		case tt.want != "" && (err != nil || c.String() != tt.want):
			t.Errorf("Parse(%q) = %v, %v; want %s", tt.in, c, err, tt.want)
		}
	}
}

// TestContrast checks ratios worked out by hand from WCAG 2's formula, and
// the grey known to be the lightest that passes AA on white (#767676).
func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#000000", 21},
		{"#777777", "#777777", 1},
		{"#777777", "#ffffff", 4.48},
		{"#767676", "#ffffff", 4.54},
		{"#0b5cad", "#ffffff", 6.67},
		{"#7cb8ff", "#151515", 8.83},
		{"#ff0000", "#ffffff", 3.998},
	}
	for _, tt := range tests {
		got := colour.Contrast(colour.MustParse(tt.a), colour.MustParse(tt.b))
		if math.Abs(got-tt.want) > 0.005 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestOnAccent(t *testing.T) {
	tests := []struct{ accent, want string }{
		{"#0b5cad", "#ffffff"},
		{"#000000", "#ffffff"},
		{"#7cb8ff", "#000000"},
		{"#ffff00", "#000000"},
		{"#767676", "#ffffff"},
		{"#777777", "#000000"},
	}
	for _, tt := range tests {
		accent := colour.MustParse(tt.accent)
		got := colour.OnAccent(accent)
		if got.String() != tt.want {
			t.Errorf("OnAccent(%s) = %v, want %s", tt.accent, got, tt.want)
		}
		if r := colour.Contrast(got, accent); r < colour.AA {
			t.Errorf("OnAccent(%s) = %v has a contrast of %.2f", tt.accent, got, r)
		}
	}
}

func TestReadable(t *testing.T) {
	tests := []struct {
		fg, bg string
		ratio  float64
		want   string // "" to check only that it passes with the hue kept
	}{
		{"#0b5cad", "#fbfaf7", 4.5, "#0b5cad"}, // passes already
		{"#0b5cad", "#151515", 4.5, ""},
		{"#7cb8ff", "#fbfaf7", 4.5, ""},
		{"#ffcc00", "#ffffff", 4.5, ""},
		{"#ffcc00", "#151515", 7, "#ffcc00"},
		{"#808080", "#808080", 4.5, ""},
		{"#ff0000", "#808080", 21, "#000000"}, // out of reach: the better of black and white
		{"#ff0000", "#ffffff", 4.5, ""},
	}
	for _, tt := range tests {
		fg, bg := colour.MustParse(tt.fg), colour.MustParse(tt.bg)
		got := colour.Readable(fg, bg, tt.ratio)
		if tt.want != "" {
			if got.String() != tt.want {
				t.Errorf("Readable(%s, %s, %v) = %v, want %s", tt.fg, tt.bg, tt.ratio, got, tt.want)
			}
			continue
		}
		if r := colour.Contrast(got, bg); r < tt.ratio {
			t.Errorf("Readable(%s, %s, %v) = %v, whose contrast is only %.2f", tt.fg, tt.bg, tt.ratio, got, r)
		}
		if hueDiff(fg, got) > 12 {
			t.Errorf("Readable(%s, %s, %v) = %v: another hue", tt.fg, tt.bg, tt.ratio, got)
		}
		// Nearest: a colour a little nearer fg fails.
		if nearer := mix(fg, got, 0.9); colour.Contrast(nearer, bg) >= tt.ratio {
			t.Errorf("Readable(%s, %s, %v) = %v, but %v, nearer, passes too", tt.fg, tt.bg, tt.ratio, got, nearer)
		}
	}
}

// hueDiff is the difference of two colours' hues, in degrees; 0 for greys.
func hueDiff(a, b colour.RGB) float64 {
	ha, hb := hue(a), hue(b)
	if ha < 0 || hb < 0 {
		return 0
	}
	d := math.Abs(ha - hb)
	return min(d, 360-d)
}

func hue(c colour.RGB) float64 {
	r, g, b := float64(c.R), float64(c.G), float64(c.B)
	hi, lo := max(r, g, b), min(r, g, b)
	if hi-lo < 8 { // grey, or too dark or light for its hue to survive rounding
		return -1
	}
	return math.Mod(math.Atan2(math.Sqrt(3)*(g-b), 2*r-g-b)*180/math.Pi+360, 360)
}

// mix is the colour a fraction t of the way from a to b.
func mix(a, b colour.RGB, t float64) colour.RGB {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return colour.RGB{R: f(a.R, b.R), G: f(a.G, b.G), B: f(a.B, b.B)}
}
