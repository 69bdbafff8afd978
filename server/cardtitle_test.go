package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	ui "backstory/app"
	"backstory/content"
	"backstory/content/markdown"
)

// titlesSource is an article whose cards' titles have formatting.
const titlesSource = `---
title: Formatted titles
published: 2023-06-19
---

Text.

:::background[The *One China* principle, ` + "`code`" + ` and &amp;]{#one-china}
Beijing holds that there is only one China.
:::

:::quote[A **titled** quote]{#titled by="Wang Yi"}
No room for compromise.
:::
`

// TestFormattedCardTitles: a title with formatting shows it in the card's
// summary, and reads as its plain text there (no space gained or lost
// between the prerendered runs), in the article, in the card's embed and
// in the data the wasm renders from; where only text goes (the page's
// <title>, oEmbed's title) the title is its plain text.
func TestFormattedCardTitles(t *testing.T) {
	a, err := markdown.Parse("titles.md", []byte(titlesSource))
	if err != nil {
		t.Fatal(err)
	}
	store, err := content.NewStore([]content.Article{a})
	if err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, store)
	want := map[string]struct{ title, summary, named, markup string }{
		"one-china": {"The One China principle, code and &", "Background The One China principle, code and &", "The One China principle, code and &", "em"},
		"titled":    {"A titled quote", "Quote A titled quote “No room for compromise.”", "Quote: A titled quote", "strong"},
	}
	for id, w := range want {
		if c, _ := a.Card(id); c.Title != w.title || len(c.TitleText) == 0 {
			t.Fatalf("%s: the parser made the title %q, %v", id, c.Title, c.TitleText)
		}
		for _, path := range []string{ui.ArticlePath(a.Slug), ui.CardEmbedPath(a.Slug, id)} {
			res, body := get(t, ts, path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", path, res.StatusCode)
			}
			doc := parseHTML(t, body)
			card := one(t, doc, "card "+id, tag("details", "id", id))
			summary := one(t, card, "the summary of "+id, tag("summary"))
			if got := textOf(summary); got != w.summary {
				t.Errorf("%s: the summary of %s reads %q, want %q", path, id, got, w.summary)
			}
			title := one(t, summary, "the title of "+id, tag("span", "class", "card-title"))
			if got := textOf(title); got != w.title {
				t.Errorf("%s: the title of %s reads %q, want %q", path, id, got, w.title)
			}
			one(t, title, "<"+w.markup+"> in the title of "+id, tag(w.markup))
			d := pageData(t, doc)
			if c, _ := d.Article.Card(id); len(c.TitleText) == 0 {
				t.Errorf("%s: the page data lost the title's formatting", path)
			}
			if path == ui.CardEmbedPath(a.Slug, id) {
				if got := textOf(one(t, doc, "<title>", tag("title"))); got != w.named+" · backstory" {
					t.Errorf("%s: <title> %q", path, got)
				}
			}
		}
		_, body := get(t, ts, "/oembed?url="+url.QueryEscape("https://news.example"+ui.CardEmbedPath(a.Slug, id)))
		var ans struct{ Title string }
		if err := json.Unmarshal([]byte(body), &ans); err != nil || ans.Title != w.named {
			t.Errorf("oEmbed of %s: title %q (%v), want %q", id, ans.Title, err, w.named)
		}
	}
}
