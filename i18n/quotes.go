package i18n

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
