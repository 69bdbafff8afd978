package catalog

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"backstory/i18n"
)

// Missing are the keys of the words lang takes from English, sorted: the
// keys of English's file that lang's files lack, and for a word that
// depends on a number and that they do not translate, the keys of the
// forms lang needs (article_reading_time_one, _few, _many for ru). A
// language without a file misses every key.
func (c *Catalog) Missing(lang string) []string {
	files := c.chain(lang)
	given := func(key string) bool {
		return slices.ContainsFunc(files, func(f *file) bool { _, ok := f.words[key]; return ok })
	}
	var missing []string
	for key := range c.english.words {
		if _, plural := c.stemOf(key); !plural && !given(key) {
			missing = append(missing, key)
		}
	}
	for _, stem := range c.stems {
		if slices.ContainsFunc(files, func(f *file) bool { return len(pluralForms(f.words, stem)) > 0 }) {
			continue
		}
		for _, cat := range i18n.Categories(lang) {
			missing = append(missing, stem+"_"+string(cat))
		}
	}
	slices.Sort(missing)
	return missing
}

// Problems are the mistakes of the translation files, one line each, by
// file and line, "fr.json:12: …": a key English's file does not have, a
// word that lacks a variable of its English word or has one English's
// lacks, a word that depends on a number with a form its language does not
// use or without one it needs, a key given twice, digits that are not
// ten. A key a file lacks is no problem: see Missing.
func (c *Catalog) Problems() []string {
	var all []problem
	for _, f := range c.files {
		all = append(all, c.problems(f)...)
	}
	slices.SortFunc(all, func(a, b problem) int {
		return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line), strings.Compare(a.text, b.text))
	})
	lines := make([]string, len(all))
	for i, p := range all {
		lines[i] = p.String()
	}
	return lines
}

// problem is a mistake at a line of a file.
type problem struct {
	file string
	line int
	text string
}

func (p problem) String() string {
	if p.line == 0 {
		return p.file + ": " + p.text
	}
	return fmt.Sprintf("%s:%d: %s", p.file, p.line, p.text)
}

// problems are the mistakes of f.
func (c *Catalog) problems(f *file) []problem {
	var ps []problem
	add := func(key, format string, args ...any) {
		ps = append(ps, problem{f.name, f.lines[key], fmt.Sprintf(format, args...)})
	}
	for key, line := range f.duplicates {
		ps = append(ps, problem{f.name, line, fmt.Sprintf("%q is given twice", key)})
	}
	cats := i18n.Categories(f.tag)
	for key, word := range f.words {
		english, ok := c.english.words[key]
		optional := ""
		if stem, plural := c.stemOf(key); plural {
			_, cat, _ := splitPlural(key)
			// Every language has "other", for fractions if not for whole
			// numbers: i18next's tools write it for Russian too.
			if !slices.Contains(cats, cat) && cat != i18n.Other {
				add(key, "%q: %s has no plural form %q; its forms are %s", key, f.tag, cat, list(cats))
				continue
			}
			english, ok = c.english.words[stem+"_"+string(i18n.Other)]
			if singleNumber(f.tag, cat) {
				optional = "count" // "one minute" may say its number in words
			}
		}
		if !ok {
			add(key, "%q is not a key of English's file", key)
			continue
		}
		for _, text := range checkVariables(key, word, english, optional) {
			add(key, "%s", text)
		}
	}
	for _, stem := range c.stems {
		given := pluralForms(f.words, stem)
		if len(given) == 0 {
			continue
		}
		var lacking []i18n.Category
		for _, cat := range cats {
			if !slices.Contains(given, cat) {
				lacking = append(lacking, cat)
			}
		}
		if len(lacking) > 0 {
			add(stem+"_"+string(given[0]), "%q lacks plural forms that %s needs: %s", stem, f.tag, list(lacking))
		}
	}
	if digits, ok := f.words["digits"]; ok && !decimalDigits(digits) {
		add("digits", "\"digits\" are not the ten digits of one script, zero to nine: %q", digits)
	}
	return ps
}

// decimalDigits reports whether s is the ten decimal digits of a script,
// zero to nine, as Unicode orders them: "0123456789", "٠١٢٣٤٥٦٧٨٩".
func decimalDigits(s string) bool {
	digits := []rune(s)
	if len(digits) != 10 {
		return false
	}
	for i, r := range digits {
		if !unicode.IsDigit(r) || r != digits[0]+rune(i) {
			return false
		}
	}
	return true
}

// variable matches a variable in a word: {{name}}.
var variable = regexp.MustCompile(`\{\{(.*?)\}\}`)

// checkVariables compares the variables of a word with those of its
// English word; the variable optional may be left out.
func checkVariables(key, word, english, optional string) []string {
	var texts []string
	names := map[string]bool{}
	for _, m := range variable.FindAllStringSubmatch(word, -1) {
		if name := strings.TrimSpace(m[1]); name != m[1] {
			texts = append(texts, fmt.Sprintf("%q: write %s as {{%s}}, without spaces", key, m[0], name))
		}
		names[strings.TrimSpace(m[1])] = true
	}
	if strings.Count(word, "{{") != len(variable.FindAllString(word, -1)) {
		texts = append(texts, fmt.Sprintf("%q has a {{ without its }}", key))
	}
	want := map[string]bool{}
	for _, m := range variable.FindAllStringSubmatch(english, -1) {
		want[m[1]] = true
		if !names[m[1]] && m[1] != optional {
			texts = append(texts, fmt.Sprintf("%q lacks {{%s}}", key, m[1]))
		}
	}
	for name := range names {
		if !want[name] {
			texts = append(texts, fmt.Sprintf("%q has {{%s}}, which English's word has not", key, name))
		}
	}
	return texts
}

// singleNumber reports whether cat is the plural category of only one
// whole number in lang, as "one" is of 1 in English: a form that may name
// its number in words.
func singleNumber(lang string, cat i18n.Category) bool {
	count := 0
	for n := range 1001 {
		if i18n.Plural(lang, n) == cat {
			count++
		}
	}
	return count == 1
}

// list writes categories as "one, few, other".
func list(cats []i18n.Category) string {
	s := make([]string, len(cats))
	for i, c := range cats {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}
