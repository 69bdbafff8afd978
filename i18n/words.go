package i18n

import (
	"strings"
)

// Words are the UI's words in one language: the strings of a translation
// file merged over English's, by key (see package catalog). Keys and
// values are those of the file: i18next JSON v4, a flat object whose
// values name their variables {{like_this}}; a word that depends on a
// number has one key per CLDR plural category, key_one, key_other…
type Words struct {
	// Lang is the language the words are in, a BCP 47 tag ("fr").
	Lang string `json:"lang"`
	// Dir is the language's text direction: "ltr" or "rtl".
	Dir string `json:"dir"`
	// Strings are the words by key.
	Strings map[string]string `json:"strings"`
}

// T is the word of key with its variables replaced by vars, given as
// name, value pairs: T("updated_on", "date", "19 June 2023"). A key the
// words lack is returned as it is, so that a missing word shows.
func (w Words) T(key string, vars ...string) string {
	s, ok := w.Strings[key]
	if !ok {
		return key
	}
	return fill(s, vars)
}

// N is the word of key for the number n, in the plural form the language
// uses for it (key_one, key_few, key_other…), with {{count}} replaced by n
// written in the language's digits, and the other variables by vars.
func (w Words) N(key string, n int, vars ...string) string {
	s, ok := w.Strings[key+"_"+string(Plural(w.Lang, n))]
	if !ok {
		if s, ok = w.Strings[key+"_other"]; !ok {
			return key
		}
	}
	return fill(s, append([]string{"count", w.Number(n)}, vars...))
}

// Split is the word of key cut around its variable name: the text before
// it and the text after, for a phrase that holds an element (a link, a
// date) among its words. Variables other than name are replaced by vars.
func (w Words) Split(key, name string, vars ...string) (before, after string) {
	s := w.T(key, vars...)
	before, after, _ = strings.Cut(s, "{{"+name+"}}")
	return before, after
}

// fill replaces {{name}} in s by the value paired with name in vars.
func fill(s string, vars []string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	for i := 0; i+1 < len(vars); i += 2 {
		s = strings.ReplaceAll(s, "{{"+vars[i]+"}}", vars[i+1])
	}
	return s
}
