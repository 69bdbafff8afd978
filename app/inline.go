package app

import (
	"strconv"
	"strings"

	"backstory/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// inlines renders inline runs. No text it renders holds a line end: the
// model has none outside code blocks.
func (r *renderer) inlines(runs []content.Inline) []app.UI {
	out := make([]app.UI, len(runs))
	for i, run := range runs {
		out[i] = r.inline(run)
	}
	return out
}

// inlineTags are the elements of inline runs that only wrap others.
var inlineTags = map[content.InlineKind]string{
	content.InlineEmphasis: "em",
	content.InlineStrong:   "strong",
	content.InlineStrike:   "del",
}

func (r *renderer) inline(run content.Inline) app.UI {
	switch run.Kind {
	case content.InlineText:
		return text(run.Text)
	case content.InlineEmphasis, content.InlineStrong, content.InlineStrike:
		return el(inlineTags[run.Kind], nil, r.inlines(run.Children)...)
	case content.InlineCode:
		return textEl("code", "", run.Text)
	case content.InlineLink:
		return el("a", r.linkAttrs(run.URL, run.Title), r.inlines(run.Children)...)
	case content.InlineCardRef:
		return r.cardRef(run)
	case content.InlineImage:
		return void("img", r.imageAttrs(run.URL, run.Text, run.Title))
	case content.InlineLineBreak:
		return void("br", nil)
	}
	return text(content.PlainText([]content.Inline{run}))
}

// cardRef renders a card reference: a link to the card, which the wasm turns
// into a disclosure button for it. Without the wasm it is a plain in-page
// link. aria-expanded is set only once the wasm runs: before, nothing would
// keep it true.
func (r *renderer) cardRef(run content.Inline) app.UI {
	if r.refsTo != "" {
		return el("a", attrs{"href", r.refsTo + "#" + run.Card, "class", "card-ref", "target", "_blank", "rel", "noopener"}, r.inlines(run.Children)...)
	}
	expanded := ""
	if r.interactive {
		expanded = strconv.FormatBool(r.state.open[run.Card])
	}
	return el("a", attrs{
		"href", "#" + run.Card,
		"class", "card-ref",
		"data-card-ref", run.Card,
		"data-from", strconv.Itoa(r.block),
		"data-in-card", r.inCard,
		"aria-controls", run.Card,
		"aria-expanded", expanded,
	}, r.inlines(run.Children)...)
}

// linkAttrs are a link's attributes. In an embed, a link that leaves the
// article opens in a new tab: the article sits in another site's page.
func (r *renderer) linkAttrs(url, title string) attrs {
	a := attrs{"href", r.prefix.URL(url), "title", title}
	if r.embedded && !strings.HasPrefix(url, "#") {
		a = append(a, "target", "_blank", "rel", "noopener")
	}
	return a
}
