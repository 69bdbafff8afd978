package markdown_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/content"
	"backstory/content/markdown"
)

// TestParseCard parses each testdata/cards/ok shared card and compares the
// card, as JSON, with its golden file.
func TestParseCard(t *testing.T) {
	p := markdown.NewParser()
	for _, file := range cases(t, "cards/ok") {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".md"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, err := p.ParseCard(filepath.Base(file), src)
			if err != nil {
				t.Fatalf("ParseCard: %v", err)
			}
			if !c.Shared || c.Revision == "" {
				t.Errorf("a shared card has Shared %t, Revision %q", c.Shared, c.Revision)
			}
			got, err := json.MarshalIndent(c, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(file, ".md")+".json", append(got, '\n'))
		})
	}
}

// TestCardProblems parses each testdata/cards/errors shared card and
// compares the problems with its golden file.
func TestCardProblems(t *testing.T) {
	p := markdown.NewParser()
	for _, file := range cases(t, "cards/errors") {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".md"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.ParseCard(name, src)
			ps, ok := errors.AsType[content.Problems](err)
			if !ok || len(ps) == 0 {
				t.Fatalf("ParseCard returned %v, want problems", err)
			}
			golden(t, strings.TrimSuffix(file, ".md")+".txt", []byte(err.Error()+"\n"))
		})
	}
}

// TestCardRevision: a card's revision changes with its content, and only
// with it.
func TestCardRevision(t *testing.T) {
	p := markdown.NewParser()
	src := "---\nkind: background\ntitle: T\n---\n\nText.\n"
	a, _ := p.ParseCard("a.md", []byte(src))
	same, _ := p.ParseCard("a.md", []byte(src))
	changed, _ := p.ParseCard("a.md", []byte(strings.Replace(src, "Text.", "Text, changed.", 1)))
	if a.Revision != same.Revision || a.Revision == changed.Revision {
		t.Errorf("revisions %q, %q (same source), %q (changed)", a.Revision, same.Revision, changed.Revision)
	}
}
