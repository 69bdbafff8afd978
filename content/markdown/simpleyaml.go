package markdown

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// unmarshalYAML is the front matter's YAML decoder: yaml.Unmarshal, with a
// shortcut for the simple front matter nearly every article has (see
// simpleYAML). The YAML library takes a tenth of an article's parse time and
// half of its allocations for what is, in the common case, a handful of
// "key: value" lines.
func unmarshalYAML(data []byte, v any) error {
	if n, ok := v.(*yaml.Node); ok && simpleYAML(data, n) {
		return nil
	}
	return yaml.Unmarshal(data, v)
}

// simpleYAML reads YAML written in a plain subset of the language into n,
// and reports whether it could. The subset is a mapping at the left margin,
// one entry a line, each "key: value" or "key: [value, value]", where a key
// is a letter followed by letters, digits, hyphens and underscores, and a
// value is a plain scalar on one line or a quoted one without escapes;
// empty lines may come between. Everything else, and anything of which
// there is doubt (tabs, carriage returns, comments, trailing spaces,
// indicators, empty values), is left to yaml.Unmarshal.
//
// n gets the tree yaml.Unmarshal builds, but for the nodes' Tag, left empty
// (Node.ShortTag resolves it as the library would). FuzzSimpleYAML checks
// that against the YAML library.
func simpleYAML(data []byte, n *yaml.Node) bool {
	if !simpleYAMLText(data) {
		return false
	}
	// One string for every value, a slice for every node, a slice for
	// every node's Content: three allocations in all.
	src := string(data)
	type item struct {
		value string
		col   int
		style yaml.Style
	}
	type entry struct {
		line, valueCol int
		key            string
		value          string
		style          yaml.Style
		seq            bool
		items          int // the entry's items are items[first : first+items]
		first          int
	}
	var (
		entryBuf [16]entry
		itemBuf  [32]item
	)
	entries, items := entryBuf[:0], itemBuf[:0]
	for lineNo, rest := 1, src; rest != ""; lineNo++ {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		if line == "" {
			continue
		}
		k := 0
		for k < len(line) && isNameByte(line[k], k == 0) {
			k++
		}
		if k == 0 || k > 128 || k+1 >= len(line) || line[k] != ':' || line[k+1] != ' ' {
			return false
		}
		v := k + 2
		for v < len(line) && line[v] == ' ' {
			v++
		}
		if v == len(line) || line[len(line)-1] == ' ' {
			return false
		}
		e := entry{line: lineNo, key: line[:k], valueCol: v + 1}
		switch line[v] {
		case '[':
			e.seq, e.first = true, len(items)
			i := v + 1
			for i < len(line) && line[i] == ' ' {
				i++
			}
			if i < len(line) && line[i] == ']' {
				if i != len(line)-1 {
					return false
				}
				break
			}
			for {
				start := i
				value, end, ok := flowItem(line, i)
				if !ok {
					return false
				}
				items = append(items, item{value: value, col: utf8.RuneCountInString(line[:start]) + 1, style: quoteStyle(line[start])})
				e.items++
				for i = end; i < len(line) && line[i] == ' '; i++ {
				}
				if i == len(line) {
					return false
				}
				if line[i] == ']' {
					if i != len(line)-1 {
						return false
					}
					break
				}
				if line[i] != ',' {
					return false
				}
				for i++; i < len(line) && line[i] == ' '; i++ {
				}
			}
		case '"', '\'':
			value, ok := quotedScalar(line[v:])
			if !ok || len(value)+2 != len(line)-v {
				return false
			}
			e.value, e.style = value, quoteStyle(line[v])
		default:
			if !plainScalar(line[v:]) {
				return false
			}
			e.value = line[v:]
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		return false
	}

	nodes := make([]yaml.Node, 2+2*len(entries)+len(items))
	content := make([]*yaml.Node, 1+2*len(entries)+len(items))
	doc, root := &nodes[0], &nodes[1]
	first := entries[0].line
	*doc = yaml.Node{Kind: yaml.DocumentNode, Line: first, Column: 1, Content: content[0:1:1]}
	content[0] = root
	*root = yaml.Node{Kind: yaml.MappingNode, Line: first, Column: 1, Content: content[1 : 1+2*len(entries) : 1+2*len(entries)]}
	nodes, content = nodes[2:], content[1+2*len(entries):]
	for i, e := range entries {
		key, value := &nodes[2*i], &nodes[2*i+1]
		root.Content[2*i], root.Content[2*i+1] = key, value
		*key = yaml.Node{Kind: yaml.ScalarNode, Value: e.key, Line: e.line, Column: 1}
		if !e.seq {
			*value = yaml.Node{Kind: yaml.ScalarNode, Style: e.style, Value: e.value, Line: e.line, Column: e.valueCol}
			continue
		}
		*value = yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Line: e.line, Column: e.valueCol, Content: content[:e.items:e.items]}
		content = content[e.items:]
		for j, it := range items[e.first : e.first+e.items] {
			node := &nodes[2*len(entries)+e.first+j]
			*node = yaml.Node{Kind: yaml.ScalarNode, Style: it.style, Value: it.value, Line: e.line, Column: it.col}
			value.Content[j] = node
		}
	}
	*n = *doc
	return true
}

// simpleYAMLText reports whether data has only characters that YAML reads
// as themselves: printable ones, spaces and line feeds; no tabs, carriage
// returns, byte order marks, or the line breaks of YAML 1.1 (U+0085,
// U+2028, U+2029).
func simpleYAMLText(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r < 0xa0, r == 0x2028, r == 0x2029, r >= 0xd800 && r <= 0xdfff,
			r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		case r == utf8.RuneError && size == 1: // not UTF-8
			return false
		}
		i += size
	}
	return true
}

// yamlIndicators are the characters that mean something at the start of a
// YAML scalar.
const yamlIndicators = "-?:,[]{}#&*!|>'\"%@`"

// plainScalar reports whether s, the rest of a line in a block mapping with
// no trailing space, is a plain scalar as it stands: it starts with no
// indicator and holds no ": ", " #" or final ":".
func plainScalar(s string) bool {
	if strings.IndexByte(yamlIndicators, s[0]) >= 0 || s[len(s)-1] == ':' {
		return false
	}
	return !strings.Contains(s, ": ") && !strings.Contains(s, " #")
}

// flowItem reads the item of a flow sequence at line[i]: a plain scalar
// without flow indicators, "?", "#" or ":" (all of which end or comment a
// plain scalar there), or a quoted scalar without escapes. It returns the
// item's value and where it ends.
func flowItem(line string, i int) (string, int, bool) {
	if i >= len(line) {
		return "", 0, false
	}
	if c := line[i]; c == '"' || c == '\'' {
		value, ok := quotedScalar(line[i:])
		return value, i + len(value) + 2, ok
	}
	if strings.IndexByte(yamlIndicators, line[i]) >= 0 {
		return "", 0, false
	}
	end := i
	for end < len(line) && strings.IndexByte(",?[]{}#:\"'", line[end]) < 0 {
		end++
	}
	value := strings.TrimRight(line[i:end], " ")
	return value, i + len(value), true
}

// quoteStyle is the style of a scalar that starts with c.
func quoteStyle(c byte) yaml.Style {
	switch c {
	case '"':
		return yaml.DoubleQuotedStyle
	case '\'':
		return yaml.SingleQuotedStyle
	}
	return 0
}

// quotedScalar reads a quoted scalar at the start of s, "…" or '…', with
// neither escapes nor, in the double-quoted form, backslashes.
func quotedScalar(s string) (string, bool) {
	q := s[0]
	end := strings.IndexByte(s[1:], q)
	if end < 0 {
		return "", false
	}
	value := s[1 : 1+end]
	if q == '"' && strings.IndexByte(value, '\\') >= 0 {
		return "", false
	}
	if q == '\'' && 2+end < len(s) && s[2+end] == '\'' {
		return "", false // '' is an escaped quote
	}
	return value, true
}
