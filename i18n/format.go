package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Number writes n in the language's digits, the ten characters of the
// word "digits" ("٠١٢٣٤٥٦٧٨٩" for Arabic-Indic digits), without grouping
// separators: 2023, not 2,023. Words without ten digits write ASCII ones.
func (w Words) Number(n int) string {
	s := strconv.Itoa(n)
	digits := []rune(w.Strings["digits"])
	if len(digits) != 10 || string(digits) == "0123456789" {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r = digits[r-'0']
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Date writes the day of t (in t's location) as the language writes a long
// date, the word "date_long" with the month's name "month_1"…"month_12":
// 19 June 2023, 19 juin 2023, 2023年6月19日.
func (w Words) Date(t time.Time) string {
	return w.T("date_long",
		"day", w.Number(t.Day()),
		"month", w.T(monthKey("month_", t.Month())),
		"year", w.Number(t.Year()))
}

// MonthYear writes the month of t, the word "date_month_year" with the
// month's name as it stands alone, "month_standalone_1"…: June 2023,
// июнь 2023 г.
func (w Words) MonthYear(t time.Time) string {
	return w.T("date_month_year",
		"month", w.T(monthKey("month_standalone_", t.Month())),
		"year", w.Number(t.Year()))
}

// Year writes the year of t, the word "date_year": 2023, 2023年.
func (w Words) Year(t time.Time) string {
	return w.T("date_year", "year", w.Number(t.Year()))
}

// monthKey is the key of month m's name among keys starting with prefix.
func monthKey(prefix string, m time.Month) string {
	return prefix + strconv.Itoa(int(m))
}
