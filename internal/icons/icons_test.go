package icons

import (
	"bufio"
	"bytes"
	"context"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/internal/colour"
	"github.com/srwiley/rasterx"
)

// accent is backstory's blue, the built-in logo's own.
var accent = colour.RGB{R: 0x0b, G: 0x5c, B: 0xad}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustMake(t testing.TB, svg []byte, bg colour.RGB) Set {
	t.Helper()
	set, err := Make(context.Background(), svg, bg)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// decode is the icon's PNG, as non-premultiplied RGBA.
func decode(t testing.TB, ic Icon) *image.NRGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(ic.Data))
	if err != nil {
		t.Fatalf("%s: %v", ic.Name, err)
	}
	n := image.NewNRGBA(img.Bounds())
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			n.Set(x, y, img.At(x, y))
		}
	}
	return n
}

func TestBuiltin(t *testing.T) {
	svg := readFile(t, "testdata/builtin.svg")
	set := mustMake(t, svg, accent)
	want := []struct {
		name, typ, sizes, purpose string
	}{
		{Icon192Name, "image/png", "192x192", "any"},
		{Icon512Name, "image/png", "512x512", "any"},
		{MaskableName, "image/png", "512x512", "maskable"},
		{SVGName, "image/svg+xml", "any", "any"},
		{AppleName, "image/png", "180x180", ""},
	}
	if len(set) != len(want) {
		t.Fatalf("%d icons, want %d", len(set), len(want))
	}
	for i, w := range want {
		ic := set[i]
		if ic.Name != w.name || ic.Type != w.typ || ic.Sizes() != w.sizes || ic.Purpose != w.purpose {
			t.Errorf("icon %d: %s %s %s %q, want %s %s %s %q", i, ic.Name, ic.Type, ic.Sizes(), ic.Purpose, w.name, w.typ, w.sizes, w.purpose)
		}
		if _, err := os.Stat(filepath.Join("../../web/static/icons", ic.Name)); err != nil {
			t.Errorf("%s is not a name of the built-in set: %v", ic.Name, err)
		}
		if ic.Type != "image/png" {
			continue
		}
		img := decode(t, ic)
		if b := img.Bounds(); b.Dx() != ic.Size || b.Dy() != ic.Size {
			t.Errorf("%s is %v, want %d px square", ic.Name, b.Size(), ic.Size)
		}
		// Any purpose: the logo's own rounded corners, transparent
		// around them; opaque in the middle.
		corner, middle := img.NRGBAAt(0, 0), img.NRGBAAt(ic.Size/2, ic.Size/2)
		if ic.Purpose == "any" && (corner.A != 0 || middle.A != 255) {
			t.Errorf("%s: corner alpha %d, middle %d: want 0 and 255", ic.Name, corner.A, middle.A)
		}
	}
	if ic, _ := set.Get(SVGName); !bytes.Equal(ic.Data, svg) {
		t.Errorf("the favicon is not the logo as given")
	}
	if _, ok := set.Get("icon-1024.png"); ok {
		t.Errorf("Get found an icon not in the set")
	}
}

// TestSafeZone checks the icons on a background: opaque throughout, and
// the logo inside the maskable safe zone, the central circle of 80 %.
func TestSafeZone(t *testing.T) {
	for _, name := range []string{"testdata/builtin.svg", "testdata/good/wide.svg", "testdata/good/circle.svg", "testdata/good/inkscape.svg"} {
		for _, bg := range []colour.RGB{accent, {R: 0xff, G: 0xff, B: 0xff}} {
			set := mustMake(t, readFile(t, name), bg)
			for _, n := range []string{MaskableName, AppleName} {
				ic, _ := set.Get(n)
				img := decode(t, ic)
				size := float64(ic.Size)
				inside := 0
				for y := range ic.Size {
					for x := range ic.Size {
						p := img.NRGBAAt(x, y)
						if p.A != 255 {
							t.Fatalf("%s on %v: %s is not opaque at (%d, %d)", name, bg, n, x, y)
						}
						if !shows([]uint8{p.R, p.G, p.B, p.A}, bg) {
							continue
						}
						// The pixel's far corner from the centre.
						dx := max(math.Abs(float64(x)-size/2), math.Abs(float64(x+1)-size/2))
						dy := max(math.Abs(float64(y)-size/2), math.Abs(float64(y+1)-size/2))
						if math.Hypot(dx, dy) > safeZone*size/2 {
							t.Fatalf("%s on %v: %s shows the logo at (%d, %d), outside the safe zone", name, bg, n, x, y)
						}
						inside++
					}
				}
				if inside < ic.Size*ic.Size/10 {
					t.Errorf("%s on %v: %s shows the logo on %d pixels only", name, bg, n, inside)
				}
			}
		}
	}
}

// TestReach checks the logo is as large as the safe zone allows: a round
// logo fills it.
func TestReach(t *testing.T) {
	set := mustMake(t, readFile(t, "testdata/good/circle.svg"), colour.RGB{R: 0xff, G: 0xff, B: 0xff})
	ic, _ := set.Get(MaskableName)
	img := decode(t, ic)
	// The circle's left edge: 0.4 × 512 from the centre, less the margin.
	for x := 256 - 200; x < 256-190; x++ {
		if p := img.NRGBAAt(x, 256); !shows([]uint8{p.R, p.G, p.B, p.A}, colour.RGB{R: 0xff, G: 0xff, B: 0xff}) {
			t.Errorf("the round logo does not reach x=%d of the maskable icon", x)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, name := range []string{"testdata/builtin.svg", "testdata/good/circle.svg", "testdata/good/gradient.svg"} {
		svg := readFile(t, name)
		a, b := mustMake(t, svg, accent), mustMake(t, svg, accent)
		for i := range a {
			if !bytes.Equal(a[i].Data, b[i].Data) {
				t.Errorf("%s: %s differs between two runs", name, a[i].Name)
			}
		}
	}
}

func TestGood(t *testing.T) {
	files, _ := filepath.Glob("testdata/good/*.svg")
	if len(files) == 0 {
		t.Fatal("no testdata/good")
	}
	for _, f := range files {
		if _, err := Make(context.Background(), readFile(t, f), accent); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestErrors(t *testing.T) {
	f, err := os.Open("testdata/errors.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, want, ok := strings.Cut(sc.Text(), ": ")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		seen[name] = true
		_, err := Make(context.Background(), readFile(t, "testdata/bad/"+name), accent)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to say %q", name, err, want)
		}
	}
	files, _ := filepath.Glob("testdata/bad/*")
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("%s is not in errors.txt", f)
		}
	}
}

func TestLimits(t *testing.T) {
	big := append(readFile(t, "testdata/builtin.svg"), bytes.Repeat([]byte("\n"), MaxBytes)...)
	if _, err := Make(context.Background(), big, accent); err == nil || !strings.Contains(err.Error(), "must be at most 1024 KB") {
		t.Errorf("a logo over MaxBytes: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Make(ctx, readFile(t, "testdata/builtin.svg"), accent); err != errTooLong {
		t.Errorf("with its context done, Make said %v, want %v", err, errTooLong)
	}
	// A logo whose shapes each cover the whole icon: thousands of them
	// take long, and Make stops at its deadline.
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">`)
	for range 15000 {
		b.WriteString(`<rect width="8" height="8" fill="#0b5cad" opacity=".5"/>`)
	}
	b.WriteString(`</svg>`)
	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := Make(ctx, b.Bytes(), accent); err != errTooLong {
		t.Errorf("a slow logo: %v, want %v", err, errTooLong)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Make gave up after %v, its deadline being 200ms", d)
	}
}

func TestInvisible(t *testing.T) {
	white := colour.RGB{R: 0xff, G: 0xff, B: 0xff}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="3" fill="#fff"/></svg>`)
	_, err := Make(context.Background(), svg, white)
	if err == nil || !strings.Contains(err.Error(), "does not show on its background colour #ffffff") {
		t.Errorf("a white logo on white: %v", err)
	}
	if _, err := Make(context.Background(), svg, accent); err != nil {
		t.Errorf("a white logo on blue: %v", err)
	}
}

// TestStroke checks a stroke is as wide as its transforms make it: oksvg
// leaves that to Make.
func TestStroke(t *testing.T) {
	set := mustMake(t, readFile(t, "testdata/good/stroke.svg"), accent)
	ic, _ := set.Get(Icon512Name)
	img := decode(t, ic)
	n := 0
	for y := range 512 {
		if img.NRGBAAt(256, y).A > 127 {
			n++
		}
	}
	if n < 50 || n > 53 {
		t.Errorf("the stroke is %d px wide, want 51.2", n)
	}
}

// TestGradient checks a gradient in user space spans the logo as drawn,
// not its units taken for pixels.
func TestGradient(t *testing.T) {
	set := mustMake(t, readFile(t, "testdata/good/gradient.svg"), accent)
	ic, _ := set.Get(Icon512Name)
	img := decode(t, ic)
	for _, c := range []struct {
		x    int
		r, b uint8 // roughly
	}{{2, 255, 0}, {128, 191, 64}, {256, 128, 128}, {384, 64, 191}, {509, 0, 255}} {
		p := img.NRGBAAt(c.x, 256)
		if d := int(p.R) - int(c.r); d < -8 || d > 8 || int(p.B)-int(c.b) < -8 || int(p.B)-int(c.b) > 8 {
			t.Errorf("at x=%d the gradient is %v, want about red %d, blue %d", c.x, p, c.r, c.b)
		}
	}
}

func TestRoundRect(t *testing.T) {
	// rx or ry alone rounds both ways; radii over half the side are clamped.
	for _, svg := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" rx="2"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" ry="2"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" rx="40" ry="2"/></svg>`,
	} {
		set := mustMake(t, []byte(svg), accent)
		ic, _ := set.Get(Icon192Name)
		img := decode(t, ic)
		if a := img.NRGBAAt(3, 3).A; a != 0 {
			t.Errorf("%s: the corner's alpha is %d, want 0: not rounded", svg, a)
		}
		if a := img.NRGBAAt(96, 1).A; a != 255 {
			t.Errorf("%s: the top edge's alpha is %d, want 255", svg, a)
		}
	}
}

// TestScanner checks the scanner, which fills only a path's extent, draws
// what rasterx's own, which fills the whole image each time, does.
func TestScanner(t *testing.T) {
	files := append([]string{"testdata/builtin.svg"}, must(filepath.Glob("testdata/good/*.svg"))...)
	for _, f := range files {
		l, err := check(readFile(t, f))
		if err != nil {
			t.Fatal(err)
		}
		base, err := l.parse(nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		const size = 192
		tr := fit(base, size, 1)
		icon, err := l.parse(&tr, base.Grads)
		if err != nil {
			t.Fatal(err)
		}
		mine := image.NewRGBA(image.Rect(0, 0, size, size))
		theirs := image.NewRGBA(image.Rect(0, 0, size, size))
		if err := drawPaths(context.Background(), icon, tr, newScanner(mine), size); err != nil {
			t.Fatal(err)
		}
		if err := drawPaths(context.Background(), icon, tr, rasterx.NewScannerGV(size, size, theirs, theirs.Bounds()), size); err != nil {
			t.Fatal(err)
		}
		for i := range mine.Pix {
			if d := int(mine.Pix[i]) - int(theirs.Pix[i]); d < -1 || d > 1 {
				t.Errorf("%s: at (%d, %d) the scanner drew %v, ScannerGV %v", f, i/4%size, i/4/size, mine.Pix[i/4*4:i/4*4+4], theirs.Pix[i/4*4:i/4*4+4])
				break
			}
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestTime measures Make on the built-in logo, as the server runs it at
// start and on each change of the logo.
func TestTime(t *testing.T) {
	svg := readFile(t, "testdata/builtin.svg")
	start := time.Now()
	const n = 5
	for range n {
		mustMake(t, svg, accent)
	}
	t.Logf("Make takes %v for the built-in logo", time.Since(start)/n)
}

func BenchmarkMake(b *testing.B) {
	svg := readFile(b, "testdata/builtin.svg")
	for b.Loop() {
		mustMake(b, svg, accent)
	}
}

func FuzzMake(f *testing.F) {
	for _, g := range []string{"testdata/builtin.svg", "testdata/good/*.svg", "testdata/bad/*"} {
		for _, name := range must(filepath.Glob(g)) {
			f.Add(readFile(f, name))
		}
	}
	f.Fuzz(func(t *testing.T, svg []byte) {
		set, err := Make(context.Background(), svg, accent)
		if err == nil && len(set) != 5 {
			t.Errorf("%d icons and no error", len(set))
		}
	})
}
