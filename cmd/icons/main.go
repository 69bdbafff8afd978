// Command icons draws backstory's app icons, in code, into web/static/icons:
// 192 and 512 px for any purpose, 512 px maskable (the drawing inside the
// central safe zone, the background to the edges), 180 px for Apple's home
// screen, and the SVG they are drawn after. Run it when the drawing changes:
//
//	go run ./cmd/icons -out web/static/icons
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// The drawing, in a 512×512 design space: the site's blue, a headline and
// two lines of text, and a card below them with its open-arrow.
var (
	blue  = color.NRGBA{0x0b, 0x5c, 0xad, 0xff}
	paper = color.NRGBA{0xfb, 0xfa, 0xf7, 0xff}
	card  = color.NRGBA{0xf2, 0xef, 0xe8, 0xff}
	faint = color.NRGBA{0x0b, 0x5c, 0xad, 0x8c}
)

type rect struct {
	x, y, w, h, r float64
	c             color.NRGBA
}

var shapes = []rect{
	{112, 120, 288, 48, 12, paper},
	{112, 200, 288, 32, 10, color.NRGBA{0xfb, 0xfa, 0xf7, 0xd9}},
	{112, 256, 224, 32, 10, color.NRGBA{0xfb, 0xfa, 0xf7, 0xd9}},
	{96, 320, 320, 96, 20, card},
	{120, 352, 160, 28, 8, faint},
}

// icons are the files this command writes.
var icons = []struct {
	name     string
	size     int
	maskable bool
}{
	{"icon-192.png", 192, false},
	{"icon-512.png", 512, false},
	{"icon-maskable-512.png", 512, true},
	{"apple-touch-icon.png", 180, true},
}

func main() {
	out := flag.String("out", "web/static/icons", "directory to write the icons to")
	flag.Parse()
	for _, ic := range icons {
		data, err := encode(draw(ic.size, ic.maskable))
		if err == nil {
			err = os.WriteFile(filepath.Join(*out, ic.name), data, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "icons:", err)
			os.Exit(1)
		}
	}
}

// draw renders the icon at size px. A maskable icon fills the square with
// blue and shrinks the drawing into the safe zone (the central 80% circle);
// the others have rounded corners.
func draw(size int, maskable bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := float64(size) / 512
	offset := 0.0
	if maskable {
		// The drawing's corners reach 0.62 of the half-diagonal; scale it
		// to sit within the 80% safe circle.
		scale *= 0.78
		offset = float64(size) * 0.11
		fill(img, rect{0, 0, float64(size), float64(size), 0, blue}, 1, 0)
	} else {
		fill(img, rect{0, 0, 512, 512, 96, blue}, scale, 0)
	}
	for _, s := range shapes {
		fill(img, s, scale, offset)
	}
	arrow(img, scale, offset)
	return img
}

// fill paints a rounded rectangle (design coordinates).
func fill(img *image.NRGBA, r rect, scale, offset float64) {
	paint(img, r.c, scale, offset, func(x, y float64) bool { return inRounded(x-r.x, y-r.y, r.w, r.h, r.r) })
}

// paint paints c where covered (a test in design coordinates) holds,
// anti-aliased by 4×4 supersampling.
func paint(img *image.NRGBA, c color.NRGBA, scale, offset float64, covered func(x, y float64) bool) {
	const ss = 4
	b := img.Bounds()
	for py := b.Min.Y; py < b.Max.Y; py++ {
		for px := b.Min.X; px < b.Max.X; px++ {
			hits := 0
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss - offset) / scale
					y := (float64(py) + (float64(sy)+0.5)/ss - offset) / scale
					if covered(x, y) {
						hits++
					}
				}
			}
			if hits > 0 {
				blend(img, px, py, c, float64(hits)/ss/ss)
			}
		}
	}
}

func inRounded(x, y, w, h, r float64) bool {
	if x < 0 || y < 0 || x > w || y > h {
		return false
	}
	cx, cy := clamp(x, r, w-r), clamp(y, r, h-r)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

func clamp(v, lo, hi float64) float64 {
	return max(lo, min(v, hi))
}

// arrow paints the card's chevron as a thick polyline.
func arrow(img *image.NRGBA, scale, offset float64) {
	pts := [][2]float64{{360, 352}, {376, 368}, {392, 352}}
	paint(img, blue, scale, offset, func(x, y float64) bool {
		return nearSegment(x, y, pts[0], pts[1], 5) || nearSegment(x, y, pts[1], pts[2], 5)
	})
}

func nearSegment(x, y float64, a, b [2]float64, width float64) bool {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := clamp(((x-a[0])*dx+(y-a[1])*dy)/(dx*dx+dy*dy), 0, 1)
	ex, ey := a[0]+t*dx-x, a[1]+t*dy-y
	return ex*ex+ey*ey <= width*width
}

// blend paints c over the pixel with coverage a.
func blend(img *image.NRGBA, x, y int, c color.NRGBA, a float64) {
	dst := img.NRGBAAt(x, y)
	sa := a * float64(c.A) / 255
	da := float64(dst.A) / 255
	oa := sa + da*(1-sa)
	if oa == 0 {
		return
	}
	mix := func(s, d uint8) uint8 {
		return uint8((float64(s)*sa + float64(d)*da*(1-sa)) / oa)
	}
	img.SetNRGBA(x, y, color.NRGBA{mix(c.R, dst.R), mix(c.G, dst.G), mix(c.B, dst.B), uint8(oa * 255)})
}

// encode encodes img as a PNG.
func encode(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encoding an icon: %w", err)
	}
	return buf.Bytes(), nil
}
