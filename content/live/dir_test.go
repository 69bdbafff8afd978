package live

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A step changes the directory, then Open (first step) or Rescan (the
// others) looks at it; the Dir must then serve want.
type step struct {
	do      op
	changed bool // Rescan's answer; not checked for the first step
	want    state
}

// titles is a shorthand for a state's articles.
type titles = map[string]string

func TestRescan(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"initial load with good and broken files", []step{
			{do: all(write("a.md", article("A")), write("b.md", noTitle), write("c.md", badDate)),
				want: state{titles{"a": "A"}, []string{"b.md:" + noTitleProblem, "c.md:" + badDateProblem}}},
		}},
		{"empty directory", []step{
			{do: all(), want: state{Titles: titles{}}},
			{do: all(), changed: false, want: state{Titles: titles{}}},
		}},
		{"edit gives the new article", []step{
			{do: write("a.md", article("One")), want: state{Titles: titles{"a": "One"}}},
			{do: write("a.md", article("Second")), changed: true, want: state{Titles: titles{"a": "Second"}}},
		}},
		{"broken edit keeps the last good version, fix clears", []step{
			{do: write("a.md", article("One")), want: state{Titles: titles{"a": "One"}}},
			{do: write("a.md", badDate), changed: true,
				want: state{titles{"a": "One"}, []string{"a.md:" + badDateProblem}}},
			{do: write("a.md", noTitle), changed: true,
				want: state{titles{"a": "One"}, []string{"a.md:" + noTitleProblem}}},
			{do: write("a.md", article("Fixed")), changed: true, want: state{Titles: titles{"a": "Fixed"}}},
		}},
		{"new broken file is absent and reported", []step{
			{do: write("a.md", article("A")), want: state{Titles: titles{"a": "A"}}},
			{do: write("b.md", badDate), changed: true,
				want: state{titles{"a": "A"}, []string{"b.md:" + badDateProblem}}},
			{do: write("b.md", article("B")), changed: true, want: state{Titles: titles{"a": "A", "b": "B"}}},
		}},
		{"add and delete", []step{
			{do: write("a.md", article("A")), want: state{Titles: titles{"a": "A"}}},
			{do: write("b.md", article("B")), changed: true, want: state{Titles: titles{"a": "A", "b": "B"}}},
			{do: remove("a.md"), changed: true, want: state{Titles: titles{"b": "B"}}},
			{do: remove("b.md"), changed: true, want: state{Titles: titles{}}},
		}},
		{"deleting a broken file drops its article and its problems", []step{
			{do: write("a.md", article("A")), want: state{Titles: titles{"a": "A"}}},
			{do: write("a.md", badDate), changed: true,
				want: state{titles{"a": "A"}, []string{"a.md:" + badDateProblem}}},
			{do: remove("a.md"), changed: true, want: state{Titles: titles{}}},
		}},
		{"temporary file renamed over the original", []step{
			{do: write("a.md", article("One")), want: state{Titles: titles{"a": "One"}}},
			{do: all(write(".a.md.tmp", article("Two")), rename(".a.md.tmp", "a.md")), changed: true,
				want: state{Titles: titles{"a": "Two"}}},
		}},
		{"vim: original renamed to a backup, new file written", []step{
			{do: write("a.md", article("One")), want: state{Titles: titles{"a": "One"}}},
			{do: all(rename("a.md", "a.md~"), write("a.md", article("Two"))), changed: true,
				want: state{Titles: titles{"a": "Two"}}},
			{do: remove("a.md~"), changed: false, want: state{Titles: titles{"a": "Two"}}},
		}},
		{"delete and create", []step{
			{do: write("a.md", article("One")), want: state{Titles: titles{"a": "One"}}},
			{do: all(remove("a.md"), write("a.md", article("Two"))), changed: true,
				want: state{Titles: titles{"a": "Two"}}},
		}},
		{"written in place, same length, same modification time", []step{
			{do: write("a.md", article("One")), want: state{Titles: titles{"a": "One"}}},
			{do: keepTime("a.md", overwrite("a.md", article("Two"))), changed: true,
				want: state{Titles: titles{"a": "Two"}}},
		}},
		{"renamed to another name", []step{
			{do: write("a.md", article("A")), want: state{Titles: titles{"a": "A"}}},
			{do: rename("a.md", "b.md"), changed: true, want: state{Titles: titles{"b": "A"}}},
		}},
		{"same bytes: nothing changed", []step{
			{do: write("a.md", article("A")), want: state{Titles: titles{"a": "A"}}},
			{do: write("a.md", article("A")), changed: false, want: state{Titles: titles{"a": "A"}}},
			{do: touch("a.md", time.Now().Add(time.Hour)), changed: false, want: state{Titles: titles{"a": "A"}}},
		}},
		{"new bytes, same article: nothing changed", []step{
			{do: write("a.md", article("A")), want: state{Titles: titles{"a": "A"}}},
			{do: write("a.md", article("A")+"\n\n"), changed: false, want: state{Titles: titles{"a": "A"}}},
		}},
		{"new bytes, same problems: nothing changed", []step{
			{do: write("a.md", noTitle), want: state{titles{}, []string{"a.md:" + noTitleProblem}}},
			{do: write("a.md", noTitle+"\nMore text.\n"), changed: false,
				want: state{titles{}, []string{"a.md:" + noTitleProblem}}},
		}},
		{"unreadable file is reported, then read when fixed", []step{
			{do: all(write("a.md", article("A")), symlink("loop.md", "loop.md")),
				want: state{titles{"a": "A"}, []string{"loop.md: cannot read: open DIR/loop.md: too many levels of symbolic links"}}},
			{do: all(remove("loop.md"), write("loop.md", article("Loop"))), changed: true,
				want: state{Titles: titles{"a": "A", "loop": "Loop"}}},
		}},

		// Duplicate slugs.
		{"both new: the first by name keeps the slug", []step{
			{do: all(write("b.md", article("B", "slug: shared")), write("a.md", article("A", "slug: shared"))),
				want: state{titles{"shared": "A"}, []string{"b.md:" + takenProblem("shared", "DIR/a.md")}}},
		}},
		{"the file holding a slug keeps it against a new one", []step{
			{do: write("b.md", article("B", "slug: shared")), want: state{Titles: titles{"shared": "B"}}},
			{do: write("a.md", article("A", "slug: shared")), changed: true,
				want: state{titles{"shared": "B"}, []string{"a.md:" + takenProblem("shared", "DIR/b.md")}}},
			{do: write("a.md", article("A", "slug: own")), changed: true,
				want: state{Titles: titles{"shared": "B", "own": "A"}}},
		}},
		{"a refused edit keeps the file's previous version, and gets the slug once free", []step{
			{do: all(write("a.md", article("A")), write("b.md", article("B"))),
				want: state{Titles: titles{"a": "A", "b": "B"}}},
			{do: write("a.md", article("A2", "slug: b")), changed: true,
				want: state{titles{"a": "A", "b": "B"}, []string{"a.md:" + takenProblem("b", "DIR/b.md")}}},
			{do: remove("b.md"), changed: true, want: state{Titles: titles{"b": "A2"}}},
		}},
		{"a slug given up goes to a refused file", []step{
			{do: all(write("a.md", article("A", "slug: x")), write("b.md", article("B", "slug: x"))),
				want: state{titles{"x": "A"}, []string{"b.md:" + takenProblem("x", "DIR/a.md")}}},
			{do: write("a.md", article("A", "slug: y")), changed: true,
				want: state{Titles: titles{"x": "B", "y": "A"}}},
		}},
		{"a slug given up and claimed in one rescan", []step{
			{do: write("a.md", article("A", "slug: x")), want: state{Titles: titles{"x": "A"}}},
			{do: all(write("a.md", article("A", "slug: y")), write("c.md", article("C", "slug: x"))), changed: true,
				want: state{Titles: titles{"x": "C", "y": "A"}}},
		}},
		{"a refused edit keeps its old slug against a new claim", []step{
			{do: all(write("a.md", article("A", "slug: x")), write("b.md", article("B", "slug: y"))),
				want: state{Titles: titles{"x": "A", "y": "B"}}},
			{do: all(write("a.md", article("A2", "slug: y")), write("0.md", article("Zero", "slug: x"))), changed: true,
				want: state{titles{"x": "A", "y": "B"}, []string{
					"0.md:" + takenProblem("x", "DIR/a.md"),
					"a.md:" + takenProblem("y", "DIR/b.md"),
				}}},
		}},
		{"two files swap their slugs", []step{
			{do: all(write("a.md", article("A", "slug: x")), write("b.md", article("B", "slug: y"))),
				want: state{Titles: titles{"x": "A", "y": "B"}}},
			{do: all(write("a.md", article("A", "slug: y")), write("b.md", article("B", "slug: x"))), changed: true,
				want: state{Titles: titles{"x": "B", "y": "A"}}},
		}},
		{"a broken file keeps its slug", []step{
			{do: write("b.md", article("B", "slug: x")), want: state{Titles: titles{"x": "B"}}},
			{do: all(write("b.md", badDate), write("a.md", article("A", "slug: x"))), changed: true,
				want: state{titles{"x": "B"}, []string{"a.md:" + takenProblem("x", "DIR/b.md"), "b.md:" + badDateProblem}}},
		}},
		{"an edit keeping the slug wins against a new claim earlier by name", []step{
			{do: write("b.md", article("B", "slug: x")), want: state{Titles: titles{"x": "B"}}},
			{do: all(write("b.md", article("B2", "slug: x")), write("a.md", article("A", "slug: x"))), changed: true,
				want: state{titles{"x": "B2"}, []string{"a.md:" + takenProblem("x", "DIR/b.md")}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var d *Dir
			for i, s := range tt.steps {
				s.do(t, dir)
				if i == 0 {
					var err error
					if d, err = Open(dir, parser); err != nil {
						t.Fatalf("Open: %v", err)
					}
				} else {
					changed, err := d.Rescan()
					if err != nil {
						t.Fatalf("step %d: Rescan: %v", i, err)
					}
					if changed != s.changed {
						t.Errorf("step %d: Rescan changed = %v, want %v", i, changed, s.changed)
					}
				}
				got := d.state()
				for j, p := range got.Problems {
					got.Problems[j] = strings.ReplaceAll(p, dir, "DIR")
				}
				if diff := cmp.Diff(s.want, got); diff != "" {
					t.Fatalf("step %d: state (-want +got):\n%s", i, diff)
				}
			}
		})
	}
}

func TestProblemsNameFilesAsGiven(t *testing.T) {
	dir := t.TempDir()
	write("a.md", noTitle)(t, dir)
	t.Chdir(dir)
	d, err := Open(".", parser)
	if err != nil {
		t.Fatal(err)
	}
	// filepath.Join(".", "a.md") is "a.md".
	want := "a.md:" + noTitleProblem
	if got := d.Problems(); len(got) != 1 || got[0].Error() != want {
		t.Errorf("Problems() = %q, want %q", got, want)
	}
}

func TestOpenWithoutParser(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	d, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(state{Titles: titles{"a": "A"}}, d.state()); diff != "" {
		t.Errorf("state (-want +got):\n%s", diff)
	}
}

func TestOpenFailsOnlyWithoutDirectory(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	_, err := Open(missing, parser)
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Open(missing) error = %v, want one naming %s", err, missing)
	}
}

func TestRescanFailsWhenDirectoryGoes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "articles")
	mkdir("")(t, dir)
	write("a.md", article("A"))(t, dir)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Rescan(); err == nil {
		t.Fatal("Rescan of a removed directory: no error")
	}
	// What was served stays.
	if diff := cmp.Diff(state{Titles: titles{"a": "A"}}, d.state()); diff != "" {
		t.Errorf("state (-want +got):\n%s", diff)
	}
}

func TestIgnoredFiles(t *testing.T) {
	dir := t.TempDir()
	elsewhere := t.TempDir()
	write("target.md", article("Linked"))(t, elsewhere)
	all(
		write("real.md", article("Real")),
		write(".hidden.md", article("Hidden")),
		write(".#lock.md", article("Emacs lock")),
		write("#autosave.md#", article("Emacs autosave")),
		write("backup.md~", article("Backup")),
		write(".real.md.swp", article("Vim swap")),
		write("~$office.md", article("Office lock")),
		write("notes.txt", article("Text")),
		write("README", article("Readme")),
		write("upper.MD", article("Upper case")),
		mkdir("folder.md"),
		mkdir("sub"),
		write("sub/inner.md", article("Inner")),
		symlink(filepath.Join(elsewhere, "target.md"), "linked.md"),
		symlink(filepath.Join(elsewhere, "missing.md"), "dangling.md"),
		symlink(elsewhere, "dirlink.md"),
	)(t, dir)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	want := state{Titles: titles{"real": "Real", "linked": "Linked"}}
	if diff := cmp.Diff(want, d.state()); diff != "" {
		t.Errorf("state (-want +got):\n%s", diff)
	}
}

func TestIsArticleName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.md", true},
		{"2026-11-01-title.md", true},
		{"with space.md", true},
		{".md", false},
		{".hidden.md", false},
		{".a.md.swp", false},
		{".a.md.tmp", false},
		{".#a.md", false},
		{"#a.md#", false},
		{"a.md~", false},
		{"~$a.md", false},
		{"a.md___jb_tmp___", false},
		{"4913", false},
		{"a.markdown", false},
		{"a.MD", false},
		{"a.txt", false},
	}
	for _, tt := range tests {
		if got := isArticleName(tt.name); got != tt.want {
			t.Errorf("isArticleName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRecentFilesAreReadAgain checks the racy-file rule: a file changed just
// before it was read is read again (not parsed) until it is old enough.
func TestRecentFilesAreReadAgain(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		window       time.Duration
		reads, parse int64
	}{
		{time.Hour, 1, 0}, // read less than an hour after its modification: racy
		{time.Hour, 1, 0}, // still racy
		{0, 0, 0},         // not racy: read at least 0 s after its modification
	} {
		d.racy = tt.window
		reads, parses := d.reads.Load(), d.parses.Load()
		if _, err := d.Rescan(); err != nil {
			t.Fatal(err)
		}
		if got := d.reads.Load() - reads; got != tt.reads {
			t.Errorf("window %v: %d reads, want %d", tt.window, got, tt.reads)
		}
		if got := d.parses.Load() - parses; got != tt.parse {
			t.Errorf("window %v: %d parses, want %d", tt.window, got, tt.parse)
		}
	}
}

// TestConcurrentReaders reads the store and problems while rescans change
// them; the race detector checks the locking.
func TestConcurrentReaders(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if d.Store().Len() > 1 {
					t.Error("more than one article")
				}
				d.Problems().Sort() // a copy: sorting it must not race
			}
		})
	}
	for i := range 50 {
		text := article("A")
		if i%2 == 1 {
			text = badDate
		}
		write("a.md", text)(t, dir)
		if _, err := d.Rescan(); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
}
