package i18n

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// QuoteMarks are the quotation marks of a language, as CLDR's delimiters
// give them: the outer pair, and the pair for a quotation inside another.
// Space is the space a language sets inside its marks (French « … »), or
// "".
type QuoteMarks struct {
	Open, Close           string
	InnerOpen, InnerClose string
	Space                 string
}

// quoteMarks are CLDR's quotation delimiters, by base language. A
// language not here uses English's.
var quoteMarks = map[string]QuoteMarks{
	"en": {Open: "“", Close: "”", InnerOpen: "‘", InnerClose: "’"},
	"fr": {Open: "«", Close: "»", InnerOpen: "«", InnerClose: "»", Space: "\u202f"},
	"de": {Open: "„", Close: "“", InnerOpen: "‚", InnerClose: "‘"},
	"es": {Open: "«", Close: "»", InnerOpen: "“", InnerClose: "”"},
	"pt": {Open: "“", Close: "”", InnerOpen: "‘", InnerClose: "’"},
	"it": {Open: "«", Close: "»", InnerOpen: "“", InnerClose: "”"},
	"ar": {Open: "”", Close: "“", InnerOpen: "’", InnerClose: "‘"},
	"he": {Open: "”", Close: "”", InnerOpen: "’", InnerClose: "’"},
	"ru": {Open: "«", Close: "»", InnerOpen: "„", InnerClose: "“"},
	"zh": {Open: "“", Close: "”", InnerOpen: "‘", InnerClose: "’"},
	"ja": {Open: "「", Close: "」", InnerOpen: "『", InnerClose: "』"},
}

// Quotes are the quotation marks of lang.
func Quotes(lang string) QuoteMarks {
	if q, ok := quoteMarks[Base(lang)]; ok {
		return q
	}
	return quoteMarks["en"]
}

// Quote sets text in lang's outer quotation marks.
func Quote(lang, text string) string {
	q := Quotes(lang)
	return q.Open + q.Space + text + q.Space + q.Close
}

// QuotesCSS is the stylesheet that gives elements matching selector, a
// quotation, the quotation marks of their language (CSS quotes, for
// open-quote and close-quote): English's, and each language's that
// differ, by :lang().
func QuotesCSS(selector string) string {
	var b strings.Builder
	rule := func(sel string, q QuoteMarks) {
		fmt.Fprintf(&b, "%s{quotes:%s %s %s %s}", sel, cssString(q.Open+q.Space), cssString(q.Space+q.Close), cssString(q.InnerOpen+q.Space), cssString(q.Space+q.InnerClose))
	}
	rule(selector, quoteMarks["en"])
	langs := slices.Sorted(maps.Keys(quoteMarks))
	for _, lang := range langs {
		if q := quoteMarks[lang]; q != quoteMarks["en"] {
			rule(selector+":lang("+lang+")", q)
		}
	}
	return b.String()
}

// cssString quotes s as a CSS string, with non-ASCII characters escaped.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r < 0x80 && r != '"' && r != '\\' {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%x ", r)
	}
	b.WriteByte('"')
	return b.String()
}
