package app

import (
	"backstory/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// timeline renders a timeline's entries as an ordered list, each a <time>
// with the entry's date as written (machine-readable) and as people say
// it, then what happened. Markup contract (docs/MARKUP.md):
// ol.timeline > li.timeline-event > time.timeline-date + div.timeline-text.
func (r *renderer) timeline(events []content.TimelineEvent) app.UI {
	items := make([]app.UI, len(events))
	for i, e := range events {
		items[i] = el("li", attrs{"class", "timeline-event"},
			el("time", attrs{"class", "timeline-date", "datetime", e.Date}, text(formatEventDate(r.words, e.Date))),
			el("div", attrs{"class", "timeline-text"}, r.blocks(e.Blocks, false)...),
		)
	}
	// role="list": Safari drops the list semantics of a list styled with
	// list-style: none, and with them the count of entries a screen reader
	// announces.
	return el("ol", attrs{"class", "timeline", "role", "list"}, items...)
}
