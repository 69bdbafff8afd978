// Package synthetic makes articles in backstory's Markdown format for scale
// tests and benchmarks: as many as asked, each 4 to 6 kB, each the same on
// every run. They read like local news from invented towns and use what the
// format offers: front matter, headings, paragraphs with emphasis and links,
// lists, background and quote cards, and references to the cards.
package synthetic

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"
)

// Name is the file name of the i-th article, "synthetic-000042.md": names
// sort in i order for i below a million.
func Name(i int) string {
	return fmt.Sprintf("synthetic-%06d.md", i)
}

// Article returns the i-th synthetic article (i ≥ 0): its file name and its
// Markdown source, 4 to 6 kB, the same for the same i on every run. Each
// has a slug of its own, 2 to 4 background cards and 1 or 2 quote cards.
func Article(i int) (name string, src []byte) {
	if i < 0 {
		panic(fmt.Sprintf("synthetic.Article(%d): the index must not be negative", i))
	}
	return Name(i), newStory(i).markdown()
}

// WriteDir writes articles 0..n-1 into dir, creating it if need be.
func WriteDir(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		name, src := Article(i)
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// FS returns articles 0..n-1 as an in-memory file system, all at its top.
func FS(n int) fs.FS {
	fsys := make(fstest.MapFS, n)
	for i := range n {
		name, src := Article(i)
		fsys[name] = &fstest.MapFile{Data: src, Mode: 0o644}
	}
	return fsys
}

// LiveArticle is a small article for live-editing tests, with the slug
// "live", titled title, with a card referred to; broken, it has a quote
// card without a speaker at line 9.
func LiveArticle(title string, broken bool) string {
	src := "---\ntitle: " + title + "\nslug: live\npublished: 2026-11-01\n---\n\nA paragraph with [a card](#context).\n\n"
	if broken {
		src += ":::quote{#q}\nWords without a speaker.\n:::\n\n"
	}
	return src + ":::background[Context]{#context}\nWhat a reader may lack.\n:::\n"
}
