package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/text"
)

// parseOpening reads "name[label]{attrs}" (the part of an opening fence after
// the colons) into card. offset is the byte offset of rest in the source. The
// label becomes the card's first child, a CardLabel of the text between the
// brackets, for goldmark to read as inline Markdown. A malformed line is
// recorded in card.Syntax; the card still opens, so that its content is
// parsed and no text is lost.
func parseOpening(card *Card, rest []byte, offset int) {
	s := string(rest)
	s = strings.TrimRight(s, " \t\r\n")
	i := 0
	for i < len(s) && isNameByte(s[i], i == 0) {
		i++
	}
	card.Name = s[:i]
	if card.Name == "" {
		card.Syntax = "a card needs a kind after \":::\", as in :::background[Title] or :::quote{by=\"…\"}"
		card.SyntaxOffset = offset
		return
	}
	if i < len(s) && s[i] == '[' {
		n, ok := labelLength(s[i:])
		if !ok {
			card.Syntax = "the card's [label] has no closing ]"
			card.SyntaxOffset = offset + i
			return
		}
		start, end := i+1, i+n-1
		for start < end && isSpaceOrTab(s[start]) {
			start++
		}
		for end > start && isSpaceOrTab(s[end-1]) {
			end--
		}
		card.AppendChild(card, NewCardLabel(text.NewSegment(offset+start, offset+end)))
		i += n
	}
	if i < len(s) && s[i] == '{' {
		attrs, n, msg, at := readAttrs(s[i:], offset+i)
		card.Attrs = attrs
		if msg != "" {
			card.Syntax, card.SyntaxOffset = msg, at
			return
		}
		i += n
	}
	if rest := strings.TrimSpace(s[i:]); rest != "" {
		card.Syntax = "unexpected " + quoteStart(rest) + " after the card's kind, [label] and {attributes}"
		card.SyntaxOffset = offset + i
	}
}

func isNameByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	case first:
		return false
	}
	return c >= '0' && c <= '9' || c == '-' || c == '_'
}

// labelLength measures "[label]", brackets included: nested brackets
// balance, and a backslash escapes a bracket, as in remark-directive. What is
// between the brackets is read later, as inline Markdown.
func labelLength(s string) (int, bool) {
	depth := 0
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i++
		case c == '[':
			depth++
		case c == ']':
			if depth == 0 {
				return i + 1, true
			}
			depth--
		}
	}
	return 0, false
}

func isSpaceOrTab(c byte) bool { return c == ' ' || c == '\t' }

// decodeCharRefs decodes the character references of an attribute value
// ("A &amp; B" is "A & B"), each once, as remark-directive does; what is
// not one stays as written.
func decodeCharRefs(v string) string {
	if !strings.Contains(v, "&") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '&' {
			if r, n := charRef([]byte(v[i:])); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// readAttrs reads "{#id .class key=value key="quoted value"}". It returns the
// attributes, the bytes read, and on a syntax error a message and its offset.
func readAttrs(s string, offset int) (attrs []cardAttr, n int, msg string, at int) {
	// Room for as many attributes as there are "=", "#" and "." (more
	// than enough) spares growing the list one by one.
	attrs = make([]cardAttr, 0, strings.Count(s, "=")+strings.Count(s, "#")+strings.Count(s, "."))
	i := 1
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return attrs, 0, "the card's {attributes} have no closing }", offset
		}
		start := i
		switch c := s[i]; {
		case c == '}':
			return attrs, i + 1, "", 0
		case c == '#' || c == '.':
			// The shorthands: #id and .class.
			key, example := "id", "an id, as in {#one-china}"
			if c == '.' {
				key, example = "class", "a class, as in {.pull}"
			}
			i++
			j := i
			for j < len(s) && isIDByte(s[j]) {
				j++
			}
			if j == i {
				return attrs, 0, "\"" + string(c) + "\" must be followed by " + example, offset + start
			}
			attrs = append(attrs, cardAttr{Key: key, Value: s[i:j], Offset: offset + start})
			i = j
		case isNameByte(c, true):
			j := i
			for j < len(s) && isNameByte(s[j], false) {
				j++
			}
			key := s[i:j]
			i = j
			if i >= len(s) || s[i] != '=' {
				return attrs, 0, "attribute " + key + " needs a value, as in " + key + "=\"…\"", offset + start
			}
			i++
			value, m, ok := readValue(s[i:])
			if !ok {
				return attrs, 0, "the value of " + key + " has no closing quote", offset + start
			}
			if m == 0 {
				return attrs, 0, "attribute " + key + " needs a value, as in " + key + "=\"…\"", offset + start
			}
			attrs = append(attrs, cardAttr{Key: key, Value: decodeCharRefs(value), Offset: offset + start})
			i += m
		default:
			return attrs, 0, "unexpected " + quoteStart(s[i:]) + " in the card's {attributes}", offset + start
		}
	}
}

// readValue reads a quoted ("…" or '…') or bare value.
func readValue(s string) (string, int, bool) {
	if s == "" {
		return "", 0, true
	}
	if q := s[0]; q == '"' || q == '\'' {
		// Without backslashes, the value is a piece of s.
		if end := strings.IndexByte(s[1:], q); end >= 0 && strings.IndexByte(s[1:1+end], '\\') < 0 {
			return s[1 : 1+end], end + 2, true
		}
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch {
			case s[i] == '\\' && i+1 < len(s) && (s[i+1] == q || s[i+1] == '\\'):
				b.WriteByte(s[i+1])
				i++
			case s[i] == q:
				return b.String(), i + 1, true
			default:
				b.WriteByte(s[i])
			}
		}
		return "", 0, false
	}
	i := 0
	for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '}' && s[i] != '"' && s[i] != '\'' {
		i++
	}
	return s[:i], i, true
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// quoteStart quotes the first few characters of s for a message.
func quoteStart(s string) string {
	const limit = 12
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:limit]) + "…"
	}
	return "\"" + s + "\""
}
