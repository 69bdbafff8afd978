package catalog

import (
	"slices"
	"strings"

	"backstory/i18n"
)

// allCategories are CLDR's plural categories in its order.
var allCategories = []i18n.Category{i18n.Zero, i18n.One, i18n.Two, i18n.Few, i18n.Many, i18n.Other}

// splitPlural cuts a key into the stem and the plural category it names:
// "article_reading_time_one" → "article_reading_time", one.
func splitPlural(key string) (stem string, cat i18n.Category, ok bool) {
	i := strings.LastIndexByte(key, '_')
	if i < 0 {
		return "", "", false
	}
	cat = i18n.Category(key[i+1:])
	return key[:i], cat, slices.Contains(allCategories, cat)
}

// pluralStems are the stems of the words that depend on a number, among
// English's words: those with an "other" form. Sorted.
func pluralStems(english map[string]string) []string {
	var stems []string
	for k := range english {
		if stem, cat, ok := splitPlural(k); ok && cat == i18n.Other {
			stems = append(stems, stem)
		}
	}
	slices.Sort(stems)
	return stems
}

// stemOf is the stem of key when key is a plural form of one of English's
// words that depend on a number.
func (c *Catalog) stemOf(key string) (string, bool) {
	stem, _, ok := splitPlural(key)
	if !ok {
		return "", false
	}
	_, found := slices.BinarySearch(c.stems, stem)
	return stem, found
}

// pluralForms are the categories for which words give a form of stem, in
// CLDR's order.
func pluralForms(words map[string]string, stem string) []i18n.Category {
	var cats []i18n.Category
	for _, cat := range allCategories {
		if _, ok := words[stem+"_"+string(cat)]; ok {
			cats = append(cats, cat)
		}
	}
	return cats
}
