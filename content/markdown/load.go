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

// LoadDir parses every *.md file at the top of fsys, and the shared cards
// in its cards/ folder, into a store. Problems name files as
// path.Join(display, name). On any problem, the error is a
// content.Problems listing them all, two files with one slug included.
func (p *Parser) LoadDir(fsys fs.FS, display string) (*content.Store, error) {
	store, problems, err := p.Load(fsys, display)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return store, nil
}

// Load is LoadDir that keeps going: the store holds every article and card
// that parsed, and problems lists what is wrong. The site's settings are
// those of the site.yaml at the top of fsys (DefaultSite if there is none,
// or if it has problems), and articles that name no language are in the
// site's. Each article is encoded for the store as soon as it is parsed,
// so that no more than a few articles are ever decoded in memory at once.
// The error is for a directory that cannot be listed.
func (p *Parser) Load(fsys fs.FS, display string) (*content.Store, content.Problems, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, nil, fmt.Errorf("listing articles in %s: %w", display, err)
	}
	slices.Sort(names)
	site, problems := LoadSite(fsys, display)
	p = p.WithLang(site.Lang)
	cards, cardProblems := p.LoadCards(fsys, display)
	problems = append(problems, cardProblems...)
	entries := make([]content.Entry, len(names))
	parsed := make([]bool, len(names))
	problems = append(problems, p.parseEach(fsys, names, display, func(i int, a *content.Article) (err error) {
		entries[i], err = content.NewEntry(a)
		parsed[i] = err == nil
		return err
	})...)
	var files, slugs []string
	var kept []content.Entry
	for i, ok := range parsed {
		if !ok {
			continue
		}
		file := path.Join(display, names[i])
		e, ps := entries[i].Resolve(cards)
		problems = append(problems, inFile(ps, file)...)
		files = append(files, file)
		slugs = append(slugs, e.Summary().Slug)
		kept = append(kept, e)
	}
	dups := duplicateSlugs(files, slugs)
	problems = append(problems, dups...)
	problems.Sort()
	if len(dups) > 0 {
		kept = keepFirstOfEachSlug(kept)
	}
	store, err := content.NewStoreOfEntries(kept, cards)
	if err != nil {
		return nil, problems, err
	}
	return store.WithSite(site), problems, nil
}

// LoadSite reads the site's settings from the site.yaml at the top of fsys,
// and the logo it names, and returns them with their problems: DefaultSite
// if there is no such file, or if it has problems. The file is shown as
// path.Join(display, "site.yaml").
func LoadSite(fsys fs.FS, display string) (content.Site, content.Problems) {
	shown := path.Join(display, content.SiteFile)
	src, err := fs.ReadFile(fsys, content.SiteFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return content.DefaultSite(), nil
	case err != nil:
		return content.DefaultSite(), content.Problems{{File: shown, Message: fmt.Sprintf("cannot read: %v", err)}}
	}
	site, problems := ParseSite(shown, src, fsys)
	if len(problems) > 0 {
		return content.DefaultSite(), problems
	}
	return site, nil
}

// keepFirstOfEachSlug drops the entries whose slug an earlier one has.
func keepFirstOfEachSlug(entries []content.Entry) []content.Entry {
	seen := map[string]bool{}
	return slices.DeleteFunc(entries, func(e content.Entry) bool {
		dup := seen[e.Slug()]
		seen[e.Slug()] = true
		return dup
	})
}

// inFile names file in problems that name none.
func inFile(problems content.Problems, file string) content.Problems {
	for i := range problems {
		problems[i].File = file
	}
	return problems
}

// LoadCards parses the shared cards of fsys, the *.md files in its cards/
// folder (none if there is no such folder), and returns those that parsed
// and every problem found.
func (p *Parser) LoadCards(fsys fs.FS, display string) (content.SharedCards, content.Problems) {
	names, _ := fs.Glob(fsys, content.SharedCardsDir+"/*.md")
	slices.Sort(names)
	cards := content.SharedCards{}
	var problems content.Problems
	for _, name := range names {
		shown := path.Join(display, name)
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, content.Problem{File: shown, Message: fmt.Sprintf("cannot read: %v", err)})
			continue
		}
		card, err := p.ParseCard(shown, src)
		if ps, ok := errors.AsType[content.Problems](err); ok {
			problems = append(problems, ps...)
			continue
		} else if err != nil {
			problems = append(problems, content.Problem{File: shown, Message: err.Error()})
			continue
		}
		cards[card.ID] = card
	}
	return cards, problems
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
