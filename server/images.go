package server

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif"  // sizes of GIFs
	_ "image/jpeg" // sizes of JPEGs
	_ "image/png"  // sizes of PNGs
	"math"
	"path"
	"strconv"
	"strings"

	ui "backstory/app"
	"backstory/content"
)

// imageSizes returns the intrinsic sizes of an article's images that are
// the site's own assets (/web/…), by URL.
func (a *assets) imageSizes(art *content.Article) map[string]ui.Size {
	sizes := map[string]ui.Size{}
	add := func(url string) {
		name, ok := strings.CutPrefix(url, "/web/")
		if !ok {
			return
		}
		x, ok := a.byName[name]
		if !ok {
			x, ok = a.byPath[name]
		}
		if !ok {
			return
		}
		if w, h, ok := intrinsicSize(x.name, x.body.Identity); ok {
			sizes[url] = ui.Size{Width: w, Height: h}
		}
	}
	for b := range art.AllBlocks() {
		if b.Image != nil {
			add(b.Image.URL)
		}
		for r := range b.Runs() {
			if r.Kind == content.InlineImage {
				add(r.URL)
			}
		}
	}
	if len(sizes) == 0 {
		return nil
	}
	return sizes
}

// intrinsicSize reads an image's width and height: from the header of a
// PNG, JPEG or GIF, or from an SVG's width and height (or viewBox).
func intrinsicSize(name string, data []byte) (int, int, bool) {
	if path.Ext(name) == ".svg" {
		return svgSize(data)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, false
	}
	return cfg.Width, cfg.Height, true
}

func svgSize(data []byte) (int, int, bool) {
	var svg struct {
		Width   string `xml:"width,attr"`
		Height  string `xml:"height,attr"`
		ViewBox string `xml:"viewBox,attr"`
	}
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&svg); err != nil {
		return 0, 0, false
	}
	w, werr := strconv.ParseFloat(strings.TrimSuffix(svg.Width, "px"), 64)
	h, herr := strconv.ParseFloat(strings.TrimSuffix(svg.Height, "px"), 64)
	if werr != nil || herr != nil {
		f := strings.Fields(strings.ReplaceAll(svg.ViewBox, ",", " "))
		if len(f) != 4 {
			return 0, 0, false
		}
		var err1, err2 error
		w, err1 = strconv.ParseFloat(f[2], 64)
		h, err2 = strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			return 0, 0, false
		}
	}
	if w <= 0 || h <= 0 {
		return 0, 0, false
	}
	return int(math.Round(w)), int(math.Round(h)), true
}
