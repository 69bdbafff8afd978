package live

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/content"
	"backstory/content/markdown"
)

// parser is shared by the tests, as the server shares one.
var parser = markdown.NewParser()

// article is a valid article with the title, and more front matter lines
// (such as "slug: x") if given.
func article(title string, front ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\npublished: 2026-11-01\n", title)
	for _, line := range front {
		b.WriteString(line + "\n")
	}
	b.WriteString("---\n\nBody paragraph.\n")
	return b.String()
}

const (
	// placing places the shared card w, cards/w.md.
	placing = "---\ntitle: P\npublished: 2026-11-02\n---\n\nAbout [w](#w).\n\n::card{#w}\n"
	// noTitle fails at 1:1.
	noTitle = "---\ndek: No title here.\n---\n\nText.\n"
	// badDate fails at 3:12.
	badDate = "---\ntitle: Bad\npublished: 19 June 2023\n---\n\nText.\n"
)

const (
	noTitleProblem = `1:1: the front matter needs a title: add a line "title: …"`
	badDateProblem = `3:12: published: "19 June 2023" is not a date: write YYYY-MM-DD or an RFC 3339 time such as 2023-06-19T14:30:00+08:00`
)

// takenProblem is the problem of a file whose slug another file holds.
func takenProblem(slug, holder string) string {
	return fmt.Sprintf("1:1: slug %q is taken by %s: give this article another slug", slug, holder)
}

// An op changes the directory as a person or an editor would.
type op func(t *testing.T, dir string)

func write(name, text string) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(name string) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

func rename(from, to string) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdir(name string) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(target, name string) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// overwrite writes text over the start of the file without truncating it,
// as an editor writing in place does when the length stays.
func overwrite(name, text string) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt([]byte(text), 0); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// touch sets the file's modification time, leaving its bytes.
func touch(name string, mtime time.Time) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Chtimes(filepath.Join(dir, name), mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
}

// keepTime runs o and gives the file back the modification time it had.
func keepTime(name string, o op) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		o(t, dir)
		touch(name, info.ModTime())(t, dir)
	}
}

func all(ops ...op) op {
	return func(t *testing.T, dir string) {
		t.Helper()
		for _, o := range ops {
			o(t, dir)
		}
	}
}

// state is what a Dir serves, in a form easy to compare: each article's
// title by slug (and the text of each shared card it places, by
// "slug#id"), and each problem with the directory cut from its file.
type state struct {
	Titles   map[string]string
	Problems []string
}

func stateOf(dir string, s *content.Store, ps content.Problems) state {
	st := state{Titles: map[string]string{}}
	for _, a := range s.Articles() {
		st.Titles[a.Slug] = a.Title
		for _, c := range a.Cards {
			if c.Shared {
				st.Titles[a.Slug+"#"+c.ID] = content.PlainText(c.Blocks[0].Text)
			}
		}
	}
	for _, p := range ps {
		st.Problems = append(st.Problems, strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	return st
}

func (d *Dir) state() state { return stateOf(d.dir, d.Store(), d.Problems()) }

// sharedCard is the shared card cards/w.md, saying text.
func sharedCard(text string) string {
	return "---\nkind: background\ntitle: W\n---\n\n" + text + "\n"
}
