package app

import (
	"bytes"
	"strings"
	"testing"

	"backstory/content"
	"backstory/server/prerender"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

func TestFormatEventDate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2018", "2018"},
		{"2018-07", "July 2018"},
		{"2018-07-06", "6 July 2018"},
		{"0999-01", "January 999"}, // as Intl writes it
		{"2018-13", "2018-13"},     // the parser refuses it; shown as written
	} {
		if got := formatEventDate(wordsIn(t, "en"), tt.in); got != tt.want {
			t.Errorf("formatEventDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// timelineArticle has a timeline card whose entries hold inline Markdown,
// more than one paragraph and a reference to another card.
func timelineArticle() *content.Article {
	p := func(runs ...content.Inline) content.Block {
		return content.Block{Kind: content.BlockParagraph, Text: runs}
	}
	txt := func(s string) content.Inline { return content.Inline{Kind: content.InlineText, Text: s} }
	a := article("p>t", "c:t", "c:balloon")
	a.Lang = "en"
	a.Cards[0].Kind, a.Cards[0].Title, a.Cards[0].Blocks = content.CardTimeline, "US–China relations", nil
	a.Cards[0].Events = []content.TimelineEvent{
		{Date: "2018", Blocks: []content.Block{p(txt("The US imposes "), content.Inline{Kind: content.InlineStrong, Children: []content.Inline{txt("tariffs")}}, txt("."))}},
		{Date: "2022-08", Blocks: []content.Block{p(txt("Pelosi visits Taipei.")), p(txt("China holds drills."))}},
		{Date: "2023-02-03", Blocks: []content.Block{p(txt("Blinken "), content.Inline{Kind: content.InlineCardRef, Card: "balloon", Children: []content.Inline{txt("postpones his trip")}}, txt("."))}},
	}
	return a
}

// TestTimelineCard: a timeline card renders as an ordered list of its
// entries, each a <time> with its date as written and as people say it,
// then its Markdown, in the page the server sends.
func TestTimelineCard(t *testing.T) {
	for _, tt := range []struct {
		name                string
		embedded            bool
		share               string
		articleDir, dateDir string // the dates are in the article's words: no direction of their own
	}{
		{"in the article", false, "Share timeline", "ltr", ""},
		{"in an embed", true, "", "ltr", ""},
		{"in a right-to-left article", false, "Share timeline", "rtl", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := timelineArticle()
			a.Dir = tt.articleDir
			e := app.NewTestEngine()
			v := &ArticleView{Article: a, Embedded: tt.embedded, Words: wordsIn(t, "en")}
			if err := e.Load(v); err != nil {
				t.Fatal(err)
			}
			e.ConsumeAll()
			page, err := prerender.Render(v) // as the server sends it
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			card := only(t, doc, "the timeline card", func(n *html.Node) bool { return n.Data == "details" && attrOf(n, "id") == "t" })
			if got := attrOf(card, "class"); got != "card card-timeline" {
				t.Errorf("the card's class is %q", got)
			}
			if got := textIn(only(t, card, "the kind", hasClass("span", "card-kind"))); got != "Timeline" {
				t.Errorf("the card is called %q", got)
			}
			ol := only(t, card, "the list", hasClass("ol", "timeline"))
			if p := ol.Parent; p == nil || attrOf(p, "class") != "card-body" {
				t.Error("the list is not in the card's body")
			}
			if got := attrOf(ol, "role"); got != "list" {
				t.Errorf("the list's role is %q, want list", got)
			}
			var items []*html.Node
			for c := ol.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					items = append(items, c)
				}
			}
			want := []struct{ datetime, date, text string }{
				{"2018", "2018", "The US imposes tariffs."},
				{"2022-08", "August 2022", "Pelosi visits Taipei. China holds drills."},
				{"2023-02-03", "3 February 2023", "Blinken postpones his trip."},
			}
			if len(items) != len(want) {
				t.Fatalf("%d entries, want %d", len(items), len(want))
			}
			for i, w := range want {
				li := items[i]
				if li.Data != "li" || attrOf(li, "class") != "timeline-event" {
					t.Errorf("entry %d is <%s class=%q>", i, li.Data, attrOf(li, "class"))
				}
				tm := li.FirstChild
				for tm != nil && tm.Type != html.ElementNode {
					tm = tm.NextSibling
				}
				if tm == nil || tm.Data != "time" || attrOf(tm, "datetime") != w.datetime || textIn(tm) != w.date {
					t.Errorf("entry %d does not start with <time datetime=%q>%s</time>", i, w.datetime, w.date)
				} else if got := attrOf(tm, "dir"); got != tt.dateDir {
					t.Errorf("entry %d: the date's dir is %q, want %q", i, got, tt.dateDir)
				}
				body := only(t, li, "the entry's text", hasClass("div", "timeline-text"))
				if got := textIn(body); got != w.text {
					t.Errorf("entry %d says %q, want %q", i, got, w.text)
				}
			}
			if got := len(findAll(items[1], func(n *html.Node) bool { return n.Data == "p" })); got != 2 {
				t.Errorf("the second entry has %d paragraphs, want 2", got)
			}
			one(t, items[0], "the strong text", func(n *html.Node) bool { return n.Data == "strong" && textIn(n) == "tariffs" })
			ref := only(t, items[2], "the card reference", hasClass("a", "card-ref"))
			if attrOf(ref, "data-card-ref") != "balloon" || attrOf(ref, "data-in-card") != "t" {
				t.Errorf("the reference in the entry: data-card-ref=%q data-in-card=%q", attrOf(ref, "data-card-ref"), attrOf(ref, "data-in-card"))
			}
			shares := findAll(card, hasClass("button", "card-share"))
			switch {
			case tt.share == "" && len(shares) > 0:
				t.Error("the embed's timeline has a Share button")
			case tt.share != "" && (len(shares) != 1 || textIn(shares[0]) != tt.share):
				t.Errorf("the Share button is missing or does not say %q", tt.share)
			}
		})
	}
}

// TestTimelineRefsDock: a reference inside a timeline entry opens its card
// right after the timeline, as one in any card's text does.
func TestTimelineRefsDock(t *testing.T) {
	if p := newCardPlan(timelineArticle()); !p.docked[1] {
		t.Error("no dock after the timeline that holds a card reference")
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass matches tag elements with class among their classes.
func hasClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Data == tag && strings.Contains(" "+attrOf(n, "class")+" ", " "+class+" ")
	}
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
		out = append(out, findAll(c, match)...)
	}
	return out
}

// only returns the one element below n that matches, failing the test now
// if there is not exactly one.
func only(t *testing.T, n *html.Node, what string, match func(*html.Node) bool) *html.Node {
	t.Helper()
	found := findAll(n, match)
	if len(found) != 1 {
		t.Fatalf("%s: found %d, want 1", what, len(found))
	}
	return found[0]
}

// one is only, failing the test but going on.
func one(t *testing.T, n *html.Node, what string, match func(*html.Node) bool) {
	t.Helper()
	if found := findAll(n, match); len(found) != 1 {
		t.Errorf("%s: found %d, want 1", what, len(found))
	}
}

// textIn is the text in n, with runs of white space as one space and
// a space between paragraphs.
func textIn(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Data == "p":
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
