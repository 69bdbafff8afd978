package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/cli"
)

// run runs the command line and returns its exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := cli.Env{
		Stdout: &out,
		Stderr: &errOut,
		Now:    func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) },
		Getenv: func(string) string { return "" },
	}
	code = cli.Run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr []string
	}{
		{"embedded articles", []string{"check"}, 0, "2 articles, 13 cards (2 shared), 0 problems\n", nil},
		{"shared cards", []string{"check", "testdata/check-shared"}, 1, "1 article, 2 cards (3 shared), 3 problems, 2 warnings\n", []string{
			"testdata/check-shared/cards/broken.md:2:1: quote card needs by=\"…\": who said it",
			"testdata/check-shared/story.md:10:1: there is no shared card \"nowhere\": write cards/nowhere.md",
			"testdata/check-shared/story.md:12:1: the id \"clash\" is a shared card's (cards/clash.md) too",
			"testdata/check-shared/cards/unused.md: warning: no article places this card",
		}},
		{"only warnings", []string{"check", "testdata/check-unused"}, 0, "1 article, 1 card (2 shared), 0 problems, 1 warning\n", []string{
			"testdata/check-unused/cards/unused.md: warning: no article places this card: place it with ::card{#unused}",
		}},
		{"a language without the UI's words", []string{"check", "testdata/check-lang"}, 0, "3 articles, 0 cards, 0 problems, 1 warning\n", []string{
			`testdata/check-lang: warning: no translation of the UI into "sw" (i18n/catalog/locales/sw.json): its articles show the UI's words in English`,
		}},
		{"a story in two languages, one missing", []string{"check", "testdata/check-translations"}, 1, "2 articles, 0 cards, 2 problems\n", []string{
			`testdata/check-translations (talks): translations: no article has the slug "gespraeche" (de)`,
			`testdata/check-translations (talks): translations: "pourparlers" is in "fr", not "es"`,
		}},
		{"an article with shared cards", []string{"check", "testdata/check-shared/story.md"}, 1, "1 article, 3 cards, 2 problems\n", []string{
			"testdata/check-shared/story.md:10:1: there is no shared card \"nowhere\"",
		}},
		{"a shared card", []string{"check", "testdata/check-shared/cards/broken.md"}, 1, "0 articles, 1 card (1 shared), 1 problem\n", []string{
			"testdata/check-shared/cards/broken.md:2:1: quote card needs by=",
		}},
		{"a good file", []string{"check", "testdata/check/good.md"}, 0, "1 article, 2 cards, 0 problems\n", nil},
		{"a directory with problems", []string{"check", "testdata/check"}, 1, "2 articles, 2 cards, 2 problems\n", []string{
			"testdata/check/bad.md:5:3: link to #missing, but no card or heading has the id \"missing\"",
			"testdata/check/bad.md:7:1: quote card needs by=\"…\": who said it",
		}},
		{"good settings", []string{"check", "testdata/check-site"}, 0, "1 article, 0 cards, 0 problems\n", nil},
		{"bad settings", []string{"check", "testdata/check-site-bad"}, 1, "1 article, 0 cards, 4 problems\n", []string{
			"testdata/check-site-bad/site.yaml:2:9: accent #ffcc00 has a contrast of 1.31:1 on the light theme's cards (#f2efe8): link text needs 4.5:1 (WCAG AA); #856a00, a darker shade of it, has 4.50:1\n",
			"testdata/check-site-bad/site.yaml:3:14: accent_dark: \"navy\" is not a colour",
			"testdata/check-site-bad/site.yaml:4:1: unknown key \"colour\": did you mean accent?\n",
			"testdata/check-site-bad/site.yaml:5:7: logo \"images/logo.svg\" does not exist in the content folder\n",
		}},
		{"bad settings alone", []string{"check", "testdata/check-site-bad/site.yaml"}, 1, "0 articles, 0 cards, 4 problems\n", []string{
			"testdata/check-site-bad/site.yaml:4:1: unknown key \"colour\"",
		}},
		{"good settings alone", []string{"check", "testdata/check-site/site.yaml"}, 0, "0 articles, 0 cards, 0 problems\n", nil},
		{"a missing file", []string{"check", "testdata/check/nope.md"}, 1, "0 articles, 0 cards, 1 problem\n", []string{"testdata/check/nope.md: cannot read: no such file or directory"}},
		{"a bad flag", []string{"check", "-nope"}, 2, "", []string{"flag provided but not defined: -nope"}},
		{"no command", nil, 2, "", []string{"Usage:"}},
		{"an unknown command", []string{"frobnicate"}, 2, "", []string{`unknown command "frobnicate"`}},
		{"help", []string{"help"}, 0, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, tt.wantCode, stderr)
			}
			if tt.wantStdout != "" && stdout != tt.wantStdout {
				t.Errorf("stdout %q, want %q", stdout, tt.wantStdout)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestNewCardIsPlacedAndChecked writes a shared card of each kind and an
// article, places the cards in it, and checks the directory.
func TestNewCardIsPlacedAndChecked(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ id, kind string }{{"wang-yi", "background"}, {"wang-yi-quote", "quote"}} {
		code, stdout, stderr := run(t, "new", "-dir", dir, "-card", c.id, "-kind", c.kind)
		path := filepath.Join(dir, "cards", c.id+".md")
		if code != 0 || !strings.HasPrefix(stdout, "wrote "+path) {
			t.Fatalf("new -card %s: exit %d, stdout %q, stderr %q", c.id, code, stdout, stderr)
		}
	}
	if code, _, stderr := run(t, "new", "-dir", dir, "-card", "wang-yi"); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new -card: exit %d, stderr %q; want a refusal to overwrite", code, stderr)
	}
	if code, _, stderr := run(t, "new", "-dir", dir, "-card", "Wang Yi"); code != 2 || !strings.Contains(stderr, "lowercase") {
		t.Errorf("new -card with a bad id: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := run(t, "new", "-dir", dir, "-card", "x", "-kind", "nope"); code != 2 || !strings.Contains(stderr, "background or quote") {
		t.Errorf("new -card with a bad kind: exit %d, stderr %q", code, stderr)
	}
	story := "---\ntitle: A story\n---\n\nAbout [Wang Yi](#wang-yi).\n\n::card{#wang-yi}\n"
	if err := os.WriteFile(filepath.Join(dir, "story.md"), []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := run(t, "check", dir); code != 0 || stdout != "1 article, 1 card (2 shared), 0 problems, 1 warning\n" || !strings.Contains(stderr, "wang-yi-quote.md: warning") {
		t.Errorf("check with one card placed: exit %d\n%s%s", code, stdout, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "story.md"), []byte(story+"\n::card{#wang-yi-quote}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := run(t, "check", dir); code != 0 || stdout != "1 article, 2 cards (2 shared), 0 problems\n" {
		t.Errorf("check after placing: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestNewWritesAnArticleThatPassesCheck(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := run(t, "new", "-dir", dir, `Wang Yi: "No compromise"`)
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	path := filepath.Join(dir, "wang-yi-no-compromise.md")
	if stdout != "wrote "+path+"\n" {
		t.Errorf("stdout %q", stdout)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title: "Wang Yi: \"No compromise\""`, "published: 2026-11-29", ":::background[", ":::quote{"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("new article lacks %q:\n%s", want, src)
		}
	}
	if code, stdout, stderr := run(t, "check", path); code != 0 {
		t.Errorf("check of the new article: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "new", "-dir", dir, `Wang Yi: "No compromise"`); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new: exit %d, stderr %q; want a refusal to overwrite", code, stderr)
	}
	if code, _, _ := run(t, "new", "-dir", dir); code != 2 {
		t.Errorf("new without a title: exit %d, want 2", code)
	}
}

func TestNewWritesInTheSitesLanguage(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("name: Le Quotidien\nlang: fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "new", "-dir", dir, "Les nouvelles"); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	src, err := os.ReadFile(filepath.Join(dir, "les-nouvelles.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "\nlang: fr\n") {
		t.Errorf("the new article is not in the site's language:\n%s", src)
	}
}

func TestExport(t *testing.T) {
	web := t.TempDir()
	for name, body := range map[string]string{"app.wasm": "\x00asm\x01\x00\x00\x00", "wasm_exec.js": "// stand-in\n"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := run(t, "export", "-out", out, "-web", web, "-base-url", "https://news.example")
	if code != 0 || !strings.HasPrefix(stdout, "exported 2 articles to "+out) {
		t.Fatalf("export: exit %d, %q, %s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "blinken-meets-xi", "index.html"))
	if err != nil || !strings.Contains(string(page), `href="https://news.example/articles/blinken-meets-xi"`) {
		t.Errorf("the exported article lacks its canonical URL (%v)", err)
	}

	// Under a prefix: the export is the prefix's directory, and its pages
	// link under the prefix; progress never reaches a file.
	out = filepath.Join(t.TempDir(), "news")
	code, stdout, stderr = run(t, "export", "-out", out, "-web", web, "-base-url", "https://news.example/news/")
	if code != 0 || strings.Contains(stderr, "of ") {
		t.Fatalf("export under a prefix: exit %d, %q, %q", code, stdout, stderr)
	}
	page, err = os.ReadFile(filepath.Join(out, "articles", "blinken-meets-xi", "index.html"))
	if err != nil || !strings.Contains(string(page), `href="/news/"`) {
		t.Errorf("the exported article does not link to the index under the prefix (%v)", err)
	}

	tests := []struct {
		name     string
		args     []string
		wantCode int
		stderr   string
	}{
		{"no -out", []string{"export"}, 2, "Usage: backstory export"},
		{"no wasm", []string{"export", "-out", filepath.Join(t.TempDir(), "x"), "-web", t.TempDir()}, 1, "app.wasm is missing: build it first with make wasm"},
		{"no -base-url", []string{"export", "-out", filepath.Join(t.TempDir(), "x"), "-web", web}, 0, "no -base-url: links, sharing and embeds will point to http://localhost:8080"},
		{"articles with problems", []string{"export", "-out", filepath.Join(t.TempDir(), "x"), "-web", web, "-content", "testdata/check"}, 1, "testdata/check/bad.md:7:1: quote card needs by="},
		{"a relative base URL", []string{"export", "-out", filepath.Join(t.TempDir(), "x"), "-web", web, "-base-url", "news.example/news"}, 2, "-base-url: base URL \"news.example/news\" must be an absolute http or https URL"},
		{"a base URL with a query", []string{"export", "-out", filepath.Join(t.TempDir(), "x"), "-web", web, "-base-url", "https://news.example/news?x=1"}, 2, "must have no query or fragment"},
		{"serve, a base URL with a fragment", []string{"serve", "-addr", "127.0.0.1:0", "-base-url", "https://news.example/#top"}, 2, "must have no query or fragment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, want %d; stderr lacks %q:\n%s", code, tt.wantCode, tt.stderr, stderr)
			}
		})
	}
}
