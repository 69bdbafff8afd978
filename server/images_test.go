package server

import (
	"fmt"
	"testing"

	"backstory/content"
	"backstory/content/markdown"
)

// TestLocalImagesHaveTheirSize: an image of the site's own has its width
// and height wherever it stands, so that the page does not shift as it
// loads: in the guide, and in every place an article can hold one. Sizes
// go by URL, so each place has an image of its own.
func TestLocalImagesHaveTheirSize(t *testing.T) {
	a, err := markdown.Parse("images.md", []byte(`---
title: Images everywhere
---

![A figure](/web/images/card-anatomy.svg)

| a table |
| --- |
| ![In a cell](/web/icons/icon-192.png) |

- a list with ![an inline image](/web/icons/apple-touch-icon.png)

:::background[A card]{#card}
![In a card](/web/icons/icon-512.png)
:::

:::timeline[A timeline]{#timeline}
- 2018: ![In an entry](/web/icons/icon-maskable-512.png) and text.
- 2019: ![In an entry's icon](/web/icons/icon.svg)
:::
`))
	if err != nil {
		t.Fatal(err)
	}
	guide, _ := embeddedStore(t).Article("how-to-write")
	store, err := content.NewStore([]content.Article{a, *guide})
	if err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, store)
	for _, tt := range []struct {
		path, alt, size string
	}{
		{"/articles/how-to-write", "A background card, closed and open", "640×360"},
		{"/articles/images", "A figure", "640×360"},
		{"/articles/images", "In a cell", "192×192"},
		{"/articles/images", "an inline image", "180×180"},
		{"/articles/images", "In a card", "512×512"},
		{"/articles/images", "In an entry", "512×512"},
		{"/articles/images", "In an entry’s icon", "512×512"},
	} {
		_, body := get(t, ts, tt.path)
		img := one(t, parseHTML(t, body), "image "+tt.alt, tag("img", "alt", tt.alt))
		w, _ := attr(img, "width")
		h, _ := attr(img, "height")
		if got := fmt.Sprintf("%s×%s", w, h); got != tt.size {
			t.Errorf("%s: the image %q is %s, want %s", tt.path, tt.alt, got, tt.size)
		}
	}
}
