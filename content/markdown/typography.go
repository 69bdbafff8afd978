package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"backstory/i18n"

	"github.com/yuin/goldmark/util"
)

// Typography: an article's text is set with the punctuation of its
// language (i18n.Quotes) as it is built, text node by text node, where the
// builder still knows what Markdown keeps literal. Straight double quotes
// become the language's quotation marks (“…” in English, « … » in French,
// „…“ in German, 「…」 in Japanese), straight single quotes its inner marks
// or an apostrophe (’), "--" an en dash, "---" an em dash and "..." an
// ellipsis. Code, URLs, autolinks, ids and a character written as a
// backslash escape (\") or a character reference (&quot;) are left as
// written. goldmark's own typographer is set per parser, for one
// language, and a quote card may be in another language than its article.
//
// A quote mark opens or closes by its neighbours, across the runs of a
// paragraph (the closing mark of "*progress*" follows the emphasis): it
// opens after a space, the start or opening punctuation (a bracket, a
// dash) and before a word, and closes after a word or punctuation and
// before a space, the end or punctuation. Between two words (Japanese and
// Chinese set no spaces around quotes) or two spaces (" mot ", as French
// is often typed), it closes the quotation open, if any, and opens one
// otherwise. A single quote inside a word, or before a decade ('90s), is
// an apostrophe, and so is one that closes no quotation (the students'
// books).

// charClass is what a character is to a quote mark beside it.
type charClass uint8

const (
	classSpace charClass = iota // white space, or the start or end of the text
	classOpen                   // opening punctuation: a bracket, an opening quote, a dash
	classWord                   // a letter, a digit, a symbol; a code span or image
	classIdeo                   // a letter of a script written without spaces: Chinese, Japanese
	classPunct                  // any other punctuation: . , ; ! ? ) and closing quotes
)

// typographer sets a language's punctuation in a text as it is built. The
// builder keeps one for the text being built; it starts afresh with each
// paragraph, heading, table cell, title and image description.
type typographer struct {
	marks i18n.QuoteMarks
	// prev is what the last character set was.
	prev charClass
	// double and single count the quotations open.
	double, single int
	// skipSpace drops a space written after an opening mark: the mark
	// brings its own (French: « mot »).
	skipSpace bool
}

// newTypographer returns a typographer for texts in lang.
func newTypographer(lang string) typographer {
	return typographer{marks: i18n.Quotes(lang)}
}

// fresh is a typographer for the same language at the start of a text.
func (t *typographer) fresh() typographer {
	return typographer{marks: t.marks}
}

// special marks the bytes that appendText looks at: the rest is copied.
var special = [256]bool{'"': true, '\'': true, '-': true, '.': true, '\\': true, '&': true, 0: true}

// appendText appends the text src to dst with the language's
// punctuation. With markdown, src is Markdown source text: backslash
// escapes and character references are resolved, and the characters they
// give are left as they are. after is what follows src (classSpace at the
// end of the text): it decides a quote mark that ends src.
func (t *typographer) appendText(dst, src []byte, markdown bool, after charClass) []byte {
	if len(src) > 0 && !t.skipSpace && plain(src) {
		r, _ := utf8.DecodeLastRune(src)
		t.prev = t.classOf(r)
		return append(dst, src...)
	}
	for i := 0; i < len(src); {
		if t.skipSpace {
			t.skipSpace = false
			if n := spaceLen(src[i:]); n > 0 {
				i += n
				continue
			}
		}
		j := i
		for ; j < len(src); j++ {
			// A single hyphen or full stop, the most common of the
			// special bytes, is text.
			if c := src[j]; special[c] && ((c != '-' && c != '.') || j+1 < len(src) && src[j+1] == c) {
				break
			}
		}
		if j > i {
			dst = append(dst, src[i:j]...)
			r, _ := utf8.DecodeLastRune(src[i:j])
			t.prev = t.classOf(r)
			i = j
			continue
		}
		switch c := src[i]; {
		case c == '\\' && markdown && i+1 < len(src) && util.IsPunct(src[i+1]):
			dst = t.appendLiteral(dst, src[i+1:i+2])
			i += 2
		case c == '&' && markdown:
			r, n := charRef(src[i:])
			if n == 0 {
				r, n = "&", 1
			}
			dst = append(dst, r...)
			last, _ := utf8.DecodeLastRuneInString(r)
			t.prev = t.classOf(last)
			i += n
		case c == 0 && markdown:
			dst = utf8.AppendRune(dst, utf8.RuneError)
			t.prev = classWord
			i++
		case c == '"':
			dst = t.appendQuote(dst, t.opens(t.classAt(src, i+1, after), t.double), false)
			i++
		case c == '\'':
			var n int
			dst, n = t.appendSingle(dst, src[i:], after)
			i += n
		case c == '-' || c == '.':
			n := runLen(src[i:], c)
			switch {
			case c == '-' && n == 2:
				dst, t.prev = append(dst, "–"...), classOpen
			case c == '-' && n == 3:
				dst, t.prev = append(dst, "—"...), classOpen
			case c == '.' && n == 3:
				dst, t.prev = append(dst, "…"...), classPunct
			default:
				dst = t.appendLiteral(dst, src[i:i+n])
			}
			i += n
		default:
			dst = t.appendLiteral(dst, src[i:i+1])
			i++
		}
	}
	return dst
}

// plain says src has nothing for appendText to set or resolve: most text.
// Each IndexByte is vectorised, and together they are faster than looking
// at each byte.
func plain(src []byte) bool {
	for _, c := range []byte{'"', '\'', '\\', '&', 0} {
		if bytes.IndexByte(src, c) >= 0 {
			return false
		}
	}
	return !bytes.Contains(src, []byte("--")) && !bytes.Contains(src, []byte("..."))
}

// appendLiteral appends s as it is.
func (t *typographer) appendLiteral(dst, s []byte) []byte {
	if len(s) == 0 {
		return dst
	}
	r, _ := utf8.DecodeLastRune(s)
	t.prev = t.classOf(r)
	return append(dst, s...)
}

// appendSpace appends the space of a line break that a paragraph's lines
// become.
func (t *typographer) appendSpace(dst []byte) []byte {
	t.prev = classSpace
	if t.skipSpace {
		t.skipSpace = false
		return dst
	}
	return append(dst, ' ')
}

// lineBreak is a hard line break.
func (t *typographer) lineBreak() {
	t.prev, t.skipSpace = classSpace, false
}

// word is an inline set apart, read as a word: a code span, an image, an
// autolink.
func (t *typographer) word() {
	t.prev, t.skipSpace = classWord, false
}

// opens decides whether a quote mark between what comes before it
// (t.prev) and next opens a quotation; open is how many of its kind are
// open.
func (t *typographer) opens(next charClass, open int) bool {
	before := t.prev == classSpace || t.prev == classOpen // nothing to close
	after := next == classSpace || next == classPunct     // nothing to open
	switch {
	case before && !after:
		return true
	case after && !before:
		return false
	}
	return open == 0
}

// appendQuote appends an opening or closing mark, inner (single) or not.
func (t *typographer) appendQuote(dst []byte, open, inner bool) []byte {
	m := t.marks
	count := &t.double
	mark := m.Open
	switch {
	case open && inner:
		count, mark = &t.single, m.InnerOpen
	case !open && inner:
		count, mark = &t.single, m.InnerClose
	case !open:
		mark = m.Close
	}
	if open {
		*count++
		dst = append(dst, mark...)
		t.prev = classOpen
		if m.Space != "" {
			dst = append(dst, m.Space...)
			t.skipSpace = true
		}
		return dst
	}
	*count = max(*count-1, 0)
	if m.Space != "" {
		dst = append(trimLastSpace(dst), m.Space...)
	}
	t.prev, t.skipSpace = classPunct, false
	return append(dst, mark...)
}

// appendSingle appends what the straight single quote that src starts with
// stands for: an apostrophe (it's, ’90s, rock ’n’ roll, the students’
// books) or an inner quotation mark. It returns the bytes of src it read.
func (t *typographer) appendSingle(dst, src []byte, after charClass) ([]byte, int) {
	const apostrophe = "’"
	next := t.classAt(src, 1, after)
	before := t.prev == classSpace || t.prev == classOpen
	switch {
	case t.prev == classWord && next == classWord:
		// Inside a word: it's, l'homme.
	case before && isDecade(src[1:]):
		// ’90s.
	case before && len(src) >= 3 && src[1] == 'n' && src[2] == '\'' && !startsWord(src[3:]):
		// Rock ’n’ roll.
		t.prev = classWord
		return append(dst, "’n’"...), 3
	case t.opens(next, t.single):
		return t.appendQuote(dst, true, true), 1
	case t.single > 0:
		return t.appendQuote(dst, false, true), 1
	}
	t.prev, t.skipSpace = classWord, false
	return append(dst, apostrophe...), 1
}

// isDecade says s starts with two digits and no third: '90s, '08.
func isDecade(s []byte) bool {
	return len(s) >= 2 && isDigit(s[0]) && isDigit(s[1]) && (len(s) == 2 || !isDigit(s[2]))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// startsWord says s starts with a letter or digit.
func startsWord(s []byte) bool {
	r, _ := utf8.DecodeRune(s)
	return len(s) > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// classAt is the class of the character at src[i], or after at the end of
// src. An escaped character is the character.
func (t *typographer) classAt(src []byte, i int, after charClass) charClass {
	if i >= len(src) {
		return after
	}
	if src[i] == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]) {
		i++
	}
	r, _ := utf8.DecodeRune(src[i:])
	return t.classOf(r)
}

// classOf is the class of r. The language's own marks count as it uses
// them: “ opens in English and closes in German.
func (t *typographer) classOf(r rune) charClass {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch {
	case unicode.IsSpace(r):
		return classSpace
	case isMark(r, t.marks.Open, t.marks.InnerOpen):
		return classOpen
	case isMark(r, t.marks.Close, t.marks.InnerClose):
		return classPunct
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return classIdeo
	case unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pd), r == '¿', r == '¡':
		return classOpen
	case unicode.IsPunct(r):
		return classPunct
	}
	return classWord
}

// isMark says r is the mark a or b (each one character, or "").
func isMark(r rune, a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return r == ra || r == rb
}

// asciiClass is the class of each ASCII character.
var asciiClass = func() (c [utf8.RuneSelf]charClass) {
	for i := range c {
		switch r := rune(i); {
		case r == 0, r == ' ', r == '\t', r == '\n', r == '\r', r == '\v', r == '\f':
			c[i] = classSpace
		case strings.ContainsRune("([{", r):
			c[i] = classOpen
		case unicode.IsPunct(r):
			c[i] = classPunct
		default:
			c[i] = classWord
		}
	}
	return c
}()

// spaceLen is the length of the space that s starts with: a space, a
// no-break space or a narrow no-break space; 0 if none.
func spaceLen(s []byte) int {
	if len(s) > 0 && s[0] == ' ' {
		return 1
	}
	if r, n := utf8.DecodeRune(s); r == '\u00a0' || r == '\u202f' {
		return n
	}
	return 0
}

// trimLastSpace drops the space that b ends with, if any: a closing mark
// that brings its own replaces it.
func trimLastSpace(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == ' ' {
		return b[:n-1]
	}
	if r, n := utf8.DecodeLastRune(b); r == '\u00a0' || r == '\u202f' {
		return b[:len(b)-n]
	}
	return b
}

// runLen is how many times c repeats at the start of s.
func runLen(s []byte, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// needsTypography says whether s holds anything a typographer changes.
func needsTypography(s string) bool {
	return strings.ContainsAny(s, `"'`) || strings.Contains(s, "--") || strings.Contains(s, "...")
}

// text sets the language's punctuation in a plain text on its own: a
// title, a dek, a speaker's role.
func (t *typographer) text(s string) string {
	if !needsTypography(s) {
		return s
	}
	f := t.fresh()
	// Room for a few marks longer than the characters they replace.
	dst := make([]byte, 0, len(s)+16)
	return string(f.appendText(dst, []byte(s), false, classSpace))
}

// title sets the language's punctuation in the Markdown source of a link's
// or image's title, escapes resolved.
func (t *typographer) title(src []byte) string {
	f := t.fresh()
	return string(f.appendText(nil, src, true, classSpace))
}
