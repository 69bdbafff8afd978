package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"regexp"
	"slices"
	"strings"

	"backstory/content"
	"backstory/i18n"
	"backstory/internal/colour"

	"go.yaml.in/yaml/v3"
)

// siteKeys are the keys of site.yaml, in the order the docs give them.
// publisher and footer are maps of their own keys (linkKeys).
var siteKeys = []string{
	"name", "short_name", "tagline", "lang",
	"accent", "accent_dark", "theme_color", "theme_color_dark",
	"logo", "publisher", "footer",
}

// linkKeys are the keys of site.yaml's maps: publisher's and footer's.
var linkKeys = map[string][]string{
	"publisher": {"name", "url"},
	"footer":    {"text", "url"},
}

// A theme's backgrounds: the page's and the cards', which links are
// written on, as web/static/app.css sets --bg and --card-bg (a test
// checks).
var (
	lightBackgrounds = []background{{"the light theme's page", colour.MustParse("#fbfaf7")}, {"the light theme's cards", colour.MustParse("#f2efe8")}}
	darkBackgrounds  = []background{{"the dark theme's page", colour.MustParse("#151515")}, {"the dark theme's cards", colour.MustParse("#201f1d")}}
)

// background is a colour that text is written on, and where it is.
type background struct {
	where  string
	colour colour.RGB
}

// ParseSite reads the site's settings from src, the text of the settings
// file name (as problems show it), over DefaultSite: a key not given keeps
// its default. The logo the settings name is read from logos, the content
// folder. Each problem is at its line and column in the file.
//
// With problems, the site returned holds what could be read, LogoFile
// included even when the logo could not be: callers serve DefaultSite, or
// the last good settings, instead, and may follow LogoFile to know when to
// read the settings again.
func ParseSite(name string, src []byte, logos fs.FS) (content.Site, content.Problems) {
	r := &siteReader{file: name, site: content.DefaultSite(), logos: logos, lines: bytes.Count(src, []byte("\n")) + 1}
	root := r.document(src)
	if root == nil {
		return r.site, r.problems
	}
	values := r.mapping(root, "", siteKeys)
	for _, key := range siteKeys {
		if kv, ok := values[key]; ok {
			r.setting(key, kv)
		}
	}
	r.defaults(values)
	r.problems.Sort()
	return r.site, r.problems
}

// siteReader reads site.yaml's settings into site.
type siteReader struct {
	file     string
	site     content.Site
	logos    fs.FS
	problems content.Problems
	// lines is how many lines the file has, as editors count them: the
	// YAML library also counts a lone "\r" as a line break.
	lines int
}

// keyValue is a key of a map and its value.
type keyValue struct{ key, value *yaml.Node }

func (r *siteReader) problemAt(n *yaml.Node, msg string) {
	r.problemAtLine(n.Line, n.Column, msg)
}

func (r *siteReader) problemAtLine(line, col int, msg string) {
	r.problems = append(r.problems, content.Problem{File: r.file, Line: min(max(line, 1), r.lines), Col: max(col, 1), Message: msg})
}

// document is the map at the top of the file; nil if the file is empty
// (all defaults) or has problems.
func (r *siteReader) document(src []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		line, msg := yamlErrorLine(err)
		r.problemAtLine(line, 1, "bad YAML: "+msg)
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		r.problemAtLine(next.Line, 1, "the settings are one YAML document: remove this \"---\" and what follows, or merge it into the first")
	}
	if len(doc.Content) == 0 || doc.Content[0].ShortTag() == "!!null" {
		return nil // nothing set: "---" alone, say
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.problemAt(root, "the settings must be lines of key: value, as in name: The Daily Example")
		return nil
	}
	return root
}

// mapping reads the keys and values of the map n, the value of the key
// parent ("" at the top), which may have the keys known. Unknown keys and
// keys given twice are problems, and left out.
func (r *siteReader) mapping(n *yaml.Node, parent string, known []string) map[string]keyValue {
	values := map[string]keyValue{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		_, dup := values[key.Value]
		switch {
		case !slices.Contains(known, key.Value):
			r.problemAt(key, unknownKey(key.Value, parent, known))
		case dup:
			r.problemAt(key, fmt.Sprintf("%s is given twice: keep one", qualified(parent, key.Value)))
		default:
			values[key.Value] = keyValue{key, value}
		}
	}
	return values
}

// setting reads the value of one of siteKeys.
func (r *siteReader) setting(key string, kv keyValue) {
	s := &r.site
	switch key {
	case "name":
		s.Name = r.text(key, kv, true)
	case "short_name":
		s.ShortName = r.text(key, kv, false)
	case "tagline":
		s.Tagline = r.text(key, kv, false)
	case "lang":
		lang := r.text(key, kv, true)
		if lang != "" && !langPattern.MatchString(lang) {
			r.problemAt(kv.value, fmt.Sprintf("lang %q is not a language tag such as en, de or pt-BR", lang))
		}
		s.Lang, s.Dir = lang, i18n.Direction(lang)
	case "accent":
		s.Accent = r.colour(key, kv, lightBackgrounds)
	case "accent_dark":
		s.AccentDark = r.colour(key, kv, darkBackgrounds)
	case "theme_color":
		s.ThemeLight = r.colour(key, kv, nil)
	case "theme_color_dark":
		s.ThemeDark = r.colour(key, kv, nil)
	case "logo":
		s.LogoFile, s.Logo = r.logo(kv)
	case "publisher":
		s.Publisher = r.link(key, kv)
	case "footer":
		s.Footer = r.link(key, kv)
	}
}

// defaults fills in what follows from the settings given: the publisher's
// name from the site's, the dark theme's accent from the light one's.
func (r *siteReader) defaults(given map[string]keyValue) {
	s := &r.site
	if _, ok := given["publisher"]; !ok {
		s.Publisher.Name = s.Name
	}
	_, accent := given["accent"]
	if _, dark := given["accent_dark"]; accent && !dark && s.Accent != content.DefaultSite().Accent {
		if c, err := colour.Parse(s.Accent); err == nil {
			s.AccentDark = readableOn(c, darkBackgrounds).String()
		}
	}
}

// text reads a value that is a line of text. A required one must not be
// empty.
func (r *siteReader) text(key string, kv keyValue, required bool) string {
	v, ok := r.scalar(key, kv)
	if ok && required && v == "" {
		r.problemAt(kv.value, fmt.Sprintf("%s must not be empty", key))
	}
	return v
}

// scalar reads a value that is one value, not a list or a map, as one
// line; a null value is "".
func (r *siteReader) scalar(key string, kv keyValue) (string, bool) {
	if kv.value.Kind != yaml.ScalarNode {
		r.problemAt(kv.value, fmt.Sprintf("%s must be a single value, not a list or map", key))
		return "", false
	}
	if kv.value.ShortTag() == "!!null" {
		return "", true
	}
	return oneLine(kv.value.Value), true
}

// hexComment is a comment that YAML read where a colour was meant.
var hexComment = regexp.MustCompile(`^#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?$`)

// colour reads a colour. Given backgrounds, it must be readable as text on
// each of them (WCAG AA); the problem says which shade of it would be.
func (r *siteReader) colour(key string, kv keyValue, on []background) string {
	v, ok := r.scalar(key, kv)
	if !ok {
		return ""
	}
	if v == "" {
		if c := strings.TrimSpace(kv.key.LineComment + kv.value.LineComment); hexComment.MatchString(c) {
			r.problemAt(kv.value, fmt.Sprintf("%s is empty: in YAML, # starts a comment, so quote the colour: %s: %q", key, key, c))
			return ""
		}
		r.problemAt(kv.value, fmt.Sprintf("%s must be a colour, as in %s: \"#0b5cad\"", key, key))
		return ""
	}
	c, err := colour.Parse(v)
	if err != nil {
		r.problemAt(kv.value, fmt.Sprintf("%s: %v", key, err))
		return v
	}
	if bg, ratio := leastContrast(c, on); ratio < colour.AA {
		better := readableOn(c, on)
		r.problemAt(kv.value, fmt.Sprintf("%s %s has a contrast of %s:1 on %s (%s): link text needs %v:1 (WCAG AA); %s, a %s shade of it, has %s:1",
			key, c, ratioString(ratio), bg.where, bg.colour, colour.AA, better, darkerOrLighter(c, better), ratioString(leastContrastRatio(better, on))))
	}
	return c.String()
}

// leastContrast is the background of on on which c is least readable, and
// their contrast; a contrast of +Inf if on is empty.
func leastContrast(c colour.RGB, on []background) (background, float64) {
	var least background
	ratio := math.Inf(1)
	for _, bg := range on {
		if r := colour.Contrast(c, bg.colour); r < ratio {
			least, ratio = bg, r
		}
	}
	return least, ratio
}

func leastContrastRatio(c colour.RGB, on []background) float64 {
	_, ratio := leastContrast(c, on)
	return ratio
}

// readableOn is the shade of c nearest it that is readable (AA) on every
// background of on.
func readableOn(c colour.RGB, on []background) colour.RGB {
	for range len(on) + 1 {
		bg, ratio := leastContrast(c, on)
		if ratio >= colour.AA {
			break
		}
		c = colour.Readable(c, bg.colour, colour.AA)
	}
	return c
}

// ratioString writes a contrast ratio rounded down to two decimals, so that
// one short of a threshold never reads as reaching it.
func ratioString(ratio float64) string {
	return fmt.Sprintf("%.2f", math.Floor(ratio*100)/100)
}

func darkerOrLighter(from, to colour.RGB) string {
	if to.Luminance() < from.Luminance() {
		return "darker"
	}
	return "lighter"
}

// logo reads the logo's file: a path to an SVG file in the content folder.
// It returns the path (cleaned) even when the file cannot be read.
func (r *siteReader) logo(kv keyValue) (file string, svg []byte) {
	v, ok := r.scalar("logo", kv)
	if !ok {
		return "", nil
	}
	clean := path.Clean(v)
	switch {
	case v == "":
		r.problemAt(kv.value, "logo must be the path of an SVG file in the content folder, as in logo: logo.svg (leave it out for the built-in icon)")
		return "", nil
	case strings.Contains(v, "\\") || path.IsAbs(v) || !fs.ValidPath(clean):
		r.problemAt(kv.value, fmt.Sprintf("logo %q must be a path inside the content folder, relative to it, as in logo: images/logo.svg", v))
		return "", nil
	case !strings.EqualFold(path.Ext(clean), ".svg"):
		r.problemAt(kv.value, fmt.Sprintf("logo %q must be an SVG file (.svg): the icons are made from it at every size", v))
		return "", nil
	}
	svg, err := fs.ReadFile(r.logos, clean)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		r.problemAt(kv.value, fmt.Sprintf("logo %q does not exist in the content folder", v))
		return clean, nil
	case err != nil:
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err
		}
		r.problemAt(kv.value, fmt.Sprintf("logo %q cannot be read: %v", v, err))
		return clean, nil
	case !bytes.Contains(svg, []byte("<svg")):
		r.problemAt(kv.value, fmt.Sprintf("logo %q is not an SVG image: it has no <svg> element", v))
		return clean, nil
	}
	return clean, svg
}

// link reads publisher or footer: a map of a text (name for the publisher)
// and a URL, an absolute http(s) one.
func (r *siteReader) link(key string, kv keyValue) content.Link {
	if kv.value.Kind != yaml.MappingNode {
		if kv.value.ShortTag() == "!!null" && key == "publisher" {
			return content.Link{Name: r.site.Name}
		} else if kv.value.ShortTag() == "!!null" {
			return content.Link{}
		}
		example := map[string]string{"publisher": "{name: The Daily Example, url: \"https://news.example\"}", "footer": "{text: About us, url: \"https://news.example/about\"}"}[key]
		r.problemAt(kv.value, fmt.Sprintf("%s must be a map of %s, as in %s: %s", key, strings.Join(linkKeys[key], " and "), key, example))
		return content.Link{}
	}
	textKey := linkKeys[key][0]
	values := r.mapping(kv.value, key, linkKeys[key])
	var l content.Link
	if t, ok := values[textKey]; ok {
		l.Name = r.text(key+"."+textKey, t, true)
	}
	if u, ok := values["url"]; ok {
		if raw, ok := r.scalar(key+".url", u); ok {
			var err error
			if l.URL, err = validURL(raw, absoluteOnly); err != nil {
				r.problemAt(u.value, fmt.Sprintf("%s.url %s: %v", key, quoteStart(raw), err))
			}
		}
	}
	if _, ok := values[textKey]; !ok && key == "footer" && l.URL != "" {
		r.problemAt(kv.key, "footer needs a text to link from: add text: … under footer")
	}
	if _, ok := values[textKey]; !ok && key == "publisher" {
		l.Name = r.site.Name // read before: siteKeys has name first
	}
	return l
}

// qualified names a key in a map: "publisher.name", or "name" at the top.
func qualified(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// unknownKey says that key is not a key of parent's map, with the known key
// it looks like a misspelling of, or the known keys.
func unknownKey(key, parent string, known []string) string {
	where := ""
	if parent != "" {
		where = " in " + parent
	}
	if guess := closestKey(key, known); guess != "" {
		return fmt.Sprintf("unknown key %q%s: did you mean %s?", key, where, guess)
	}
	return fmt.Sprintf("unknown key %q%s (known keys: %s)", key, where, strings.Join(known, ", "))
}

// keyAliases are keys people write for the settings of other names.
var keyAliases = map[string]string{
	"title": "name", "site_name": "name", "description": "tagline", "language": "lang",
	"color": "accent", "accent_color": "accent", "theme": "theme_color",
	"icon": "logo", "favicon": "logo",
}

// closestKey is the known key that key looks like a misspelling or another
// spelling of, or "".
func closestKey(key string, known []string) string {
	norm := strings.ReplaceAll(snakeCase(key), "colour", "color")
	if lower := strings.ToLower(key); slices.Contains(known, lower) {
		return lower
	}
	if slices.Contains(known, norm) {
		return norm
	}
	if alias, ok := keyAliases[norm]; ok && slices.Contains(known, alias) {
		return alias
	}
	best, bestDist := "", 3 // at most two edits away
	for _, k := range known {
		if d := editDistance(norm, k); d < bestDist && d < len(k) {
			best, bestDist = k, d
		}
	}
	return best
}

// snakeCase writes shortName, short-name or Short Name as short_name.
func snakeCase(s string) string {
	var b strings.Builder
	for i, c := range s {
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 && !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
			b.WriteRune(c + 'a' - 'A')
		case c == '-' || c == ' ':
			b.WriteByte('_')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
