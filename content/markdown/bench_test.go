package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"backstory/content/markdown"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"go.abhg.dev/goldmark/frontmatter"
)

func seedArticle(b *testing.B) []byte {
	src, err := os.ReadFile(filepath.Join("..", "articles", "blinken-meets-xi.md"))
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkParse is parse + model of the seed article.
func BenchmarkParse(b *testing.B) {
	src := seedArticle(b)
	p := markdown.NewParser()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := p.Parse("blinken-meets-xi.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoldmarkHTML is goldmark rendering the seed article to HTML with
// the same syntax extensions (GFM's tables, strikethrough and autolinks, and
// front matter); cards come out as paragraphs. BenchmarkParse's goal is at
// most 1.3 times its time.
func BenchmarkGoldmarkHTML(b *testing.B) {
	src := seedArticle(b)
	md := goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough, extension.Linkify,
		&frontmatter.Extender{Formats: []frontmatter.Format{frontmatter.YAML}},
	))
	var out bytes.Buffer
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		out.Reset()
		if err := md.Convert(src, &out); err != nil {
			b.Fatal(err)
		}
	}
}
