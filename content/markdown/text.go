package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// unescape turns Markdown source text into the text a reader sees: it
// removes backslash escapes and resolves entity and numeric character
// references, as goldmark's HTML writer does, but without HTML-escaping.
func unescape(src []byte) string {
	return string(appendUnescaped(nil, src))
}

// appendUnescaped appends the unescaped src to dst.
func appendUnescaped(dst, src []byte) []byte {
	// Nearly all text has nothing to unescape. Three IndexByte calls, each
	// vectorised, find that out faster than IndexAny, a byte at a time.
	if bytes.IndexByte(src, '\\') < 0 && bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, 0) < 0 {
		return append(dst, src...)
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]):
			dst = append(dst, src[i+1])
			i++
		case c == 0:
			dst = utf8.AppendRune(dst, utf8.RuneError)
		case c == '&':
			if r, n := charRef(src[i:]); n > 0 {
				dst = append(dst, r...)
				i += n - 1
				continue
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// charRef reads a character reference (&amp; &#38; &#x26;) at the start of
// s, returning its text and length, or length 0 if there is none.
func charRef(s []byte) (string, int) {
	end := 1
	for end < len(s) && end < 40 && s[end] != ';' {
		end++
	}
	if end >= len(s) || s[end] != ';' || end == 1 {
		return "", 0
	}
	body := string(s[1:end])
	if body[0] == '#' {
		var v uint64
		var err error
		switch {
		case len(body) > 1 && (body[1] == 'x' || body[1] == 'X') && len(body) <= 8:
			v, err = strconv.ParseUint(body[2:], 16, 32)
		case len(body) <= 8:
			v, err = strconv.ParseUint(body[1:], 10, 32)
		default:
			return "", 0
		}
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(v))), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(body); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// Slugify turns a title into an id: lowercase ASCII letters and digits
// joined by single hyphens, with common accented letters folded. It returns
// "" when nothing is left.
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if folded, ok := latinFold[r]; ok {
			r = folded
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "China's" → "chinas"
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			hyphen = true
		}
	}
	return b.String()
}

// latinFold maps common accented Latin letters to their base letter.
var latinFold = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě",
		'g': "ĝğġģ", 'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ",
		'l': "ĺļľŀł", 'n': "ñńņňŉ", 'o': "òóôõöøōŏő", 'r': "ŕŗř",
		's': "śŝşšß", 't': "ţťŧ", 'u': "ùúûüũūŭůűų", 'w': "ŵ", 'y': "ýÿŷ",
		'z': "źżž",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()
