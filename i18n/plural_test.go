package i18n

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"backstory/internal/browsertest"
)

var update = flag.Bool("update", false, "rewrite testdata/plural.json from Chromium's Intl.PluralRules")

func TestPlural(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want Category
	}{
		{"en", 0, Other},
		{"en", 1, One},
		{"en", -1, One},
		{"en-GB", 2, Other},
		{"xx", 1, One}, // no rules: English's
		{"", 1, One},
		{"de", 1, One},
		{"fr", 0, One},
		{"fr", 1, One},
		{"fr", 2, Other},
		{"fr", 1000000, Many},
		{"fr", 1000001, Other},
		{"fr_CA", 0, One},
		{"pt", 0, One},
		{"pt-BR", 0, One},
		{"pt-PT", 0, Other},
		{"pt_pt", 1, One},
		{"pt-PT", 2000000, Many},
		{"es", 0, Other},
		{"es", 1000000, Many},
		{"it", 1, One},
		{"ar", 0, Zero},
		{"ar", 1, One},
		{"ar", 2, Two},
		{"ar", 3, Few},
		{"ar", 10, Few},
		{"ar", 11, Many},
		{"ar", 99, Many},
		{"ar", 100, Other},
		{"ar", 102, Other},
		{"ar", 103, Few},
		{"ar-EG", 111, Many},
		{"he", 1, One},
		{"he", 2, Two},
		{"he", 20, Other},
		{"ru", 1, One},
		{"ru", 2, Few},
		{"ru", 5, Many},
		{"ru", 11, Many},
		{"ru", 12, Many},
		{"ru", 21, One},
		{"ru", 22, Few},
		{"ru", 111, Many},
		{"ru", 0, Many},
		{"pl", 21, Many},
		{"pl", 22, Few},
		{"cs", 3, Few},
		{"hr", 5, Other},
		{"ro", 101, Few},
		{"ro", 120, Other},
		{"zh", 1, Other},
		{"zh-Hans", 1, Other},
		{"ja", 1, Other},
		{"hi", 0, One},
		{"ru", math.MinInt, Many}, // …808: the absolute value, not an overflow
	}
	for _, tt := range tests {
		if got := Plural(tt.lang, tt.n); got != tt.want {
			t.Errorf("Plural(%q, %d) = %s, want %s", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestCategories(t *testing.T) {
	tests := []struct {
		lang string
		want []Category
	}{
		{"en", []Category{One, Other}},
		{"fr", []Category{One, Many, Other}},
		{"pt-PT", []Category{One, Many, Other}},
		{"ar", []Category{Zero, One, Two, Few, Many, Other}},
		{"he", []Category{One, Two, Other}},
		{"ru", []Category{One, Few, Many}},
		{"cs", []Category{One, Few, Other}},
		{"ja", []Category{Other}},
		{"sw", []Category{One, Other}},
	}
	for _, tt := range tests {
		if got := Categories(tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("Categories(%q) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}

// pluralLanguages are the languages Plural has rules for.
func pluralLanguages() []string {
	langs := []string{"pt-PT"}
	for _, r := range pluralRules {
		langs = append(langs, r.langs...)
	}
	return langs
}

// pluralSamples are the numbers the differential tests try: every number
// up to 300, then larger ones, whole millions among them.
func pluralSamples() []int {
	var ns []int
	for n := range 301 {
		ns = append(ns, n)
	}
	return append(ns, 1000, 1001, 1011, 1100, 10000, 100000, 999999, 1000000, 1000001, 1000021, 2000000, 21000000, 123456789, 1000000000)
}

// cldr32 tells, for the numbers where CLDR changed its rules after version
// 32 (golang.org/x/text's tables), the category of CLDR 32 and that of
// CLDR 48 (Chromium's, and ours).
func cldr32(lang string, n int) (old, current Category, changed bool) {
	switch Base(lang) {
	case "fr", "pt", "es", "it", "ca":
		// CLDR 38 gave whole millions "many": "un million d'habitants".
		if n != 0 && n%1000000 == 0 {
			return Other, Many, true
		}
	case "he":
		// CLDR 42 merged Hebrew's "many" (20, 30…) into "other".
		if n >= 20 && n%10 == 0 {
			return Many, Other, true
		}
	case "mr":
		// CLDR 34 moved Marathi's 0 from "one" to "other".
		if n == 0 {
			return One, Other, true
		}
	}
	return "", "", false
}

// TestPluralMatchesXText compares Plural with golang.org/x/text's CLDR
// tables for every language Plural has rules for.
func TestPluralMatchesXText(t *testing.T) {
	forms := map[plural.Form]Category{plural.Other: Other, plural.Zero: Zero, plural.One: One, plural.Two: Two, plural.Few: Few, plural.Many: Many}
	for _, lang := range pluralLanguages() {
		tag := language.Make(lang)
		for _, n := range pluralSamples() {
			want := forms[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
			got := Plural(lang, n)
			if old, current, changed := cldr32(lang, n); changed {
				if want != old || got != current {
					t.Errorf("%s %d: x/text says %s, Plural %s; expected CLDR's change from %s to %s", lang, n, want, got, old, current)
				}
				continue
			}
			if got != want {
				t.Errorf("Plural(%q, %d) = %s, x/text (CLDR %s) says %s", lang, n, got, plural.CLDRVersion, want)
			}
		}
	}
}

// chromiumPlurals is testdata/plural.json: Chromium's Intl.PluralRules
// for the numbers of pluralSamples, one letter per number by language.
type chromiumPlurals struct {
	Note      string            `json:"note"`
	Browser   string            `json:"browser"`
	Numbers   []int             `json:"numbers"`
	Languages map[string]string `json:"languages"`
}

// pluralLetters are the one-letter names of the categories in plural.json.
var pluralLetters = map[string]Category{"z": Zero, "o": One, "t": Two, "f": Few, "m": Many, "x": Other}

// TestPluralMatchesChromium compares Plural with what the reader's browser
// says: Chromium's Intl.PluralRules, recorded in testdata/plural.json
// (go test ./i18n -run TestPluralMatchesChromium -update records it anew).
func TestPluralMatchesChromium(t *testing.T) {
	path := filepath.Join("testdata", "plural.json")
	if *update {
		recordChromiumPlurals(t, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var data chromiumPlurals
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, lang := range pluralLanguages() {
		letters, ok := data.Languages[lang]
		if !ok || len(letters) != len(data.Numbers) {
			t.Errorf("%s: no Chromium plurals for %q: run the test with -update", path, lang)
			continue
		}
		for i, n := range data.Numbers {
			want, ok := pluralLetters[letters[i:i+1]]
			if !ok {
				t.Fatalf("%s: %s: unknown category letter %q", path, lang, letters[i:i+1])
			}
			if got := Plural(lang, n); got != want {
				t.Errorf("Plural(%q, %d) = %s, Chromium says %s", lang, n, got, want)
			}
		}
	}
}

// recordChromiumPlurals writes Chromium's plural categories to path.
func recordChromiumPlurals(t *testing.T, path string) {
	langs, _ := json.Marshal(pluralLanguages())
	nums, _ := json.Marshal(pluralSamples())
	browsertest.Record(t, path, `(() => {
		const letters = {zero: "z", one: "o", two: "t", few: "f", many: "m", other: "x"};
		const numbers = `+string(nums)+`, languages = {};
		for (const lang of `+string(langs)+`) {
			const rules = new Intl.PluralRules(lang);
			languages[lang] = numbers.map(n => letters[rules.select(n)]).join("");
		}
		return {
			note: "Chromium's new Intl.PluralRules(lang).select(n) for each of numbers, one letter per number: " +
				"z zero, o one, t two, f few, m many, x other. Written by go test ./i18n -run TestPluralMatchesChromium -update.",
			browser: navigator.userAgent,
			numbers,
			languages,
		};
	})()`)
}
