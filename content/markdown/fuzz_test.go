package markdown_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/content"
	"backstory/content/markdown"

	"github.com/google/go-cmp/cmp"
)

// FuzzParse feeds the parser arbitrary input, seeded with every test case.
// It must never panic; an article it accepts must survive JSON; problems
// must point inside the file.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.md")
	seeds = append(seeds, filepath.Join("..", "articles", "blinken-meets-xi.md"), filepath.Join("..", "articles", "how-to-write.md"))
	addSeeds(f, seeds)
	p := markdown.NewParser()
	f.Fuzz(func(t *testing.T, src []byte) {
		a, err := p.Parse("fuzz.md", src)
		if err == nil {
			roundTrip(t, "fuzz.md", a)
			return
		}
		problemsInside(t, src, err)
	})
}

// FuzzParseCard: a shared card's source, whatever it is, parses into a
// card that survives JSON, or fails with problems inside the file.
func FuzzParseCard(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/cards/*/*.md")
	seeds = append(seeds, filepath.Join("..", "articles", "cards", "wang-yi.md"))
	addSeeds(f, seeds)
	p := markdown.NewParser()
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := p.ParseCard("fuzz.md", src)
		if err == nil {
			data, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			var back content.Card
			if err := json.Unmarshal(data, &back); err != nil || !cmp.Equal(c, back) {
				t.Errorf("JSON round trip changed the card: %v\n%s", err, cmp.Diff(c, back))
			}
			return
		}
		problemsInside(t, src, err)
	})
}

// addSeeds adds the files as the fuzz target's seeds.
func addSeeds(f *testing.F, files []string) {
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
}

// problemsInside checks that a parser's error for src is a list of
// problems, each at a place inside the file.
func problemsInside(t *testing.T, src []byte, err error) {
	t.Helper()
	ps, ok := errors.AsType[content.Problems](err)
	if !ok || len(ps) == 0 {
		t.Fatalf("error is not a list of problems: %v", err)
	}
	lines := bytes.Count(src, []byte("\n")) + 1
	for _, p := range ps {
		if p.Line < 1 || p.Line > lines || p.Col < 1 {
			t.Errorf("problem outside the file (%d lines): %s", lines, p.Error())
		}
	}
}

// TestPathological parses inputs built to be slow: each must parse or fail
// within a budget of CPU time (timeBudget), far below what a super-linear
// parser would take.
func TestPathological(t *testing.T) {
	const front = "---\ntitle: Pathological\n---\n\n"
	big := strings.Repeat("A paragraph with *emphasis*, a [link](https://example.com) and `code`.\n\n", 70_000)
	tests := []struct {
		name string
		body string
	}{
		{"10000 nested block quotes", strings.Repeat("> ", 10_000) + "deep\n"},
		{"10000 nested list items", strings.Repeat("- ", 10_000) + "deep\n"},
		{"1000 indented list levels", nestedList(1000)},
		{"100 indented list levels", nestedList(100)},
		{"10000 list items", strings.Repeat("- item\n", 10_000)},
		{"10000 open emphasis", strings.Repeat("*a ", 10_000)},
		{"10000 open links", strings.Repeat("[", 10_000) + strings.Repeat("](#x)", 10)},
		{"10000 card fences", strings.Repeat(":::background[x]\n", 10_000)},
		{"a label of 10000 open emphasis", ":::background[" + strings.Repeat("*a [", 10_000) + strings.Repeat("]", 10_000) + "]\nText.\n:::\n"},
		{"a timeline of 10000 entries", ":::timeline[t]\n" + strings.Repeat("- 2018-07: an *entry*\n", 10_000) + ":::\n"},
		{"10000 timeline entries out of order", ":::timeline[t]\n" + strings.Repeat("- 2019: later\n- 2018: earlier\n", 5_000) + ":::\n"},
		{"10000 timeline entries without dates", ":::timeline[t]\n" + strings.Repeat("- July 2018: x\n", 10_000) + ":::\n"},
		{"5 MB of paragraphs", big},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(front + tt.body)
			// CPU time, not wall time: the budget is the parser's, however
			// busy the machine is with other tests.
			start, wall := cpuTime(), time.Now()
			_, _ = markdown.Parse("slow.md", src)
			if d := cpuTime() - start; d > timeBudget {
				t.Errorf("parsing %d bytes took %v of CPU (%v of wall time), want under %v", len(src), d, time.Since(wall), timeBudget)
			}
		})
	}
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- item\n")
	}
	return b.String()
}
