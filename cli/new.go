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
lang: en
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

func runNew(ctx context.Context, env Env, args []string) int {
	fset := flag.NewFlagSet("new", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	dir := fset.String("dir", "content/articles", "directory to write the article to")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: backstory new [-dir DIR] \"Title\"\n\nWrites DIR/<slug>.md with front matter and an example of each card.\nRefuses to overwrite an existing file.\n\nFlags:")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return usageCode(err)
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
	err := newArticle.Execute(&buf, struct{ Title, Slug, Date string }{title, slug, env.Now().Format("2006-01-02")})
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
