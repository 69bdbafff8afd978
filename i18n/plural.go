package i18n

import "strings"

// Category is a CLDR plural category: which form of a word a number takes.
type Category string

// The CLDR plural categories.
const (
	Zero  Category = "zero"
	One   Category = "one"
	Two   Category = "two"
	Few   Category = "few"
	Many  Category = "many"
	Other Category = "other"
)

// categories are the plural categories in CLDR's order.
var categories = []Category{Zero, One, Two, Few, Many, Other}

// pluralRules are CLDR's cardinal rules for whole numbers (CLDR 48, which
// Chromium's Intl.PluralRules applies), as one function per group of base
// languages that share them. For a whole number, CLDR's operands are
// n = i = the number, v = w = f = t = e = 0, so each rule keeps only its
// conditions on i. A language not listed follows English.
var pluralRules = []struct {
	langs []string
	rule  func(i uint64) Category
}{
	// No plural forms.
	{[]string{"zh", "ja", "ko", "id", "ms", "th", "vi", "lo", "km", "my", "yue", "jv", "yo", "ig", "bo"}, func(i uint64) Category {
		return Other
	}},
	// one: i = 1 and v = 0.
	{[]string{"en", "de", "nl", "sv", "da", "nb", "nn", "no", "fi", "et", "el", "hu", "tr", "bg", "af", "az", "eu", "gl", "ka", "kk", "ky", "mn", "sq", "sw", "ta", "te", "ur", "uz", "ml", "mr", "ne", "ku", "ckb", "ps", "sd", "ug", "yi", "ks", "dv", "ha", "so", "lb", "fy", "eo"}, english},
	// one: i = 0 or n = 1.
	{[]string{"hi", "bn", "fa", "gu", "kn", "am", "pa", "zu", "si", "as", "ln", "ti", "mg"}, func(i uint64) Category {
		if i <= 1 {
			return One
		}
		return Other
	}},
	// one: i = 0,1; many: i % 1000000 = 0 and i != 0.
	{[]string{"fr", "pt"}, func(i uint64) Category {
		switch {
		case i <= 1:
			return One
		case i%1000000 == 0:
			return Many
		}
		return Other
	}},
	// one: i = 1; many: i % 1000000 = 0 and i != 0 (pt-PT too, see ruleOf).
	{[]string{"es", "it", "ca"}, oneMillions},
	// one: i = 1; two: i = 2.
	{[]string{"he"}, func(i uint64) Category {
		switch i {
		case 1:
			return One
		case 2:
			return Two
		}
		return Other
	}},
	// one: i % 10 = 1 and i % 100 != 11; few: i % 10 = 2..4 and
	// i % 100 != 12..14; many: the rest of the whole numbers.
	{[]string{"ru", "uk", "be"}, func(i uint64) Category {
		if c := slavicOneFew(i, true); c != Other {
			return c
		}
		return Many
	}},
	// Like Russian, without "one" for 21, 31…
	{[]string{"pl"}, func(i uint64) Category {
		if c := slavicOneFew(i, false); c != Other {
			return c
		}
		return Many
	}},
	// Like Russian, with "other" where Russian has "many".
	{[]string{"bs", "hr", "sr", "sh"}, func(i uint64) Category {
		return slavicOneFew(i, true)
	}},
	// one: i = 1; few: i = 2..4.
	{[]string{"cs", "sk"}, func(i uint64) Category {
		switch {
		case i == 1:
			return One
		case i >= 2 && i <= 4:
			return Few
		}
		return Other
	}},
	// one: i = 1; few: i = 0 or i != 1 and i % 100 = 1..19.
	{[]string{"ro", "mo"}, func(i uint64) Category {
		switch {
		case i == 1:
			return One
		case i == 0 || i%100 >= 1 && i%100 <= 19:
			return Few
		}
		return Other
	}},
	// zero, one, two; few: n % 100 = 3..10; many: n % 100 = 11..99.
	{[]string{"ar", "ars"}, func(i uint64) Category {
		switch {
		case i == 0:
			return Zero
		case i == 1:
			return One
		case i == 2:
			return Two
		case i%100 >= 3 && i%100 <= 10:
			return Few
		case i%100 >= 11:
			return Many
		}
		return Other
	}},
}

// english is the rule of English and of the languages without rules here:
// one for 1.
func english(i uint64) Category {
	if i == 1 {
		return One
	}
	return Other
}

// oneMillions is the rule of Spanish, Italian, Catalan and European
// Portuguese: one for 1, many for whole millions.
func oneMillions(i uint64) Category {
	switch {
	case i == 1:
		return One
	case i != 0 && i%1000000 == 0:
		return Many
	}
	return Other
}

// slavicOneFew is the shared part of the Slavic rules: few for 2..4 in the
// last digit outside 12..14, one for 1 (or, when anyOne, a last digit 1
// outside 11); other for the rest.
func slavicOneFew(i uint64, anyOne bool) Category {
	d, dd := i%10, i%100
	switch {
	case i == 1 || anyOne && d == 1 && dd != 11:
		return One
	case d >= 2 && d <= 4 && (dd < 12 || dd > 14):
		return Few
	}
	return Other
}

// ruleOf is the plural rule of lang.
func ruleOf(lang string) func(uint64) Category {
	if strings.EqualFold(strings.ReplaceAll(lang, "_", "-"), "pt-PT") {
		return oneMillions // CLDR's rule for Portugal, apart from Brazil's
	}
	base := Base(lang)
	for _, r := range pluralRules {
		for _, l := range r.langs {
			if l == base {
				return r.rule
			}
		}
	}
	return english
}

// Plural is the plural category of the whole number n in lang, by CLDR's
// cardinal rules; negative numbers take the category of their absolute
// value. A language whose rules are not here follows English, as its words
// do until it has a translation file.
func Plural(lang string, n int) Category {
	i := uint64(n)
	if n < 0 {
		i = uint64(-(n + 1)) + 1
	}
	return ruleOf(lang)(i)
}

// Categories are the plural categories that lang's whole numbers take, in
// CLDR's order (zero, one, two, few, many, other): the forms a translation
// gives a word that depends on a number.
func Categories(lang string) []Category {
	rule := ruleOf(lang)
	seen := map[Category]bool{rule(1000000): true}
	for i := range uint64(200) {
		seen[rule(i)] = true
	}
	var cs []Category
	for _, c := range categories {
		if seen[c] {
			cs = append(cs, c)
		}
	}
	return cs
}
