package embedcode

import (
	"fmt"
	"html"
	"strings"
)

// Widths are the iframe widths, in CSS pixels, that a snippet gives the
// embed's height at.
var Widths = []int{320, 375, 414, 600, 768}

// PhoneWidth is the width whose height a placeholder reserves before
// embed.js reads data-heights.
const PhoneWidth = 375

// Embed is one embed a publisher can paste: its page and how tall it is.
type Embed struct {
	URL    string              // the embed page's absolute URL
	Title  string              // the iframe's title
	Script string              // embed.js's absolute URL
	Height func(width int) int // the embed's estimated height at a width
}

// Snippet is the markup publishers paste to embed with /embed.js: the
// placeholder reserves the estimated height until the embed tells its own.
func Snippet(e Embed) string {
	var heights []string
	for _, w := range Widths {
		heights = append(heights, fmt.Sprintf("%d:%d", w, e.Height(w)))
	}
	return fmt.Sprintf(`<div data-backstory="%s" data-title="%s" data-heights="%s" style="min-height:%dpx"></div><script async src="%s"></script>`,
		html.EscapeString(e.URL), html.EscapeString(e.Title), strings.Join(heights, " "),
		e.Height(PhoneWidth), html.EscapeString(e.Script))
}
