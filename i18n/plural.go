package i18n

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

// Plural is the plural category of the whole number n in lang, by CLDR's
// cardinal rules.
// TODO(helper): CLDR rules for the shipped languages.
func Plural(lang string, n int) Category {
	if n == 1 {
		return One
	}
	return Other
}
