package i18n

import (
	"testing"
	"time"
)

// testWords are words with the date keys of a translation file, months
// named by their number so that format and standalone names differ.
func testWords(lang, digits, long, monthYear, year string) Words {
	s := map[string]string{"date_long": long, "date_month_year": monthYear, "date_year": year}
	if digits != "" {
		s["digits"] = digits
	}
	for m := time.January; m <= time.December; m++ {
		s[monthKey("month_", m)] = "M" + m.String()
		s[monthKey("month_standalone_", m)] = "S" + m.String()
	}
	return Words{Lang: lang, Dir: Direction(lang), Strings: s}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		digits string
		n      int
		want   string
	}{
		{"0123456789", 2023, "2023"}, // no grouping
		{"0123456789", 1234567, "1234567"},
		{"", 42, "42"},
		{"٠١٢٣٤٥٦٧٨٩", 2023, "٢٠٢٣"},
		{"٠١٢٣٤٥٦٧٨٩", -10, "-١٠"},
		{"۰۱۲۳۴۵۶۷۸۹", 1990, "۱۹۹۰"},
		{"0123", 12, "12"}, // not ten digits: ASCII
	}
	for _, tt := range tests {
		w := testWords("xx", tt.digits, "", "", "")
		if got := w.Number(tt.n); got != tt.want {
			t.Errorf("Number(%d) with digits %q = %q, want %q", tt.n, tt.digits, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	day := time.Date(2023, time.June, 9, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		name                       string
		w                          Words
		date, monthYear, yearAlone string
	}{
		{
			name:      "day month year",
			w:         testWords("en", "0123456789", "{{day}} {{month}} {{year}}", "{{month}} {{year}}", "{{year}}"),
			date:      "9 MJune 2023",
			monthYear: "SJune 2023",
			yearAlone: "2023",
		},
		{
			name:      "year first, suffixes",
			w:         testWords("ja", "0123456789", "{{year}}年{{month}}{{day}}日", "{{year}}年{{month}}", "{{year}}年"),
			date:      "2023年MJune9日",
			monthYear: "2023年SJune",
			yearAlone: "2023年",
		},
		{
			name:      "digits of the language",
			w:         testWords("ar-EG", "٠١٢٣٤٥٦٧٨٩", "{{day}} {{month}} {{year}}", "{{month}} {{year}}", "{{year}}"),
			date:      "٩ MJune ٢٠٢٣",
			monthYear: "SJune ٢٠٢٣",
			yearAlone: "٢٠٢٣",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Date(day); got != tt.date {
				t.Errorf("Date = %q, want %q", got, tt.date)
			}
			if got := tt.w.MonthYear(day); got != tt.monthYear {
				t.Errorf("MonthYear = %q, want %q", got, tt.monthYear)
			}
			if got := tt.w.Year(day); got != tt.yearAlone {
				t.Errorf("Year = %q, want %q", got, tt.yearAlone)
			}
		})
	}
}

// TestDateInLocation checks that a date is the day of the time's own
// location, not of UTC.
func TestDateInLocation(t *testing.T) {
	w := testWords("en", "", "{{day}} {{month}} {{year}}", "", "")
	tokyo := time.FixedZone("JST", 9*60*60)
	d := time.Date(2023, time.December, 31, 20, 0, 0, 0, time.UTC).In(tokyo)
	if got, want := w.Date(d), "1 MJanuary 2024"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
}
