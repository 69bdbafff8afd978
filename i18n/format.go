package i18n

import (
	"strconv"
	"time"
)

// Number writes n in the language's digits.
// TODO(helper): digits from the words ("digits").
func (w Words) Number(n int) string { return strconv.Itoa(n) }

// Date writes a day as the language writes a long date: 19 June 2023.
// TODO(helper): from the words' date patterns and month names.
func (w Words) Date(t time.Time) string { return t.Format("2 January 2006") }

// MonthYear writes a month of a year: June 2023.
func (w Words) MonthYear(t time.Time) string { return t.Format("January 2006") }

// Year writes a year: 2023.
func (w Words) Year(t time.Time) string { return w.Number(t.Year()) }
