package app

import (
	"strconv"

	"backstory/content"
	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderer renders an article's blocks. It carries where it is (the body
// block, the card) so that card references know where they stand.
type renderer struct {
	words        i18n.Words // the page's
	article      *content.Article
	plan         cardPlan
	state        *cardState
	interactive  bool
	headingShift int
	block        int               // index of the body block being rendered
	inCard       string            // id of the card being rendered, if any
	notes        map[string]string // share feedback, by card
	imageSizes   map[string]Size
	embedded     bool   // links open in a new tab
	bare         bool   // a card on its own page: no card buttons, no link to its page
	prefix       Prefix // the site's, for links and images within it
	refsTo       string // the article's URL, where card references lead when its cards are not all here
	onToggle     app.EventHandler
}

func (r *renderer) blocks(blocks []content.Block, tight bool) []app.UI {
	out := make([]app.UI, 0, len(blocks))
	for _, b := range blocks {
		if tight && b.Kind == content.BlockParagraph {
			out = append(out, r.inlines(b.Text)...)
			continue
		}
		out = append(out, r.blockUI(b))
	}
	return out
}

func (r *renderer) blockUI(b content.Block) app.UI {
	switch b.Kind {
	case content.BlockHeading:
		level := min(max(b.Level+r.headingShift, 2), 6)
		return el("h"+strconv.Itoa(level), attrs{"id", b.ID}, r.inlines(b.Text)...)
	case content.BlockParagraph:
		return el("p", nil, r.inlines(b.Text)...)
	case content.BlockList:
		return r.list(b)
	case content.BlockQuote:
		return el("blockquote", nil, r.blocks(b.Blocks, false)...)
	case content.BlockCode:
		class := ""
		if b.Lang != "" {
			class = "language-" + b.Lang
		}
		// Focusable, so that a reader can scroll a wide block by keyboard.
		return el("pre", attrs{"tabindex", "0"}, textEl("code", class, b.Code))
	case content.BlockImage:
		return r.figure(b.Image)
	case content.BlockRule:
		return void("hr", nil)
	case content.BlockTable:
		return r.table(b.Table)
	case content.BlockCard:
		if c, ok := r.article.Card(b.ID); ok {
			return r.card(c)
		}
	}
	return textEl("p", "", string(b.Kind))
}

// headingShift moves an article's headings down so that its body starts at
// <h2>: the page's only <h1> is the headline.
func headingShift(blocks []content.Block) int {
	top := 6
	for _, b := range blocks {
		if b.Kind == content.BlockHeading {
			top = min(top, b.Level)
		}
	}
	return max(0, 2-top)
}

func (r *renderer) list(b content.Block) app.UI {
	items := make([]app.UI, len(b.Items))
	for i, item := range b.Items {
		items[i] = el("li", nil, r.blocks(item, b.Tight)...)
	}
	if !b.Ordered {
		return el("ul", nil, items...)
	}
	start := ""
	if b.Start != 1 {
		start = strconv.Itoa(b.Start)
	}
	return el("ol", attrs{"start", start}, items...)
}

func (r *renderer) figure(img *content.Image) app.UI {
	pic := void("img", r.imageAttrs(img.URL, img.Alt, ""))
	if img.Title == "" {
		return el("figure", nil, pic)
	}
	return el("figure", nil, pic, textEl("figcaption", "", img.Title))
}

func (r *renderer) table(t *content.Table) app.UI {
	align := func(col int) string {
		if col < len(t.Align) && t.Align[col] != content.AlignNone {
			return "align-" + string(t.Align[col])
		}
		return ""
	}
	head := make([]app.UI, len(t.Header))
	for i, cell := range t.Header {
		head[i] = el("th", attrs{"scope", "col", "class", align(i)}, r.inlines(cell)...)
	}
	rows := make([]app.UI, len(t.Rows))
	for i, row := range t.Rows {
		cells := make([]app.UI, len(row))
		for j, cell := range row {
			cells[j] = el("td", attrs{"class", align(j)}, r.inlines(cell)...)
		}
		rows[i] = el("tr", nil, cells...)
	}
	return el("div", attrs{"class", "table-wrap", "tabindex", "0"},
		el("table", nil,
			el("thead", nil, el("tr", nil, head...)),
			el("tbody", nil, rows...),
		),
	)
}

// imageAttrs are an <img>'s attributes, with its size when known.
func (r *renderer) imageAttrs(url, alt, title string) attrs {
	a := attrs{"src", r.prefix.URL(url), "alt", alt, "title", title, "loading", "lazy"}
	if size, ok := r.imageSizes[url]; ok {
		a = append(a, "width", strconv.Itoa(size.Width), "height", strconv.Itoa(size.Height))
	}
	return a
}
