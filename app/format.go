package app

import (
	"strings"
	"time"
	"unicode/utf8"

	"backstory/content"
	"backstory/i18n"
)

// formatEventDate shows a timeline date as readers of news expect it: 2018,
// July 2018, 6 July 2018, in the words' language. A date it cannot read is
// shown as written.
func formatEventDate(w i18n.Words, s string) string {
	t, layout, err := content.ParseEventDate(s)
	switch {
	case err != nil:
		return s
	case layout == content.LayoutMonth:
		return w.MonthYear(t)
	case layout == content.LayoutDay:
		return w.Date(t)
	}
	return w.Year(t)
}

// isoDate is the machine-readable date of a <time> element.
func isoDate(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

func readingTime(w i18n.Words, minutes int) string {
	return w.N("article_reading_time", minutes)
}

// teaser shortens text to about n characters at a word boundary.
func teaser(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := string([]rune(text)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
