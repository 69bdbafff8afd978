package markdown_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/content"
	"backstory/content/markdown"

	"github.com/google/go-cmp/cmp"
)

// TestTypography parses each case of testdata/typography and compares
// what a reader sees of its text, one line a block, with the case's
// expected lines. A file LANG.txt holds articles in LANG, the parser's
// language (an article's front matter may name another); shared.txt holds
// shared cards, parsed by an English parser.
//
// A case starts with a line "-- name --"; its lines are the Markdown,
// and those starting "=> " what it shows. Text is shown as Markdown
// (*emphasis*, `code`, [link](url "title")), a narrow no-break space as
// <nnbsp> and a no-break space as <nbsp>.
func TestTypography(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "typography", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases in testdata/typography: %v", err)
	}
	for _, file := range files {
		lang := strings.TrimSuffix(filepath.Base(file), ".txt")
		p := markdown.NewParser().WithLang(lang)
		for _, c := range readTypographyCases(t, file) {
			t.Run(lang+"/"+c.name, func(t *testing.T) {
				var got []string
				if lang == "shared" {
					card, err := markdown.NewParser().ParseCard("card.md", []byte(c.src))
					if err != nil {
						t.Fatalf("ParseCard: %v", err)
					}
					got = showCard(card)
				} else {
					got = showArticle(t, p, c.src)
				}
				if diff := cmp.Diff(c.want, got); diff != "" {
					t.Errorf("%s:%d: (-want +got):\n%s", file, c.line, diff)
				}
			})
		}
	}
}

type typographyCase struct {
	name, src string
	want      []string
	line      int
}

func readTypographyCases(t *testing.T, file string) []typographyCase {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []typographyCase
	s := bufio.NewScanner(f)
	for n := 1; s.Scan(); n++ {
		line := s.Text()
		if name, ok := strings.CutPrefix(line, "-- "); ok && strings.HasSuffix(name, " --") {
			cases = append(cases, typographyCase{name: strings.TrimSuffix(name, " --"), line: n})
			continue
		}
		if len(cases) == 0 {
			continue // the file's preamble
		}
		c := &cases[len(cases)-1]
		if want, ok := strings.CutPrefix(line, "=> "); ok {
			c.want = append(c.want, want)
		} else {
			c.src += line + "\n"
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s has no cases", file)
	}
	return cases
}

// showArticle parses src, an article's body or, if it starts with "---", a
// whole article, and shows its text. With front matter of its own, its
// title, dek and byline come first.
func showArticle(t *testing.T, p *markdown.Parser, src string) []string {
	t.Helper()
	meta := strings.HasPrefix(src, "---\n")
	if !meta {
		src = "---\ntitle: Typography\n---\n\n" + src
	}
	a, err := p.Parse("typography.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var lines []string
	if meta {
		lines = append(lines, visibleSpaces("title: "+a.Title))
		for _, f := range [][2]string{{"dek", a.Dek}, {"byline", a.Byline}} {
			if f[1] != "" {
				lines = append(lines, visibleSpaces(f[0]+": "+f[1]))
			}
		}
	}
	for b := range content.Descendants(a.Blocks) {
		lines = appendShown(lines, b)
	}
	for i := range a.Cards {
		lines = append(lines, showCard(a.Cards[i])...)
	}
	return lines
}

// showCard shows a card's title and fields on a line, then its text.
func showCard(c content.Card) []string {
	head := "card #" + c.ID + ":"
	title := c.Title
	if c.TitleText != nil {
		title = showRuns(c.TitleText)
	}
	for _, f := range [][2]string{{"", title}, {"by=", c.By}, {"role=", c.Role}, {"source=", c.Source}, {"lang=", c.Lang}} {
		if f[1] != "" {
			head += " " + f[0] + f[1]
		}
	}
	lines := []string{visibleSpaces(head)}
	for b := range c.Descendants() {
		lines = appendShown(lines, b)
	}
	return lines
}

// appendShown appends a line showing a block's own text, if it has any.
func appendShown(lines []string, b *content.Block) []string {
	var line string
	switch b.Kind {
	case content.BlockHeading:
		line = strings.Repeat("#", b.Level) + " " + showRuns(b.Text) + " {#" + b.ID + "}"
	case content.BlockCode:
		line = "code: " + b.Code
	case content.BlockImage:
		line = showRuns([]content.Inline{{Kind: content.InlineImage, URL: b.Image.URL, Text: b.Image.Alt, Title: b.Image.Title}})
	default:
		var cells []string
		for text := range b.Texts() {
			cells = append(cells, showRuns(text))
		}
		if len(cells) == 0 {
			return lines
		}
		line = strings.Join(cells, " | ")
	}
	return append(lines, visibleSpaces(line))
}

// showRuns shows inline content as Markdown.
func showRuns(runs []content.Inline) string {
	var b strings.Builder
	for _, r := range runs {
		title := ""
		if r.Title != "" {
			title = ` "` + r.Title + `"`
		}
		switch r.Kind {
		case content.InlineText:
			b.WriteString(r.Text)
		case content.InlineCode:
			b.WriteString("`" + r.Text + "`")
		case content.InlineEmphasis:
			b.WriteString("*" + showRuns(r.Children) + "*")
		case content.InlineStrong:
			b.WriteString("**" + showRuns(r.Children) + "**")
		case content.InlineStrike:
			b.WriteString("~~" + showRuns(r.Children) + "~~")
		case content.InlineLink:
			b.WriteString("[" + showRuns(r.Children) + "](" + r.URL + title + ")")
		case content.InlineCardRef:
			b.WriteString("[" + showRuns(r.Children) + "](#" + r.Card + ")")
		case content.InlineImage:
			b.WriteString("![" + r.Text + "](" + r.URL + title + ")")
		case content.InlineLineBreak:
			b.WriteString("<br>")
		}
	}
	return b.String()
}

// visibleSpaces names the spaces that look like any other.
func visibleSpaces(s string) string {
	return strings.NewReplacer("\u202f", "<nnbsp>", "\u00a0", "<nbsp>").Replace(s)
}
