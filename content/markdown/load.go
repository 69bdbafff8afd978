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
	type result struct {
		article  content.Article
		problems content.Problems
	}
	results := make([]result, len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Go(func() {
			for i := range jobs {
				shown := path.Join(display, names[i])
				src, err := fs.ReadFile(fsys, names[i])
				if err != nil {
					results[i].problems = content.Problems{{File: shown, Message: fmt.Sprintf("cannot read: %v", err)}}
					continue
				}
				a, err := p.Parse(shown, src)
				if ps, ok := errors.AsType[content.Problems](err); ok {
					results[i].problems = ps
					continue
				}
				results[i].article = a
			}
		})
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	var parsed []ParsedFile
	var problems content.Problems
	for i, r := range results {
		if r.problems != nil {
			problems = append(problems, r.problems...)
			continue
		}
		parsed = append(parsed, ParsedFile{Name: path.Join(display, names[i]), Article: r.article})
	}
	return parsed, problems
}

// LoadDir parses every *.md file at the top of fsys into a store. Problems
// name files as path.Join(display, name). On any problem, the error is a
// content.Problems listing them all, two files with one slug included.
func (p *Parser) LoadDir(fsys fs.FS, display string) (*content.Store, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, fmt.Errorf("listing articles in %s: %w", display, err)
	}
	slices.Sort(names)
	parsed, problems := p.ParseFiles(fsys, names, display)
	problems = append(problems, DuplicateSlugs(parsed)...)
	if len(problems) > 0 {
		problems.Sort()
		return nil, problems
	}
	articles := make([]content.Article, len(parsed))
	for i, f := range parsed {
		articles[i] = f.Article
	}
	return content.NewStore(articles)
}

// DuplicateSlugs reports files whose articles share a slug.
func DuplicateSlugs(files []ParsedFile) content.Problems {
	first := map[string]string{}
	var problems content.Problems
	for _, f := range files {
		if prev, dup := first[f.Article.Slug]; dup {
			problems = append(problems, content.Problem{File: f.Name, Line: 1, Col: 1, Message: fmt.Sprintf("slug %q is taken by %s: give this article another slug", f.Article.Slug, prev)})
			continue
		}
		first[f.Article.Slug] = f.Name
	}
	return problems
}
