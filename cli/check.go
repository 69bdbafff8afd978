package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"
	"backstory/i18n/catalog"
)

func runCheck(ctx context.Context, env Env, args []string) int {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: backstory check [DIR|FILE…]\n\nParses articles, their shared cards (DIR/cards/*.md) and the site's settings\n(DIR/site.yaml, with the logo it names) and reports every problem as\nfile:line:col: message, and shared cards no article places as warnings.\nWith no arguments, checks the articles embedded in the binary.\nExits 0 when there are no problems (warnings allowed), 1 when there are.")
	}
	if err := fset.Parse(args); err != nil {
		return usageCode(err)
	}
	var c checker
	c.parser = markdown.NewParser()
	if fset.NArg() == 0 {
		c.dir(articles.FS, articles.Dir)
	}
	for _, arg := range fset.Args() {
		info, err := os.Stat(arg)
		switch {
		case err != nil:
			c.problems = append(c.problems, content.Problem{File: arg, Message: "cannot read: " + pathError(err)})
		case info.IsDir():
			c.dir(os.DirFS(arg), arg)
		default:
			c.file(arg)
		}
	}
	c.problems = append(c.problems, markdown.DuplicateSlugs(c.files)...)
	if err := c.checkLanguages(); err != nil {
		c.problems = append(c.problems, content.Problem{File: "i18n/catalog", Message: err.Error()})
	}
	c.problems.Sort()
	for _, p := range c.problems {
		fmt.Fprintln(env.Stderr, p.Error())
	}
	for _, w := range c.warnings {
		fmt.Fprintln(env.Stderr, w)
	}
	fmt.Fprintf(env.Stdout, "%s, %s", plural(c.articles, "article"), plural(c.cards, "card"))
	if c.shared > 0 {
		fmt.Fprintf(env.Stdout, " (%d shared)", c.shared)
	}
	fmt.Fprintf(env.Stdout, ", %s", plural(len(c.problems), "problem"))
	if len(c.warnings) > 0 {
		fmt.Fprintf(env.Stdout, ", %s", plural(len(c.warnings), "warning"))
	}
	fmt.Fprintln(env.Stdout)
	if len(c.problems) > 0 {
		return ExitProblems
	}
	return ExitOK
}

// checker gathers what check finds.
type checker struct {
	parser                  *markdown.Parser
	files                   []markdown.ParsedFile // by slug, for duplicates across arguments
	problems                content.Problems
	warnings                []string
	articles, cards, shared int
	langs                   map[string]string // the articles' languages, with where one was found
}

// language notes an article's language, found in file.
func (c *checker) language(lang, file string) {
	if c.langs == nil {
		c.langs = map[string]string{}
	}
	if _, seen := c.langs[strings.ToLower(lang)]; !seen {
		c.langs[strings.ToLower(lang)] = file
	}
}

// checkLanguages warns, once for each language of the articles, of the
// UI's words that are not translated into it: they show in English.
func (c *checker) checkLanguages() error {
	cat, err := catalog.Load()
	if err != nil {
		return err
	}
	for _, lang := range slices.Sorted(maps.Keys(c.langs)) {
		where := c.langs[lang]
		if !cat.Has(lang) {
			c.warnings = append(c.warnings, fmt.Sprintf("%s: warning: no translation of the UI into %q (i18n/catalog/locales/%s.json): its articles show the UI's words in English", where, lang, lang))
		} else if missing := cat.Missing(lang); len(missing) > 0 {
			c.warnings = append(c.warnings, fmt.Sprintf("%s: warning: the UI's translation into %q lacks %s, shown in English: %s", where, lang, plural(len(missing), "word"), strings.Join(missing, ", ")))
		}
	}
	return nil
}

// dir checks a directory of articles and its shared cards.
func (c *checker) dir(fsys fs.FS, display string) {
	names, err := fs.Glob(fsys, "*.md")
	if err == nil && len(names) == 0 {
		c.problems = append(c.problems, content.Problem{File: display, Message: "no *.md files in this directory"})
	}
	store, problems, err := c.parser.Load(fsys, display)
	if err != nil {
		c.problems = append(c.problems, content.Problem{File: display, Message: err.Error()})
		return
	}
	c.problems = append(c.problems, problems...)
	for _, p := range store.TranslationProblems() {
		c.problems = append(c.problems, content.Problem{File: display + " (" + p.Slug + ")", Message: p.Message})
	}
	c.articles += len(names)
	for _, sum := range store.Summaries() {
		c.language(sum.Lang, display)
		c.cards += len(store.CardIDs(sum.Slug))
		c.files = append(c.files, markdown.ParsedFile{Name: display + " (" + sum.Slug + ")", Article: content.Article{Slug: sum.Slug}})
	}
	for _, card := range store.SharedCards() {
		c.shared++
		if store.CardUses(card.ID) == 0 {
			file := path.Join(display, content.SharedCardsDir, card.ID+".md")
			c.warnings = append(c.warnings, fmt.Sprintf("%s: warning: no article places this card: place it with ::card{#%s}, or delete it", file, card.ID))
		}
	}
}

// file checks one article, with the shared cards of its directory, one
// shared card, or the site's settings.
func (c *checker) file(name string) {
	dir := filepath.Dir(name)
	if filepath.Base(name) == content.SiteFile {
		src, err := os.ReadFile(name)
		if err != nil {
			c.problems = append(c.problems, content.Problem{File: name, Message: "cannot read: " + pathError(err)})
			return
		}
		_, problems := markdown.ParseSite(name, src, os.DirFS(dir))
		c.problems = append(c.problems, problems...)
		return
	}
	if filepath.Base(dir) == content.SharedCardsDir {
		src, err := os.ReadFile(name)
		if err != nil {
			c.problems = append(c.problems, content.Problem{File: name, Message: "cannot read: " + pathError(err)})
			return
		}
		if _, err := c.parser.ParseCard(name, src); err != nil {
			c.problems = append(c.problems, problemsOf(err, name)...)
		}
		c.shared++
		c.cards++
		return
	}
	parsed, problems := c.parser.ParseFiles(os.DirFS(dir), []string{filepath.Base(name)}, dir)
	c.problems = append(c.problems, problems...)
	c.articles++
	if len(parsed) == 0 {
		return
	}
	cards, _ := c.parser.LoadCards(os.DirFS(dir), dir)
	entry, err := content.NewEntry(&parsed[0].Article)
	if err != nil {
		c.problems = append(c.problems, content.Problem{File: name, Message: err.Error()})
		return
	}
	_, ps := entry.Resolve(cards)
	for _, p := range ps {
		p.File = parsed[0].Name
		c.problems = append(c.problems, p)
	}
	c.cards += len(parsed[0].Article.Cards)
	c.language(parsed[0].Article.Lang, parsed[0].Name)
	c.files = append(c.files, parsed...)
}

// problemsOf is a parser's error as problems.
func problemsOf(err error, file string) content.Problems {
	if ps, ok := errors.AsType[content.Problems](err); ok {
		return ps
	}
	return content.Problems{{File: file, Message: err.Error()}}
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// pathError is an os error without the repeated path.
func pathError(err error) string {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// usageCode is the exit code for a flag parsing error: 0 for -h.
func usageCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	return ExitUsage
}
