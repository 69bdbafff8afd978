// Package catalog holds the translation files of the UI's words, one per
// language, and gives the words of a language merged over English's for
// the words its file lacks.
//
// The files are i18next JSON v4, which translation tools read and write:
// one flat object of words by key, variables written {{name}}, and a word
// that depends on a number given once per CLDR plural category of the
// language, key_one, key_few, key_other… English's file, en.json, names
// every key; the others are named by their language tag, fr.json,
// pt-BR.json.
//
// The package is the server's: it embeds every file, which the wasm must
// not carry. A page carries the i18n.Words of its language instead.
package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"backstory/i18n"
)

// English is the language whose file names every key, and whose words
// stand in for the words another language lacks.
const English = "en"

//go:embed locales/*.json
var locales embed.FS

// Catalog is a set of translation files and the merged words of each
// language. It does not change once loaded, and is safe for concurrent
// use.
type Catalog struct {
	// files are the translation files by normalized tag.
	files map[string]*file
	// english is English's file.
	english *file
	// stems are the keys of English's words that depend on a number:
	// "article_reading_time" for article_reading_time_one and _other.
	stems []string
	// merged are the words of each file's language, merged over the
	// files of less specific tags and English's, by normalized tag.
	merged map[string]map[string]string
}

// Load reads the translation files the program embeds (locales/*.json).
func Load() (*Catalog, error) {
	return load(locales, "locales")
}

// LoadFS reads the translation files at the root of fsys: a file
// TAG.json for each language, en.json among them.
func LoadFS(fsys fs.FS) (*Catalog, error) {
	return load(fsys, ".")
}

func load(fsys fs.FS, dir string) (*Catalog, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	c := &Catalog{files: map[string]*file{}, merged: map[string]map[string]string{}}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading a translation file: %w", err)
		}
		f, err := parseFile(name, strings.TrimSuffix(path.Base(name), ".json"), data)
		if err != nil {
			return nil, err
		}
		tag := normalize(f.tag)
		if other, ok := c.files[tag]; ok {
			return nil, fmt.Errorf("%s and %s are files of the same language", other.name, f.name)
		}
		c.files[tag] = f
	}
	c.english = c.files[English]
	if c.english == nil {
		return nil, fmt.Errorf("no translation file for English (%s): it names every key", path.Join(dir, "en.json"))
	}
	c.stems = pluralStems(c.english.words)
	for tag := range c.files {
		c.merged[tag] = c.merge(c.chain(tag))
	}
	return c, nil
}

// Words are the words of lang: those of its file, or of the file of a less
// specific tag (pt-BR's are pt's, zh-Hans's zh's), with English's for the
// keys the files lack. A word that depends on a number takes the forms of
// the first file that gives any, never a mix of two languages' forms.
// Lang is lang as asked ("en" for ""), Dir its direction.
//
// The Strings of the Words are shared by every caller asking for the same
// language: callers must not modify them.
func (c *Catalog) Words(lang string) i18n.Words {
	if strings.TrimSpace(lang) == "" {
		lang = English
	}
	words := c.merged[English]
	if files := c.chain(lang); len(files) > 0 {
		words = c.merged[normalize(files[0].tag)]
	}
	return i18n.Words{Lang: lang, Dir: i18n.Direction(lang), Strings: words}
}

// Has reports whether lang has words of its own: a file for its tag or for
// a less specific one (pt-BR has pt's).
func (c *Catalog) Has(lang string) bool {
	return len(c.chain(lang)) > 0
}

// Languages are the tags of the translation files, as their files are
// named, sorted.
func (c *Catalog) Languages() []string {
	var tags []string
	for _, f := range c.files {
		tags = append(tags, f.tag)
	}
	slices.Sort(tags)
	return tags
}

// chain are the files whose words are lang's, most specific first.
func (c *Catalog) chain(lang string) []*file {
	var files []*file
	for _, tag := range candidates(lang) {
		if f, ok := c.files[tag]; ok {
			files = append(files, f)
		}
	}
	return files
}

// merge merges the words of files, most specific first, over English's.
func (c *Catalog) merge(files []*file) map[string]string {
	words := map[string]string{}
	all := append(slices.Clone(files), c.english)
	for _, f := range slices.Backward(all) {
		for k, v := range f.words {
			if _, ok := c.stemOf(k); !ok {
				words[k] = v
			}
		}
	}
	for _, stem := range c.stems {
		for _, f := range all {
			if forms := pluralForms(f.words, stem); len(forms) > 0 {
				for _, cat := range forms {
					words[stem+"_"+string(cat)] = f.words[stem+"_"+string(cat)]
				}
				break
			}
		}
	}
	return words
}
