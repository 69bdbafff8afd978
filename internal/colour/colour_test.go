package colour

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// lines is the non-blank, non-comment lines of a testdata file, with their
// line numbers. A line starting "#" and a space or "# " is a comment; one
// starting "#" and a hex digit is a colour.
func lines(t *testing.T, name string) map[int]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[int]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.HasPrefix(l, "# ") || strings.TrimSpace(l) == "" {
			continue
		}
		out[n] = l
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestParse(t *testing.T) {
	for n, l := range lines(t, "testdata/parse.txt") {
		in, want, ok := strings.Cut(l, " => ")
		if !ok {
			t.Fatalf("parse.txt:%d: no \" => \"", n)
		}
		got, err := Parse(in)
		if msg, isErr := strings.CutPrefix(want, "error: "); isErr {
			if err == nil {
				t.Errorf("parse.txt:%d: Parse(%q) = %v, want an error", n, in, got)
			} else if !strings.Contains(err.Error(), msg) {
				t.Errorf("parse.txt:%d: Parse(%q) error %q, want it to say %q", n, in, err, msg)
			}
			continue
		}
		if err != nil {
			t.Errorf("parse.txt:%d: Parse(%q): %v", n, in, err)
		} else if got.String() != want {
			t.Errorf("parse.txt:%d: Parse(%q) = %v, want %s", n, in, got, want)
		}
	}
}

func TestContrast(t *testing.T) {
	for n, l := range lines(t, "testdata/contrast.txt") {
		f := strings.Fields(l)
		a, errA := Parse(f[0])
		b, errB := Parse(f[1])
		want, errW := strconv.ParseFloat(f[2], 64)
		if errA != nil || errB != nil || errW != nil {
			t.Fatalf("contrast.txt:%d: %v %v %v", n, errA, errB, errW)
		}
		if got := Contrast(a, b); math.Abs(got-want) > 0.005 {
			t.Errorf("contrast.txt:%d: Contrast(%v, %v) = %.4f, want %.2f", n, a, b, got, want)
		}
		if Contrast(a, b) != Contrast(b, a) {
			t.Errorf("contrast.txt:%d: Contrast depends on the order", n)
		}
	}
}

func TestLuminance(t *testing.T) {
	if got := (Colour{}).Luminance(); got != 0 {
		t.Errorf("black's luminance %v, want 0", got)
	}
	if got := white.Luminance(); math.Abs(got-1) > 1e-12 {
		t.Errorf("white's luminance %v, want 1", got)
	}
	// Green weighs most, blue least.
	r, g, b := Colour{R: 255}.Luminance(), Colour{G: 255}.Luminance(), Colour{B: 255}.Luminance()
	if !(g > r && r > b) || math.Abs(r+g+b-1) > 1e-9 {
		t.Errorf("red %v, green %v, blue %v: want green > red > blue, adding up to 1", r, g, b)
	}
}

func TestOnAccent(t *testing.T) {
	tests := []struct{ accent, want string }{
		{"#0b5cad", "#ffffff"}, // backstory's blue: white text
		{"#7cb8ff", "#0d1b2a"}, // its dark theme's light blue: ink
		{"#ffcc00", "#0d1b2a"}, // yellow
		{"#000000", "#ffffff"},
		{"#ffffff", "#0d1b2a"},
		{"#c41e3a", "#ffffff"}, // cardinal red
	}
	for _, tt := range tests {
		accent, _ := Parse(tt.accent)
		if got := OnAccent(accent); got.String() != tt.want {
			t.Errorf("OnAccent(%s) = %v, want %s", tt.accent, got, tt.want)
		}
	}
}

func TestReadable(t *testing.T) {
	tests := []struct {
		c, bg string
		min   float64
	}{
		{"#0b5cad", "#151515", AA},  // the light accent on the dark theme: lightened
		{"#0b5cad", "#fbfaf7", AA},  // already readable: kept
		{"#7cb8ff", "#fbfaf7", AA},  // the dark accent on paper: darkened
		{"#ffcc00", "#ffffff", AA},  // yellow on white
		{"#808080", "#808080", 7},   // grey on grey: to an extreme
		{"#0b5cad", "#767676", 21},  // impossible: the best there is
		{"#336699", "#000000", 3.0}, // large text
	}
	for _, tt := range tests {
		c, _ := Parse(tt.c)
		bg, _ := Parse(tt.bg)
		got := Readable(c, bg, tt.min)
		best := white
		if Contrast(black, bg) > Contrast(white, bg) {
			best = black
		}
		switch {
		case Contrast(c, bg) >= tt.min && got != c:
			t.Errorf("Readable(%s on %s) = %v, want it kept", tt.c, tt.bg, got)
		case Contrast(best, bg) < tt.min && got != best:
			t.Errorf("Readable(%s on %s, %v) = %v, want %v, the best there is", tt.c, tt.bg, tt.min, got, best)
		case Contrast(best, bg) >= tt.min && Contrast(got, bg) < tt.min:
			t.Errorf("Readable(%s on %s) = %v, contrast %.2f < %v", tt.c, tt.bg, got, Contrast(got, bg), tt.min)
		}
		// The least change that reads: one step less would not.
		if got != c && got != best {
			for i := 1; i < 64; i++ {
				if mix(c, best, float64(i)/64) == got {
					if prev := mix(c, best, float64(i-1)/64); Contrast(prev, bg) >= tt.min {
						t.Errorf("Readable(%s on %s) = %v, but %v already reads", tt.c, tt.bg, got, prev)
					}
					break
				}
			}
		}
	}
}

func TestText(t *testing.T) {
	var v struct{ Accent Colour }
	if err := json.Unmarshal([]byte(`{"Accent": "#0B5CAD"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Accent != (Colour{0x0b, 0x5c, 0xad}) {
		t.Errorf("decoded %v, want #0b5cad", v.Accent)
	}
	out, err := json.Marshal(v)
	if err != nil || string(out) != `{"Accent":"#0b5cad"}` {
		t.Errorf("encoded %s, %v", out, err)
	}
	err = json.Unmarshal([]byte(`{"Accent": "#12345"}`), &v)
	if err == nil || !strings.Contains(err.Error(), `"#12345" is not a colour`) {
		t.Errorf("decoding #12345: %v, want the colour's error", err)
	}
}

func TestRGBA(t *testing.T) {
	r, g, b, a := Colour{0x0b, 0x5c, 0xad}.RGBA()
	if r != 0x0b0b || g != 0x5c5c || b != 0xadad || a != 0xffff {
		t.Errorf("RGBA() = %x %x %x %x", r, g, b, a)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"#0b5cad", "#fff", "rgb(1, 2, 3)", "navy", "rgb(100%,0%,0%)", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			return
		}
		// What parses, written back, parses to itself.
		again, err := Parse(c.String())
		if err != nil || again != c {
			t.Errorf("Parse(%q) = %v, which parses back to %v, %v", s, c, again, err)
		}
	})
}
