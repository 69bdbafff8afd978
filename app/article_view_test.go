package app

import (
	"testing"
	"time"

	"backstory/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func testArticle() *content.Article {
	a := article("p>one-china", "c:one-china")
	a.Title = "Xi receives Blinken"
	a.Dek = "A dek."
	a.Byline = "backstory staff"
	a.Lang, a.Dir = "en", "ltr"
	a.Published = time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	a.Cards = append(a.Cards, content.Card{ID: "wang", Kind: content.CardQuote, By: "Wang Yi", Role: "Director", Source: "CCTV", URL: "https://example.com/x", Date: a.Published,
		Blocks: []content.Block{{Kind: content.BlockParagraph, Text: []content.Inline{{Kind: content.InlineText, Text: "No room for compromise."}}}}})
	a.Blocks = append(a.Blocks, content.Block{Kind: content.BlockCard, ID: "wang"})
	return a
}

func TestArticleViewRenders(t *testing.T) {
	e := app.NewTestEngine()
	v := &ArticleView{Article: testArticle(), Chrome: true, Words: wordsIn(t, "en")}
	if err := e.Load(v); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()

	tests := []struct {
		name     string
		expected app.UI
		path     []int
	}{
		{"the article", el("article", attrs{"class", "article"}).OnClick(noop), []int{0}},
		{"the headline", textEl("h1", "headline", "Xi receives Blinken"), []int{0, 0, 0}},
		{"its text", app.Text("Xi receives Blinken"), []int{0, 0, 0, 0}},
		{"the dek", textEl("p", "dek", "A dek."), []int{0, 0, 1}},
		{"the card tools", el("div", attrs{"class", "card-tools needs-wasm"}), []int{0, 0, 3}},
		{"the reference", el("a", attrs{"href", "#one-china", "class", "card-ref", "data-card-ref", "one-china", "data-from", "0", "aria-controls", "one-china"}), []int{0, 1, 0, 0}},
		{"the dock after the reference", el("div", attrs{"class", "card-dock"}), []int{0, 1, 1}},
		{"the background card", el("details", attrs{"id", "one-china", "class", "card card-background", "data-card", "background"}).On("toggle", noop), []int{0, 1, 2}},
		{"its summary", el("summary", attrs{"class", "card-summary"}), []int{0, 1, 2, 0}},
		{"the quote card", el("details", attrs{"id", "wang", "class", "card card-quote", "data-card", "quote"}).On("toggle", noop), []int{0, 1, 3}},
		{"the quote's figure", el("figure", attrs{"class", "quote"}), []int{0, 1, 3, 1, 0}},
		{"the quote's words, citing their source", el("blockquote", attrs{"cite", "https://example.com/x"}), []int{0, 1, 3, 1, 0, 0}},
		{"the speaker", textEl("span", "quote-by", "Wang Yi"), []int{0, 1, 3, 1, 0, 1, 0}},
	}
	for _, tt := range tests {
		if err := app.Match(tt.expected, v, tt.path...); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestArticleViewOpenCards(t *testing.T) {
	e := app.NewTestEngine()
	v := &ArticleView{Article: testArticle(), OpenCards: true, Words: wordsIn(t, "en")}
	if err := e.Load(v); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	want := el("details", attrs{"id", "one-china", "class", "card card-background", "data-card", "background", "open", "true"}).On("toggle", noop)
	if err := app.Match(want, v, 0, 1, 2); err != nil {
		t.Errorf("with OpenCards, the card is not open: %v", err)
	}
	// No card tools without Chrome: the body is the header's next sibling.
	if err := app.Match(el("p", attrs{"class", "meta"}), v, 0, 0, 2); err != nil {
		t.Errorf("header: %v", err)
	}
}

func TestIndexViewRenders(t *testing.T) {
	e := app.NewTestEngine()
	v := &IndexView{Words: wordsIn(t, "en"), Articles: []content.Summary{
		{Slug: "new", Title: "New", Dek: "Newest.", Published: time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC), Lang: "en", Dir: "ltr", ReadingMinutes: 3},
		{Slug: "old", Title: "Old", Lang: "ar", Dir: "rtl", ReadingMinutes: 1},
	}}
	if err := e.Load(v); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	tests := []struct {
		name     string
		expected app.UI
		path     []int
	}{
		{"the list", el("ol", attrs{"class", "article-list"}), []int{0, 1}},
		{"a title in its language", el("h2", attrs{"class", "summary-title", "lang", "ar", "dir", "rtl"}), []int{0, 1, 1, 0, 0}},
		{"the link", el("a", attrs{"href", "/articles/new"}), []int{0, 1, 0, 0, 0, 0}},
		{"the date", el("time", attrs{"datetime", "2023-06-19"}), []int{0, 1, 0, 0, 2, 0}},
		{"the reading time", textEl("span", "", "3 min read"), []int{0, 1, 0, 0, 2, 2}},
	}
	for _, tt := range tests {
		if err := app.Match(tt.expected, v, tt.path...); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestPageRendersEachKind(t *testing.T) {
	tests := []struct {
		data PageData
		want app.UI
	}{
		{PageData{Path: "/articles/x", Kind: KindArticle, Article: testArticle(), ImageSizes: map[string]Size{"/a.png": {1, 2}}}, &ArticleView{Article: testArticle(), Chrome: true, ImageSizes: map[string]Size{"/a.png": {1, 2}}}},
		{PageData{Path: "/", Kind: KindIndex}, &IndexView{}},
		{PageData{Path: "/nope", Kind: KindNotFound}, el("div", attrs{"class", "not-found"})},
	}
	for _, tt := range tests {
		e := app.NewTestEngine()
		p := NewPage(tt.data)
		if err := e.Load(p); err != nil {
			t.Fatal(err)
		}
		e.ConsumeAll()
		if err := app.Match(tt.want, p, 0, 1, 0); err != nil {
			t.Errorf("%s page: %v", tt.data.Kind, err)
		}
	}
}

// noop stands for any event handler: app.Match checks that an element has
// one, not which.
func noop(app.Context, app.Event) {}
