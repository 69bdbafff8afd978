package synthetic_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"backstory/content"
	"backstory/content/markdown"
	"backstory/internal/synthetic"
)

// far are indexes well beyond the first few hundred that are checked too.
var far = []int{1000, 4321, 9999, 99_999, 999_999}

func indexes() []int {
	var is []int
	for i := range 300 {
		is = append(is, i)
	}
	return append(is, far...)
}

// TestArticlesParse parses articles with the real parser: no problems, 2 to
// 4 background cards and 1 or 2 quote cards, each referred to from the
// body, and the body has what the UI shows.
func TestArticlesParse(t *testing.T) {
	p := markdown.NewParser()
	for _, i := range indexes() {
		name, src := synthetic.Article(i)
		a, err := p.Parse(name, src)
		if ps, ok := errors.AsType[content.Problems](err); ok {
			t.Errorf("article %d has problems:\n%v\n%s", i, ps, src)
			continue
		} else if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		count := map[content.CardKind]int{}
		for _, c := range a.Cards {
			count[c.Kind]++
			if c.Kind == content.CardQuote && (c.By == "" || c.Role == "" || len(c.Blocks) == 0) {
				t.Errorf("article %d: quote card %q lacks a speaker, role or words: %+v", i, c.ID, c)
			}
		}
		if n := count[content.CardBackground]; n < 2 || n > 4 {
			t.Errorf("article %d has %d background cards, want 2 to 4", i, n)
		}
		if n := count[content.CardQuote]; n < 1 || n > 2 {
			t.Errorf("article %d has %d quote cards, want 1 or 2", i, n)
		}
		if a.Title == "" || a.Dek == "" || a.Byline == "" || a.Published.IsZero() || len(a.Tags) == 0 {
			t.Errorf("article %d lacks front matter: %+v", i, a)
		}
		body := survey(a.Blocks)
		for _, c := range a.Cards {
			if !body.refs[c.ID] {
				t.Errorf("article %d: no reference to card %q in the text", i, c.ID)
			}
		}
		for _, kind := range []string{
			string(content.BlockHeading), string(content.BlockParagraph), string(content.BlockList), string(content.BlockCard),
			string(content.InlineLink), string(content.InlineCardRef),
		} {
			if body.kinds[kind] == 0 {
				t.Errorf("article %d has no %s", i, kind)
			}
		}
		if body.kinds[string(content.BlockHeading)] < 3 {
			t.Errorf("article %d has %d headings, want at least 3", i, body.kinds[string(content.BlockHeading)])
		}
		if body.kinds[string(content.InlineEmphasis)]+body.kinds[string(content.InlineStrong)] == 0 {
			t.Errorf("article %d has no emphasis", i)
		}
	}
}

// body is what the blocks of an article hold: how many of each block and
// inline kind, and which cards are referred to.
type body struct {
	kinds map[string]int
	refs  map[string]bool
}

func survey(blocks []content.Block) body {
	b := body{kinds: map[string]int{}, refs: map[string]bool{}}
	var inlines func([]content.Inline)
	inlines = func(runs []content.Inline) {
		for _, r := range runs {
			b.kinds[string(r.Kind)]++
			if r.Kind == content.InlineCardRef {
				b.refs[r.Card] = true
			}
			inlines(r.Children)
		}
	}
	var walk func([]content.Block)
	walk = func(blocks []content.Block) {
		for _, bl := range blocks {
			b.kinds[string(bl.Kind)]++
			inlines(bl.Text)
			walk(bl.Blocks)
			for _, item := range bl.Items {
				walk(item)
			}
		}
	}
	walk(blocks)
	return b
}

func TestSizes(t *testing.T) {
	for _, i := range indexes() {
		if _, src := synthetic.Article(i); len(src) < 4000 || len(src) > 6000 {
			t.Errorf("article %d is %d bytes, want 4,000 to 6,000", i, len(src))
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, i := range []int{0, 1, 299, 9999} {
		name1, src1 := synthetic.Article(i)
		name2, src2 := synthetic.Article(i)
		if name1 != name2 || !bytes.Equal(src1, src2) {
			t.Errorf("article %d differs between two calls", i)
		}
	}
	_, a := synthetic.Article(1)
	_, b := synthetic.Article(2)
	if bytes.Equal(a, b) {
		t.Error("articles 1 and 2 are the same")
	}
}

// TestTenThousand checks the first 10,000 articles, as the benchmarks load
// them: names sort in index order, slugs are distinct, and publication
// dates are spread over many days. It makes them on several goroutines at
// once, which under -race also shows that Article shares nothing mutable.
func TestTenThousand(t *testing.T) {
	const n = 10_000
	type front struct{ name, slug, day string }
	fronts := make([]front, n)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				name, src := synthetic.Article(i)
				fronts[i] = front{name, field(src, "slug"), field(src, "published")[:len("2006-01-02")]}
			}
		})
	}
	wg.Wait()

	names := make([]string, n)
	slugs := map[string]int{}
	days := map[string]bool{}
	for i, f := range fronts {
		names[i] = f.name
		if j, dup := slugs[f.slug]; dup {
			t.Errorf("articles %d and %d have the slug %q", j, i, f.slug)
		}
		slugs[f.slug] = i
		days[f.day] = true
	}
	if !slices.IsSorted(names) {
		t.Error("names do not sort in index order")
	}
	if len(slices.Compact(slices.Clone(names))) != n {
		t.Error("two articles have one name")
	}
	if len(days) < 2000 {
		t.Errorf("%d articles were published on only %d days", n, len(days))
	}
}

// field is the value of a front matter line "key: value".
func field(src []byte, key string) string {
	for line := range strings.Lines(string(src)) {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func TestLoadDir(t *testing.T) {
	store, err := markdown.NewParser().LoadDir(synthetic.FS(1000), "synthetic")
	if err != nil {
		t.Fatal(err)
	}
	if store.Len() != 1000 {
		t.Errorf("the store has %d articles, want 1,000", store.Len())
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "articles")
	if err := synthetic.WriteDir(dir, 3); err != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Fatalf("WriteDir wrote %d files, want 3", len(files))
	}
	fsys := synthetic.FS(3)
	for i := range 3 {
		name, want := synthetic.Article(i)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		inFS, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) || !bytes.Equal(inFS, want) {
			t.Errorf("%s differs from Article(%d)", name, i)
		}
	}
}

// TestArticlesPlacingSharedCardsParse: articles that place shared cards,
// and the cards, load without a problem, and every card is used.
func TestArticlesPlacingSharedCardsParse(t *testing.T) {
	const n, m = 200, 40
	store, err := markdown.NewParser().LoadDir(synthetic.FSWithCards(n, m), "synthetic")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(store.SharedCards()); got != m {
		t.Fatalf("%d shared cards, want %d", got, m)
	}
	for _, c := range store.SharedCards() {
		users := len(store.CardUsers(c.ID))
		switch {
		case c.ID == synthetic.SharedCardID(0):
			if users < n/10 {
				t.Errorf("the most used card is used by %d articles, want at least %d", users, n/10)
			}
		case users < 1 || users > 20:
			t.Errorf("%s is used by %d articles, want 1 to 20", c.ID, users)
		}
	}
}
