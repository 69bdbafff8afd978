package catalog

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"backstory/internal/browsertest"
)

var update = flag.Bool("update", false, "rewrite testdata/intl.json from Chromium, and the golden files")

// intlPath is the browser's dates and digits for each language.
var intlPath = filepath.Join("testdata", "intl.json")

// intlLocale is the locale whose Intl formats a language's words must
// equal, where it is not the language's own tag: en.json writes British
// dates, "19 June 2023" (en-US would be "June 19, 2023").
var intlLocale = map[string]string{"en": "en-GB"}

// intlExtra are tags without a file of their own whose dates must still
// equal the browser's, through the file of their base language.
var intlExtra = []string{"pt-BR", "pt-PT", "zh-CN", "zh-Hans", "fr-CA", "es-MX", "de-DE"}

// intlDates are the days tried: every month, one- and two-digit days.
var intlDates = []string{
	"2023-06-19", "2024-01-01", "2025-12-31", "1999-03-05", "2000-08-09", "2023-05-01",
	"2026-02-28", "2010-10-10", "2007-11-22", "2019-04-30", "2021-07-04", "2022-09-15",
}

// intlData is testdata/intl.json.
type intlData struct {
	Note      string                  `json:"note"`
	Browser   string                  `json:"browser"`
	Dates     []string                `json:"dates"`
	Languages map[string]intlLanguage `json:"languages"`
}

// intlLanguage is what the browser writes for one language: the number
// 1234567890 without grouping, and for each of the dates, the long date,
// the month and year, and the year.
type intlLanguage struct {
	Locale    string   `json:"locale"`
	Number    string   `json:"number"`
	Long      []string `json:"long"`
	MonthYear []string `json:"month_year"`
	Year      []string `json:"year"`
}

// TestDatesMatchBrowser compares the dates and numbers of every shipped
// language (and of tags that take their words) with Chromium's Intl.
func TestDatesMatchBrowser(t *testing.T) {
	c := loadEmbedded(t)
	if *update {
		recordIntl(t, append(c.Languages(), intlExtra...))
	}
	b, err := os.ReadFile(intlPath)
	if err != nil {
		t.Fatal(err)
	}
	var data intlData
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatalf("%s: %v", intlPath, err)
	}
	for _, lang := range append(c.Languages(), intlExtra...) {
		want, ok := data.Languages[lang]
		if !ok {
			t.Errorf("%s has no browser data for %s: run go test ./i18n/catalog -run TestDatesMatchBrowser -update", intlPath, lang)
			continue
		}
		w := c.Words(lang)
		if got := w.Number(1234567890); got != want.Number {
			t.Errorf("%s: Number = %q, %s writes %q", lang, got, want.Locale, want.Number)
		}
		for i, date := range data.Dates {
			day, err := time.Parse(time.DateOnly, date)
			if err != nil {
				t.Fatalf("%s: %v", intlPath, err)
			}
			for _, f := range []struct {
				name      string
				got, want string
			}{
				{"Date", w.Date(day), want.Long[i]},
				{"MonthYear", w.MonthYear(day), want.MonthYear[i]},
				{"Year", w.Year(day), want.Year[i]},
			} {
				if f.got != f.want {
					t.Errorf("%s: %s(%s) = %q, %s writes %q", lang, f.name, date, f.got, want.Locale, f.want)
				}
			}
		}
	}
}

// recordIntl writes the browser's dates and numbers for langs to intlPath.
func recordIntl(t *testing.T, langs []string) {
	locales := map[string]string{}
	for _, lang := range langs {
		locales[lang] = lang
		if l, ok := intlLocale[lang]; ok {
			locales[lang] = l
		}
	}
	arg, _ := json.Marshal(struct {
		Locales map[string]string `json:"locales"`
		Dates   []string          `json:"dates"`
	}{locales, intlDates})
	browsertest.Record(t, intlPath, `((arg) => {
		const languages = {};
		for (const [lang, locale] of Object.entries(arg.locales)) {
			const utc = (options) => new Intl.DateTimeFormat(locale, {...options, timeZone: "UTC"});
			const long = utc({dateStyle: "long"}), monthYear = utc({year: "numeric", month: "long"}), year = utc({year: "numeric"});
			const days = arg.dates.map(d => new Date(d + "T12:00:00Z"));
			languages[lang] = {
				locale,
				number: new Intl.NumberFormat(locale, {useGrouping: false}).format(1234567890),
				long: days.map(d => long.format(d)),
				month_year: days.map(d => monthYear.format(d)),
				year: days.map(d => year.format(d)),
			};
		}
		return {
			note: "What Chromium's Intl writes for each language (its locale): " +
				"new Intl.NumberFormat(locale, {useGrouping: false}).format(1234567890), and for each date at noon UTC, " +
				"Intl.DateTimeFormat with {dateStyle: \"long\"}, {year: \"numeric\", month: \"long\"} and {year: \"numeric\"}. " +
				"Written by go test ./i18n/catalog -run TestDatesMatchBrowser -update.",
			browser: navigator.userAgent,
			dates: arg.dates,
			languages,
		};
	})(`+string(arg)+`)`)
}
