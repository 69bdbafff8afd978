package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"backstory/content"

	"github.com/yuin/goldmark/ast"
)

// The messages of a timeline's problems, each saying what to write.
const (
	timelineExample  = `"- 2018-07: The US imposes tariffs"`
	timelineOneList  = "a timeline's body is one list of dated entries, as in " + timelineExample + ": make this an entry of the list, or move it out of the card"
	timelineEmpty    = "the timeline is empty: list its entries between the opening line and \":::\", one a line, as in " + timelineExample
	timelineNoDate   = "start the entry with its date and a colon: YYYY, YYYY-MM or YYYY-MM-DD, as in " + timelineExample
	timelineNotADate = "%q is not a date: write YYYY, YYYY-MM or YYYY-MM-DD before the colon, as in " + timelineExample
)

// eventDate is how a timeline entry starts: a date shaped YYYY, YYYY-MM or
// YYYY-MM-DD (content.ParseEventDate judges its value), then a colon.
var eventDate = regexp.MustCompile(`^([0-9]{4}(?:-[0-9]{2}){0,2})[ \t]*:`)

// eventDateNoColon is a date whose colon was forgotten.
var eventDateNoColon = regexp.MustCompile(`^([0-9]{4}(?:-[0-9]{2}){0,2})(?:\s|$)`)

// timeline builds the entries of a timeline card from its children: one
// list, each item a date, a colon and Markdown. Anything else in the card,
// and any entry without a good date or out of order, is a problem with its
// line.
func (b *builder) timeline(n *Card, depth int) []content.TimelineEvent {
	return b.timelineIn(n, n.Closed, n.Offset, depth)
}

// timelineIn builds a timeline's entries from the children of parent (a
// card, or a shared card's document); closed says its body is whole, and
// offset is where an empty one is reported.
func (b *builder) timelineIn(parent ast.Node, closed bool, offset, depth int) []content.TimelineEvent {
	var events []content.TimelineEvent
	lists, said := 0, false // said: something else in the card was reported
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.LinkReferenceDefinition:
			continue // not shown, as in any card
		case *CardLabel:
			continue // the card's title
		case *ast.List:
			if lists++; lists == 1 {
				events = b.timelineEvents(c, depth)
				continue
			}
		}
		b.problemNode(c, timelineOneList)
		said = true
	}
	if lists == 0 && !said && closed {
		b.problem(offset, timelineEmpty)
	}
	return events
}

// timelineEvents builds the entries of a timeline's list, and reports
// those out of order.
func (b *builder) timelineEvents(list *ast.List, depth int) []content.TimelineEvent {
	var events []content.TimelineEvent
	var at []int
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		if e, pos, ok := b.timelineEvent(item, depth+1); ok {
			events = append(events, e)
			at = append(at, pos)
		}
	}
	b.checkOrder(events, at)
	return events
}

// timelineEvent builds a timeline entry from a list item, and says where
// its date stands; ok is false, and the problem reported, when the item
// does not start with a date and a colon.
func (b *builder) timelineEvent(item ast.Node, depth int) (e content.TimelineEvent, at int, ok bool) {
	at = item.Pos()
	first := item.FirstChild()
	if first == nil || (first.Kind() != ast.KindParagraph && first.Kind() != ast.KindTextBlock) || first.Lines().Len() == 0 {
		b.problem(at, timelineNoDate)
		return e, at, false
	}
	seg := first.Lines().At(0)
	line := seg.Value(b.src)
	at = seg.Start + len(line) - len(bytes.TrimLeft(line, " \t"))
	line = bytes.TrimLeft(line, " \t")
	date, prefix, msg := readEventDate(line)
	if msg != "" {
		b.problem(at, msg)
		return e, at, false
	}
	text, ok := trimTextPrefix(b.inlines(first), string(line[:prefix]))
	if !ok {
		b.problem(at, timelineNoDate)
		return e, at, false
	}
	e.Date = date
	if len(text) > 0 {
		e.Blocks = append(e.Blocks, paragraphBlock(text))
	}
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		if blk, ok := b.block(c, depth); ok {
			e.Blocks = append(e.Blocks, blk)
		}
	}
	if len(e.Blocks) == 0 {
		b.problem(at, fmt.Sprintf("the entry for %s says nothing: write what happened after the colon, as in %s", date, timelineExample))
	}
	return e, at, true
}

// readEventDate reads the date and colon a timeline entry's first line
// starts with, returning the date and the length of what it read, or a
// message for the author.
func readEventDate(line []byte) (date string, n int, msg string) {
	if m := eventDate.FindSubmatchIndex(line); m != nil {
		date := string(line[m[2]:m[3]])
		if _, _, err := content.ParseEventDate(date); err != nil {
			return "", 0, fmt.Sprintf(timelineNotADate, date)
		}
		return date, m[1], ""
	}
	if m := eventDateNoColon.FindSubmatch(line); m != nil {
		if _, _, err := content.ParseEventDate(string(m[1])); err == nil {
			return "", 0, fmt.Sprintf("write a colon after the date, as in \"- %s: …\"", m[1])
		}
	}
	// Something short with a digit before a colon was meant as a date:
	// "July 2018:", "2018/07:".
	if i := bytes.IndexByte(line, ':'); i > 0 && i <= 40 {
		meant := strings.TrimSpace(string(line[:i]))
		if utf8.RuneCountInString(meant) <= 20 && strings.ContainsAny(meant, "0123456789") {
			return "", 0, fmt.Sprintf(timelineNotADate, meant)
		}
	}
	return "", 0, timelineNoDate
}

// trimTextPrefix drops prefix, the date and colon as written, from the
// start of an entry's first paragraph, and the spaces and line breaks after
// it. The prefix holds nothing that Markdown reads, so it starts the first
// text run as written; ok is false if it does not.
func trimTextPrefix(runs []content.Inline, prefix string) ([]content.Inline, bool) {
	if len(runs) == 0 || runs[0].Kind != content.InlineText || !strings.HasPrefix(runs[0].Text, prefix) {
		return runs, false
	}
	runs[0].Text = strings.TrimLeft(runs[0].Text[len(prefix):], " \t")
	for len(runs) > 0 && (runs[0].Kind == content.InlineLineBreak || runs[0].Kind == content.InlineText && runs[0].Text == "") {
		runs = runs[1:]
	}
	return runs, true
}

// checkOrder reports the entries out of order: a timeline runs one way,
// the way most of its steps go (from its first date to its last, if as
// many go each way), forwards if nothing tells. Each entry is compared with
// the furthest date so far at the precision they share: 2018 and 2018-07
// are equal, and equal dates may follow each other.
func (b *builder) checkOrder(events []content.TimelineEvent, at []int) {
	if len(events) < 2 {
		return
	}
	dir := 0
	for i := 1; i < len(events); i++ {
		dir += content.CompareEventDates(events[i].Date, events[i-1].Date)
	}
	dir = cmp.Or(sign(dir), content.CompareEventDates(events[len(events)-1].Date, events[0].Date), 1)
	way, other := "from the earliest date to the latest", "from the latest"
	if dir < 0 {
		way, other = "from the latest date to the earliest", "from the earliest"
	}
	far := events[0].Date // the furthest date so far, the most precise of equals
	for i, e := range events[1:] {
		switch c := content.CompareEventDates(e.Date, far); {
		case c == dir:
			far = e.Date
		case c == 0 && len(e.Date) > len(far):
			far = e.Date
		case c == -dir:
			b.problem(at[i+1], fmt.Sprintf("%s is out of order: the timeline runs %s, and %s stands above it; move this entry to its place, or list every entry %s", e.Date, way, far, other))
		}
	}
}

func sign(n int) int {
	return cmp.Compare(n, 0)
}
