package markdown

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sync"

	"backstory/content"
)

// ParsedFile is an article and the file it came from.
type ParsedFile struct {
	Name    string // as shown in messages
	Article content.Article
}

// ParseFiles parses the named files of fsys, in parallel, and returns the
// articles that parsed and every problem found. Files are shown, in the
// results and in problems, as path.Join(display, name).
func (p *Parser) ParseFiles(fsys fs.FS, names []string, display string) ([]ParsedFile, content.Problems) {
	articles := make([]*content.Article, len(names))
	problems := p.parseEach(fsys, names, display, func(i int, a *content.Article) error {
		articles[i] = a
		return nil
	})
	var parsed []ParsedFile
	for i, a := range articles {
		if a != nil {
			parsed = append(parsed, ParsedFile{Name: path.Join(display, names[i]), Article: *a})
		}
	}
	return parsed, problems
}

// parseEach parses the named files of fsys in parallel and hands each
// article that parsed to keep, from the worker that parsed it, by its
// index in names. It returns every problem, keep's errors included.
func (p *Parser) parseEach(fsys fs.FS, names []string, display string, keep func(i int, a *content.Article) error) content.Problems {
	problems := make([]content.Problems, len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Go(func() {
			for i := range jobs {
				shown := path.Join(display, names[i])
				src, err := fs.ReadFile(fsys, names[i])
				if err != nil {
					problems[i] = content.Problems{{File: shown, Message: fmt.Sprintf("cannot read: %v", err)}}
					continue
				}
				a, err := p.Parse(shown, src)
				if ps, ok := errors.AsType[content.Problems](err); ok {
					problems[i] = ps
					continue
				}
				if err := keep(i, &a); err != nil {
					problems[i] = content.Problems{{File: shown, Message: err.Error()}}
				}
			}
		})
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var all content.Problems
	for _, ps := range problems {
		all = append(all, ps...)
	}
	return all
}

// LoadDir parses every *.md file at the top of fsys into a store. Problems
// name files as path.Join(display, name). On any problem, the error is a
// content.Problems listing them all, two files with one slug included.
// Each article is encoded for the store as soon as it is parsed, so that
// no more than a few articles are ever decoded in memory at once.
func (p *Parser) LoadDir(fsys fs.FS, display string) (*content.Store, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, fmt.Errorf("listing articles in %s: %w", display, err)
	}
	slices.Sort(names)
	entries := make([]content.Entry, len(names))
	parsed := make([]bool, len(names))
	problems := p.parseEach(fsys, names, display, func(i int, a *content.Article) (err error) {
		entries[i], err = content.NewEntry(a)
		parsed[i] = err == nil
		return err
	})
	var files, slugs []string
	var kept []content.Entry
	for i, ok := range parsed {
		if ok {
			files = append(files, path.Join(display, names[i]))
			slugs = append(slugs, entries[i].Summary().Slug)
			kept = append(kept, entries[i])
		}
	}
	problems = append(problems, duplicateSlugs(files, slugs)...)
	if len(problems) > 0 {
		problems.Sort()
		return nil, problems
	}
	return content.NewStoreOfEntries(kept)
}

// DuplicateSlugs reports files whose articles share a slug.
func DuplicateSlugs(files []ParsedFile) content.Problems {
	names := make([]string, len(files))
	slugs := make([]string, len(files))
	for i, f := range files {
		names[i], slugs[i] = f.Name, f.Article.Slug
	}
	return duplicateSlugs(names, slugs)
}

// duplicateSlugs reports the files, named in order, whose slug an earlier
// file has.
func duplicateSlugs(files, slugs []string) content.Problems {
	first := map[string]string{}
	var problems content.Problems
	for i, slug := range slugs {
		if prev, dup := first[slug]; dup {
			problems = append(problems, content.Problem{File: files[i], Line: 1, Col: 1, Message: fmt.Sprintf("slug %q is taken by %s: give this article another slug", slug, prev)})
			continue
		}
		first[slug] = files[i]
	}
	return problems
}
