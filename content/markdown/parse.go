package markdown

import (
	"bytes"
	"sync"

	"backstory/content"
	"backstory/i18n"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// Parser parses articles. Build it once with NewParser and reuse it; it is
// safe for concurrent use.
type Parser struct {
	md goldmark.Markdown
	// lang is the language of articles that name none: the site's.
	lang string
}

// NewParser returns a Parser for backstory's Markdown: CommonMark, GFM
// tables, strikethrough and autolinks, YAML front matter, and cards.
func NewParser() *Parser {
	return &Parser{md: goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		&frontmatter.Extender{Formats: []frontmatter.Format{yamlFormat}},
		Cards,
	)), lang: "en"}
}

// WithLang returns a parser like p whose articles are in lang when their
// front matter names no language: the site's language.
func (p *Parser) WithLang(lang string) *Parser {
	q := *p
	if lang != "" {
		q.lang = lang
	}
	return &q
}

// Lang is the language of articles that name none.
func (p *Parser) Lang() string { return p.lang }

// yamlFormat is front matter in YAML between "---" lines, read with the
// maintained go.yaml.in/yaml/v3 (gopkg.in/yaml.v3 is archived), simple front
// matter without it (see unmarshalYAML).
var yamlFormat = frontmatter.Format{Name: "YAML", Delim: '-', Unmarshal: unmarshalYAML}

var defaultParser = sync.OnceValue(NewParser)

// Parse parses one article with a shared Parser. See Parser.Parse.
func Parse(name string, src []byte) (content.Article, error) {
	return defaultParser().Parse(name, src)
}

// Parse turns the Markdown source of the file name into an article. On
// failure the error is a content.Problems listing every problem in the file,
// each as file:line:col: message.
func (p *Parser) Parse(name string, src []byte) (content.Article, error) {
	b := newBuilder(name, src, p.lang)
	if len(bytes.TrimSpace(src)) == 0 {
		b.problemAt(1, 1, "the file is empty: an article needs front matter with a title, and a body")
		return content.Article{}, b.problems
	}
	if b.checkSource(); len(b.problems) > 0 {
		return content.Article{}, b.problems
	}
	pc := parser.NewContext()
	doc := p.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	fmEnd := frontMatterEnd(src)
	switch fm := frontmatter.Get(pc); {
	case fm == nil:
		b.problemAt(1, 1, "an article starts with front matter: a line \"---\", a line \"title: …\", and a closing \"---\"")
	case fmEnd == 0:
		b.problemAt(1, 1, "the front matter opened here is never closed with a line \"---\"")
	default:
		b.readFrontMatter(fm.Decode, 2)
	}
	a := b.article
	if a.Slug == "" {
		a.Slug = slugFromName(name)
		if !slugPattern.MatchString(a.Slug) {
			b.problemAt(1, 1, "cannot derive a slug from the file name "+quoteStart(name)+": add a line \"slug: …\" to the front matter")
		}
	}
	if a.Lang == "" {
		a.Lang = p.lang
	}
	if a.Dir == "" {
		a.Dir = i18n.Direction(a.Lang)
	}
	b.typo = newTypographer(a.Lang)
	a.Title, a.Dek, a.Byline = b.typo.text(a.Title), b.typo.text(a.Dek), b.typo.text(a.Byline)

	b.assignCardIDs(doc)
	a.Blocks = b.blocks(doc, 0)
	b.checkAnchors()
	if len(a.Blocks) == 0 && fmEnd != 0 {
		b.problemAt(fmEnd-1, 1, "the article has no text after its front matter")
	}
	if len(b.problems) > 0 {
		b.problems.Sort()
		return content.Article{}, b.problems
	}
	return *a, nil
}
