package server

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	ui "backstory/app"
	"backstory/content"
	"backstory/content/markdown"
	"backstory/internal/synthetic"
)

// TestCardPage: a shared card's page shows the card, the stories that use
// it newest first, and structured data; its JSON and the list of cards say
// the same; a card that does not exist is not found.
func TestCardPage(t *testing.T) {
	store := embeddedStore(t)
	ts := testServer(t, store)
	card, ok := store.SharedCard("wang-yi")
	if !ok {
		t.Fatal("the embedded content has no shared card wang-yi")
	}

	res, body := get(t, ts, "/cards/wang-yi")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("card page: status %d", res.StatusCode)
	}
	doc := parseHTML(t, body)
	if got := textOf(one(t, doc, "h1", tag("h1"))); got != "Wang Yi, China’s top diplomat" {
		t.Errorf("h1 %q", got)
	}
	if got := textOf(one(t, doc, "the card's body", tag("div", "class", "card-body"))); !strings.Contains(got, "Politburo") {
		t.Errorf("the card's body: %q", got)
	}
	var links []string
	for _, a := range all(one(t, doc, "backlinks", tag("section", "class", "backlinks")), tag("a")) {
		href, _ := attr(a, "href")
		links = append(links, href)
	}
	if want := []string{"/articles/blinken-meets-xi", "/articles/how-to-write"}; !slices.Equal(links, want) {
		t.Errorf("backlinks %v, want %v (newest first)", links, want)
	}
	if got := textOf(one(t, doc, "title", tag("title"))); got != "Wang Yi, China’s top diplomat · backstory" {
		t.Errorf("title %q", got)
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(textOf(one(t, doc, "JSON-LD", tag("script", "type", "application/ld+json")))), &ld); err != nil {
		t.Fatal(err)
	}
	if ld["@type"] != "WebPage" || ld["name"] != card.Title || len(ld["significantLink"].([]any)) != 2 {
		t.Errorf("JSON-LD %v", ld)
	}
	if d := pageData(t, doc); d.Kind != ui.KindCard || d.SharedCard == nil || d.SharedCard.Revision != card.Revision || len(d.Backlinks) != 2 {
		t.Errorf("page data %+v", d)
	}

	res, body = get(t, ts, "/api/cards/wang-yi.json")
	var page ui.CardPageData
	if err := json.Unmarshal([]byte(body), &page); err != nil || res.StatusCode != http.StatusOK || page.Card.ID != "wang-yi" || len(page.Articles) != 2 || page.Articles[0].Slug != "blinken-meets-xi" {
		t.Errorf("card JSON: %d %v %+v", res.StatusCode, err, page)
	}
	res, body = get(t, ts, "/api/cards.json")
	var list []ui.CardListItem
	if err := json.Unmarshal([]byte(body), &list); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("card list: %d %v", res.StatusCode, err)
	}
	i := slices.IndexFunc(list, func(c ui.CardListItem) bool { return c.ID == "wang-yi" })
	if i < 0 || list[i].Revision != card.Revision || list[i].Articles != 2 {
		t.Errorf("card list %+v", list)
	}
	for _, path := range []string{"/cards/nope", "/api/cards/nope.json", "/cards/five-years"} {
		if res, _ := get(t, ts, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

// TestSharedCardInArticle: a shared card in an article links to its page,
// and says it was updated when that was after the article's publication.
func TestSharedCardInArticle(t *testing.T) {
	ts := testServer(t, embeddedStore(t))
	_, body := get(t, ts, "/articles/blinken-meets-xi")
	doc := parseHTML(t, body)
	card := one(t, doc, "the wang-yi card", tag("details", "id", "wang-yi"))
	if shared, _ := attr(card, "data-shared"); shared != "yes" {
		t.Errorf("data-shared %q", shared)
	}
	if href, _ := attr(one(t, card, "More on this", tag("a", "class", "card-more")), "href"); href != "/cards/wang-yi" {
		t.Errorf("More on this leads to %q", href)
	}
	if got := textOf(one(t, card, "the note", tag("p", "class", "card-shared"))); got != "Updated 25 July 2023 · More on this" {
		t.Errorf("note %q", got)
	}
	if all(one(t, doc, "the one-china card", tag("details", "id", "one-china")), tag("p", "class", "card-shared")) != nil {
		t.Error("a card of the article's own has a shared card's note")
	}

	// A card updated before the article was published says nothing of it.
	store := embeddedStore(t)
	var articles []content.Article
	for _, a := range store.Articles() {
		a.Published = a.Published.AddDate(1, 0, 0)
		articles = append(articles, a)
	}
	later, err := content.NewStore(articles)
	if err != nil {
		t.Fatal(err)
	}
	_, body = get(t, testServer(t, later), "/articles/blinken-meets-xi")
	card = one(t, parseHTML(t, body), "the wang-yi card", tag("details", "id", "wang-yi"))
	if got := textOf(one(t, card, "the note", tag("p", "class", "card-shared"))); got != "More on this" {
		t.Errorf("note of a card older than the article: %q", got)
	}
}

// TestCardJSONLDFitsTheKind: a quote's page describes a Quotation by its
// speaker.
func TestCardJSONLDFitsTheKind(t *testing.T) {
	c := content.Card{ID: "q", Kind: content.CardQuote, By: "Xi Jinping", Role: "President", Lang: "zh", URL: "https://example.com/s",
		Blocks: []content.Block{{Kind: content.BlockParagraph, Text: []content.Inline{{Kind: content.InlineText, Text: "Progress."}}}}}
	out, err := cardJSONLD(c, []content.Summary{{Slug: "a", Title: "A"}}, "https://n.example/cards/q", func(p string) string { return "https://n.example" + p })
	if err != nil {
		t.Fatal(err)
	}
	var ld struct {
		Type    string `json:"@type"`
		Text    string `json:"text"`
		Creator struct {
			Type, Name, JobTitle string
		} `json:"creator"`
		SubjectOf []struct{ URL string } `json:"subjectOf"`
	}
	if err := json.Unmarshal(out, &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Type != "Quotation" || ld.Text != "Progress." || ld.Creator.Name != "Xi Jinping" || ld.Creator.JobTitle != "President" || len(ld.SubjectOf) != 1 || ld.SubjectOf[0].URL != "https://n.example/articles/a" {
		t.Errorf("JSON-LD %s", out)
	}
}

// TestCardPagesOfStories: a card placed by more stories than a page holds
// lists them IndexPageSize a page, as the index does; its JSON has them
// all.
func TestCardPagesOfStories(t *testing.T) {
	store, err := markdown.NewParser().LoadDir(synthetic.FSWithCards(ui.IndexPageSize+5, 1), "synthetic")
	if err != nil {
		t.Fatal(err)
	}
	ts := testServer(t, store)
	id := synthetic.SharedCardID(0)
	stories := func(path string) (int, []string) {
		t.Helper()
		res, body := get(t, ts, path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		doc := parseHTML(t, body)
		var nav []string
		for _, a := range all(doc, tag("a", "rel", "*")) {
			href, _ := attr(a, "href")
			nav = append(nav, href)
		}
		return len(all(one(t, doc, "backlinks", tag("section", "class", "backlinks")), tag("li"))), nav
	}
	if n, nav := stories(ui.CardPath(id)); n != ui.IndexPageSize || !slices.Equal(nav, []string{"/cards/shared-000000/page/2"}) {
		t.Errorf("page 1: %d stories, links %v", n, nav)
	}
	if n, nav := stories("/cards/shared-000000/page/2"); n != 5 || !slices.Equal(nav, []string{"/cards/shared-000000"}) {
		t.Errorf("page 2: %d stories, links %v", n, nav)
	}
	for _, path := range []string{"/cards/shared-000000/page/3", "/cards/shared-000000/page/1x", "/api/cards/shared-000000/pages/3.json", "/api/cards/shared-000000/pages/0.json"} {
		if res, _ := get(t, ts, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
	var page ui.CardPageData
	_, body := get(t, ts, ui.APICardPagePath(id, 2))
	if err := json.Unmarshal([]byte(body), &page); err != nil || len(page.Articles) != 5 || page.Total != ui.IndexPageSize+5 || page.Pagination == nil || page.Pagination.Pages != 2 {
		t.Errorf("page 2's JSON: %v %+v", err, page)
	}
	page = ui.CardPageData{}
	_, body = get(t, ts, ui.APICardPath(id))
	if err := json.Unmarshal([]byte(body), &page); err != nil || len(page.Articles) != ui.IndexPageSize+5 || page.Pagination != nil {
		t.Errorf("the card's JSON: %v, %d stories", err, len(page.Articles))
	}
}
