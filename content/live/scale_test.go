package live

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// manyFiles writes n articles into dir, last modified an hour ago (older
// than the racy window, as files are when nobody is editing them).
func manyFiles(tb testing.TB, dir string, n int) {
	tb.Helper()
	old := time.Now().Add(-time.Hour)
	for i := range n {
		path := filepath.Join(dir, fmt.Sprintf("article-%05d.md", i))
		if err := os.WriteFile(path, []byte(article(fmt.Sprintf("Article %d", i))), 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.Chtimes(path, old, old); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestRescanReadsOnlyWhatChanged counts the files read and parsed by
// rescans of 1,000 files.
func TestRescanReadsOnlyWhatChanged(t *testing.T) {
	const n = 1000
	dir := t.TempDir()
	manyFiles(t, dir, n)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Store().Len(); got != n {
		t.Fatalf("Open: %d articles, want %d", got, n)
	}
	if got := d.parses.Load(); got != n {
		t.Errorf("Open: %d parses, want %d", got, n)
	}
	store := d.Store()
	one := "article-00500.md"
	for _, tt := range []struct {
		name           string
		do             op
		reads, parses  int64
		changed, store bool // whether Rescan reports a change, and the store is a new one
	}{
		{"nothing changed", all(), 0, 0, false, false},
		{"one file touched", touch(one, time.Now().Add(-time.Minute)), 1, 0, false, false},
		{"one file rewritten with its bytes", keepTime(one, write(one, article("Article 500"))), 1, 0, false, false},
		{"one file edited", all(write(one, article("Edited")), touch(one, time.Now().Add(-time.Minute))), 1, 1, true, true},
		{"one file broken", all(write(one, noTitle), touch(one, time.Now().Add(-time.Minute))), 1, 1, true, false},
		{"nothing changed again", all(), 0, 0, false, false},
	} {
		tt.do(t, dir)
		reads, parses := d.reads.Load(), d.parses.Load()
		changed, err := d.Rescan()
		if err != nil {
			t.Fatal(err)
		}
		if got := d.reads.Load() - reads; got != tt.reads {
			t.Errorf("%s: %d files read, want %d", tt.name, got, tt.reads)
		}
		if got := d.parses.Load() - parses; got != tt.parses {
			t.Errorf("%s: %d files parsed, want %d", tt.name, got, tt.parses)
		}
		if changed != tt.changed {
			t.Errorf("%s: Rescan changed = %v, want %v", tt.name, changed, tt.changed)
		}
		if newStore := d.Store() != store; newStore != tt.store {
			t.Errorf("%s: new store = %v, want %v", tt.name, newStore, tt.store)
		}
		store = d.Store()
	}
}

func benchmarkSizes(b *testing.B, run func(b *testing.B, dir string, n int)) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			manyFiles(b, dir, n)
			run(b, dir, n)
		})
	}
}

// BenchmarkOpen reads and parses every file.
func BenchmarkOpen(b *testing.B) {
	benchmarkSizes(b, func(b *testing.B, dir string, n int) {
		for b.Loop() {
			if _, err := Open(dir, parser); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRescanUnchanged is a rescan that finds nothing new: a stat per
// file.
func BenchmarkRescanUnchanged(b *testing.B) {
	benchmarkSizes(b, func(b *testing.B, dir string, n int) {
		d, err := Open(dir, parser)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if changed, err := d.Rescan(); err != nil || changed {
				b.Fatalf("Rescan = %v, %v", changed, err)
			}
		}
		if d.parses.Load() != int64(n) {
			b.Fatalf("%d parses, want %d", d.parses.Load(), n)
		}
	})
}

// BenchmarkRescanOneEdit is a rescan after one file changed: a stat per
// file, a parse, and a new store.
func BenchmarkRescanOneEdit(b *testing.B) {
	benchmarkSizes(b, func(b *testing.B, dir string, n int) {
		d, err := Open(dir, parser)
		if err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, "article-00000.md")
		i := 0
		for b.Loop() {
			i++
			if err := os.WriteFile(path, []byte(article(fmt.Sprintf("Edit %d", i))), 0o644); err != nil {
				b.Fatal(err)
			}
			if changed, err := d.Rescan(); err != nil || !changed {
				b.Fatalf("Rescan = %v, %v", changed, err)
			}
		}
	})
}
