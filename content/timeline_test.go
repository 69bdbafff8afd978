package content_test

import (
	"testing"

	"backstory/content"
)

func TestParseEventDate(t *testing.T) {
	for _, tt := range []struct {
		in, layout string
		ok         bool
	}{
		{"2018", content.LayoutYear, true},
		{"2018-07", content.LayoutMonth, true},
		{"2018-07-06", content.LayoutDay, true},
		{"2024-02-29", content.LayoutDay, true},
		{"2023-02-29", "", false},
		{"2018-13", "", false},
		{"2018-7", "", false},
		{"18", "", false},
		{"July 2018", "", false},
		{"2018-07-06T10:00:00Z", "", false},
		{"", "", false},
	} {
		tm, layout, err := content.ParseEventDate(tt.in)
		if (err == nil) != tt.ok || layout != tt.layout {
			t.Errorf("ParseEventDate(%q) = %q, %v; want layout %q, ok %t", tt.in, layout, err, tt.layout, tt.ok)
			continue
		}
		if tt.ok && tm.Format(layout) != tt.in {
			t.Errorf("ParseEventDate(%q) = %v, which is written %q", tt.in, tm, tm.Format(layout))
		}
	}
}

func TestCompareEventDates(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"2018", "2019", -1},
		{"2019", "2018", 1},
		{"2018", "2018", 0},
		{"2018", "2018-07", 0}, // a year holds its months
		{"2018-07-06", "2018-07", 0},
		{"2018-07", "2018-10", -1},
		{"2018-10-01", "2018-07-31", 1},
		{"2017-12", "2018", -1},
	} {
		if got := content.CompareEventDates(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareEventDates(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
