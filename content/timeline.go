package content

import (
	"fmt"
	"time"
)

// TimelineEvent is one entry of a timeline card: a date, and what happened
// then.
type TimelineEvent struct {
	// Date is the entry's date as its author wrote it: a year ("2018"), a
	// month ("2018-07") or a day ("2018-07-06"). ParseEventDate reads it.
	Date string `json:"date"`
	// Blocks is what happened: the Markdown after the date and its colon,
	// then the rest of the list item (more paragraphs, a nested list).
	Blocks []Block `json:"blocks"`
}

// The layouts of a timeline date, from the least precise.
const (
	LayoutYear  = "2006"
	LayoutMonth = "2006-01"
	LayoutDay   = "2006-01-02"
)

// ParseEventDate reads a timeline date, "2018", "2018-07" or "2018-07-06",
// and returns its first day and the layout it is written in.
func ParseEventDate(s string) (time.Time, string, error) {
	layout := ""
	switch len(s) {
	case len(LayoutYear):
		layout = LayoutYear
	case len(LayoutMonth):
		layout = LayoutMonth
	case len(LayoutDay):
		layout = LayoutDay
	}
	if layout != "" {
		if t, err := time.Parse(layout, s); err == nil {
			return t, layout, nil
		}
	}
	return time.Time{}, "", fmt.Errorf("%q is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// CompareEventDates compares two timeline dates, as written, at the
// precision they share: -1 if a comes first, +1 if b does, 0 if neither,
// so that 2018 and 2018-07 are equal while 2018-07 comes before 2018-10.
func CompareEventDates(a, b string) int {
	n := min(len(a), len(b))
	switch a, b := a[:n], b[:n]; {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
