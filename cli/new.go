package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"backstory/content"
	"backstory/content/markdown"
)

// newArticle is the template of "backstory new": front matter, a paragraph
// with a reference, and one card of each kind. Every value it fills in is
// quoted for YAML.
var newArticle = template.Must(template.New("new").Funcs(template.FuncMap{"yaml": yamlString}).Parse(`---
title: {{yaml .Title}}
slug: {{.Slug}}
dek: One sentence that tells the reader what happened.
byline: Your name
published: {{.Date}}
lang: {{.Lang}}
tags: []
---

Write the lead here: who, what, where, when. Link to a card's id to give the
reader [the context they may lack](#background-example), or to show
[who said what](#quote-example).

:::background[What this card explains]{#background-example}
A background card holds context a reader may lack. It stays closed until the
reader opens it.
:::

:::quote{#quote-example by="Speaker's name" role="Their role" source="Where they said it" date={{.Date}}}
The speaker's exact words.
:::

## A section heading

More text.
`))

// newCards are the templates of "backstory new -card", by kind.
var newCards = map[content.CardKind]string{
	content.CardBackground: `---
kind: background
title: What this card explains
updated: {{.Date}}
---

The context a reader may lack, in a few sentences. Every article that
places this card with ::card{#{{.ID}}} shows it; change it here and they
all do.
`,
	content.CardQuote: `---
kind: quote
by: Speaker's name
role: Their role
source: Where they said it
date: {{.Date}}
---

The speaker's exact words. Every article that places this card
with ::card{#{{.ID}}} shows them.
`,
}

func runNew(ctx context.Context, env Env, args []string) int {
	fset := flag.NewFlagSet("new", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	dir := fset.String("dir", "content/articles", "directory to write the article to; a shared card goes to its cards/ folder")
	cardID := fset.String("card", "", "write the shared card `ID`, DIR/cards/ID.md, instead of an article")
	kind := fset.String("kind", string(content.CardBackground), "the kind of the shared card: background or quote")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: backstory new [-dir DIR] \"Title\"\n       backstory new [-dir DIR] -card ID [-kind KIND]\n\nWrites DIR/<slug>.md with front matter and an example of each card, or\nthe shared card DIR/cards/ID.md. Refuses to overwrite an existing file.\n\nFlags:")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return usageCode(err)
	}
	if *cardID != "" {
		return newCard(env, *dir, *cardID, content.CardKind(*kind))
	}
	title := strings.TrimSpace(strings.Join(fset.Args(), " "))
	if title == "" {
		fset.Usage()
		return ExitUsage
	}
	slug := markdown.Slugify(title)
	if slug == "" {
		fmt.Fprintf(env.Stderr, "backstory new: cannot make a file name from %q: use a title with letters or digits\n", title)
		return ExitUsage
	}
	var buf bytes.Buffer
	// The site's language: the directory's site.yaml says it.
	site, _ := markdown.LoadSite(os.DirFS(*dir), *dir)
	err := newArticle.Execute(&buf, struct{ Title, Slug, Date, Lang string }{title, slug, env.Now().Format("2006-01-02"), site.Lang})
	if err != nil {
		fmt.Fprintf(env.Stderr, "backstory new: %v\n", err)
		return ExitProblems
	}
	path := filepath.Join(*dir, slug+".md")
	if err := writeNew(path, buf.Bytes()); err != nil {
		fmt.Fprintf(env.Stderr, "backstory new: %v\n", err)
		return ExitProblems
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", path)
	return ExitOK
}

// writeNew creates path with data, failing if it exists.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; not overwriting it", path)
	}
	if err != nil {
		return fmt.Errorf("creating the article: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

// yamlString quotes s as a YAML double-quoted scalar.
func yamlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ", "\r", " ", "\t", " ")
	return `"` + r.Replace(s) + `"`
}

// newCard writes the shared card id, of the given kind, in dir's cards
// folder.
func newCard(env Env, dir, id string, kind content.CardKind) int {
	if markdown.Slugify(id) != id {
		fmt.Fprintf(env.Stderr, "backstory new: a card's id is lowercase letters, digits and hyphens, as in wang-yi (not %q)\n", id)
		return ExitUsage
	}
	tmpl, ok := newCards[kind]
	if !ok {
		fmt.Fprintf(env.Stderr, "backstory new: -kind %q: write background or quote\n", kind)
		return ExitUsage
	}
	var buf bytes.Buffer
	t := template.Must(template.New("card").Parse(tmpl))
	if err := t.Execute(&buf, struct{ ID, Date string }{id, env.Now().Format("2006-01-02")}); err != nil {
		fmt.Fprintf(env.Stderr, "backstory new: %v\n", err)
		return ExitProblems
	}
	folder := filepath.Join(dir, content.SharedCardsDir)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		fmt.Fprintf(env.Stderr, "backstory new: %v\n", err)
		return ExitProblems
	}
	path := filepath.Join(folder, id+".md")
	if err := writeNew(path, buf.Bytes()); err != nil {
		fmt.Fprintf(env.Stderr, "backstory new: %v\n", err)
		return ExitProblems
	}
	fmt.Fprintf(env.Stdout, "wrote %s; place it in an article with ::card{#%s}\n", path, id)
	return ExitOK
}
