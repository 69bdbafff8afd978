package markdown_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/content"
	"backstory/content/markdown"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// cases lists the articles of testdata/dir, the test cases.
func cases(t *testing.T, dir string) []string { return casesOf(t, dir, "*.md") }

// casesOf lists the files of testdata/dir that match pattern.
func casesOf(t *testing.T, dir, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases in testdata/%s: %v", dir, err)
	}
	return files
}

// TestParse parses each testdata/ok case and compares the model, as JSON,
// with its golden file.
func TestParse(t *testing.T) {
	for _, file := range cases(t, "ok") {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".md"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := markdown.Parse(name, src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(file, ".md")+".json", append(got, '\n'))
		})
	}
}

// TestJSONRoundTrip checks that the model survives JSON unchanged, as the UI
// receives it.
func TestJSONRoundTrip(t *testing.T) {
	for _, file := range cases(t, "ok") {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		a, err := markdown.Parse(filepath.Base(file), src)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		roundTrip(t, file, a)
	}
}

func roundTrip(t *testing.T, name string, a content.Article) {
	t.Helper()
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("%s: marshal: %v", name, err)
	}
	var back content.Article
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("%s: unmarshal: %v", name, err)
	}
	a.Sites = nil // where the source writes the cards: not in the JSON
	if diff := cmp.Diff(a, back); diff != "" {
		t.Errorf("%s: JSON round trip changed the article (-before +after):\n%s", name, diff)
	}
}

// TestProblems parses each testdata/errors case and compares the problems
// reported with its golden file.
func TestProblems(t *testing.T) {
	for _, file := range cases(t, "errors") {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".md"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, err = markdown.Parse(name, src)
			ps, ok := errors.AsType[content.Problems](err)
			if !ok || len(ps) == 0 {
				t.Fatalf("Parse returned %v, want problems", err)
			}
			lines := strings.Count(string(src), "\n") + 1
			for _, p := range ps {
				if p.File != name || p.Line < 1 || p.Line > lines || p.Col < 1 {
					t.Errorf("problem %q is not at a place in the file", p.Error())
				}
			}
			golden(t, strings.TrimSuffix(file, ".md")+".txt", []byte(err.Error()+"\n"))
		})
	}
}
