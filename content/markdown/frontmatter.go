package markdown

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"backstory/content"

	"go.yaml.in/yaml/v3"
)

// frontMatterKeys are the keys the front matter may have, in the order the
// format documents them.
var frontMatterKeys = []string{
	"title", "slug", "dek", "byline", "published", "updated",
	"lang", "dir", "tags", "canonical", "image", "translations",
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	langPattern = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)
	yamlLine    = regexp.MustCompile(`^yaml: line (\d+): `)
)

// readFrontMatter fills the article's metadata from the YAML front matter
// raw, which starts on line firstLine of the file.
func (b *builder) readFrontMatter(decode func(any) error, firstLine int) {
	var doc yaml.Node
	if err := decode(&doc); err != nil {
		b.yamlError(err, firstLine)
		return
	}
	if len(doc.Content) == 0 {
		b.problemAt(firstLine-1, 1, "the front matter is empty: it needs at least a title")
		return
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		b.problemAt(firstLine-1+root.Line, root.Column, "the front matter must be a list of key: value lines")
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		line, col := firstLine-1+key.Line, key.Column
		if !slices.Contains(frontMatterKeys, key.Value) {
			b.problemAt(line, col, fmt.Sprintf("unknown front matter key %q (known keys: %s)", key.Value, strings.Join(frontMatterKeys, ", ")))
			continue
		}
		if seen[key.Value] {
			b.problemAt(line, col, fmt.Sprintf("front matter key %q is given twice", key.Value))
			continue
		}
		seen[key.Value] = true
		vline, vcol := firstLine-1+value.Line, value.Column
		switch key.Value {
		case "tags":
			b.article.Tags = b.stringList(value, vline, vcol)
			continue
		case "translations":
			b.article.Translations = b.translations(value, firstLine-1)
			continue
		}
		if value.Kind != yaml.ScalarNode {
			b.problemAt(vline, vcol, fmt.Sprintf("%s must be a single value, not a list or map", key.Value))
			continue
		}
		b.frontMatterField(key.Value, oneLine(value.Value), vline, vcol)
	}
	if !seen["title"] {
		b.problemAt(1, 1, "the front matter needs a title: add a line \"title: …\"")
	}
}

func (b *builder) frontMatterField(key, v string, line, col int) {
	a := b.article
	switch key {
	case "title":
		if v == "" {
			b.problemAt(line, col, "title must not be empty")
		}
		a.Title = v
	case "slug":
		if !slugPattern.MatchString(v) {
			b.problemAt(line, col, fmt.Sprintf("slug %q must be lowercase letters, digits and single hyphens, as in blinken-meets-xi", v))
		}
		a.Slug = v
	case "dek":
		a.Dek = v
	case "byline":
		a.Byline = v
	case "published", "updated":
		t, err := parseDate(v)
		if err != nil {
			b.problemAt(line, col, fmt.Sprintf("%s: %v", key, err))
		}
		if key == "published" {
			a.Published = t
		} else {
			a.Updated = t
		}
	case "lang":
		if !langPattern.MatchString(v) {
			b.problemAt(line, col, fmt.Sprintf("lang %q is not a language tag such as en, de or pt-BR", v))
		}
		a.Lang = v
	case "dir":
		if v != "ltr" && v != "rtl" {
			b.problemAt(line, col, fmt.Sprintf("dir must be ltr or rtl, not %q", v))
		}
		a.Dir = v
	case "canonical":
		a.Canonical = b.checkURLAt(v, line, col, "canonical", absoluteOnly)
	case "image":
		a.Image = b.checkURLAt(v, line, col, "image", imageURL)
	}
}

func (b *builder) stringList(n *yaml.Node, line, col int) []string {
	if n.Kind != yaml.SequenceNode {
		b.problemAt(line, col, "tags must be a list, as in tags: [diplomacy, china]")
		return nil
	}
	var list []string
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || strings.TrimSpace(item.Value) == "" {
			b.problemAt(line-n.Line+item.Line, item.Column, "each tag must be a non-empty word or phrase")
			continue
		}
		list = append(list, oneLine(item.Value))
	}
	return list
}

// translations reads the versions of the article in other languages: a
// map from language to slug, as in translations: {fr: blinken-rencontre-xi}.
// offset is the line before the front matter's first.
func (b *builder) translations(n *yaml.Node, offset int) []content.Translation {
	if n.Kind != yaml.MappingNode {
		b.problemAt(offset+n.Line, n.Column, "translations must map languages to slugs, as in translations: {fr: blinken-rencontre-xi}")
		return nil
	}
	var out []content.Translation
	for i := 0; i+1 < len(n.Content); i += 2 {
		lang, slug := n.Content[i], n.Content[i+1]
		switch {
		case !langPattern.MatchString(lang.Value):
			b.problemAt(offset+lang.Line, lang.Column, fmt.Sprintf("translations: %q is not a language tag such as fr, de or pt-BR", lang.Value))
		case slug.Kind != yaml.ScalarNode || !slugPattern.MatchString(slug.Value):
			b.problemAt(offset+slug.Line, slug.Column, fmt.Sprintf("translations: the %s version must be an article's slug, as in blinken-rencontre-xi", lang.Value))
		default:
			out = append(out, content.Translation{Lang: lang.Value, Slug: slug.Value})
		}
	}
	return out
}

// yamlError reports a YAML syntax error at its line in the file.
func (b *builder) yamlError(err error, firstLine int) {
	line, msg := yamlErrorLine(err)
	b.problemAt(firstLine-1+max(line, 1), 1, "bad front matter YAML: "+msg)
}

// yamlErrorLine is the line of the YAML text (from 1; 0 if the error does
// not say) where a syntax error is, and the error's message without it.
func yamlErrorLine(err error) (line int, msg string) {
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimPrefix(msg, m[0])
	}
	return line, strings.TrimPrefix(msg, "yaml: ")
}

// parseDate reads an RFC 3339 time or a YYYY-MM-DD date.
func parseDate(v string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date: write YYYY-MM-DD or an RFC 3339 time such as 2023-06-19T14:30:00+08:00", v)
}

// slugFromName derives a slug from a file name: "Blinken meets Xi.md" →
// "blinken-meets-xi".
func slugFromName(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	return Slugify(base)
}

// frontMatterEnd returns the line after the closing delimiter of the front
// matter that opens src, or 0 when the front matter is never closed.
// The closing line must repeat the opening one, as goldmark's front matter
// parser requires.
func frontMatterEnd(src []byte) int {
	line, rest, _ := bytes.Cut(src, []byte("\n"))
	open := bytes.TrimRight(line, "\r")
	for n := 2; len(rest) > 0; n++ {
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if bytes.Equal(bytes.TrimRight(line, "\r"), open) {
			return n + 1
		}
	}
	return 0
}

// oneLine collapses runs of white space, line ends included, into single
// spaces: metadata is shown on one line.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether s is on one line already: words separated by
// single spaces, as strings.Fields sees them. It spares oneLine two
// allocations for nearly every title, attribute and label.
func isOneLine(s string) bool {
	space := true // at the start, or after a space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if space {
					return false
				}
				space = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}
