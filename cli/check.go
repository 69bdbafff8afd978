package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"
)

func runCheck(ctx context.Context, env Env, args []string) int {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: backstory check [DIR|FILE…]\n\nParses articles and reports every problem as file:line:col: message.\nWith no arguments, checks the articles embedded in the binary.\nExits 0 when there are none, 1 when there are.")
	}
	if err := fset.Parse(args); err != nil {
		return usageCode(err)
	}
	p := markdown.NewParser()
	var files []markdown.ParsedFile
	var problems content.Problems
	checked := 0
	add := func(fsys fs.FS, names []string, display string) {
		parsed, ps := p.ParseFiles(fsys, names, display)
		files = append(files, parsed...)
		problems = append(problems, ps...)
		checked += len(names)
	}
	if fset.NArg() == 0 {
		names, _ := fs.Glob(articles.FS, "*.md")
		add(articles.FS, names, articles.Dir)
	}
	for _, arg := range fset.Args() {
		info, err := os.Stat(arg)
		if err != nil {
			problems = append(problems, content.Problem{File: arg, Message: "cannot read: " + pathError(err)})
			continue
		}
		if !info.IsDir() {
			add(os.DirFS(filepath.Dir(arg)), []string{filepath.Base(arg)}, filepath.Dir(arg))
			continue
		}
		names, err := fs.Glob(os.DirFS(arg), "*.md")
		if err == nil && len(names) == 0 {
			problems = append(problems, content.Problem{File: arg, Message: "no *.md files in this directory"})
		}
		slices.Sort(names)
		add(os.DirFS(arg), names, arg)
	}
	problems = append(problems, markdown.DuplicateSlugs(files)...)
	problems.Sort()
	for _, p := range problems {
		fmt.Fprintln(env.Stderr, p.Error())
	}
	cards := 0
	for _, f := range files {
		cards += len(f.Article.Cards)
	}
	fmt.Fprintf(env.Stdout, "%s, %s, %s\n", plural(checked, "article"), plural(cards, "card"), plural(len(problems), "problem"))
	if len(problems) > 0 {
		return ExitProblems
	}
	return ExitOK
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
