package content

import (
	"strings"
	"time"
)

// CardKind says what a Card is.
type CardKind string

// The kinds of card.
const (
	// CardBackground gives context a reader may lack.
	CardBackground CardKind = "background"
	// CardQuote says who said what, in what role, where and when.
	CardQuote CardKind = "quote"
	// CardTimeline lists dated events, earliest or latest first.
	CardTimeline CardKind = "timeline"
)

// CardSpec declares a kind of card: what the parser, the renderers, the
// embeds' height estimates and the messages know of it. Each kind is
// declared once, in CardKinds; the UI gives each a renderer of its own
// (app/card.go), its CSS is web/static/app.css's .card-KIND, its syntax is
// in docs/FORMAT.md and its markup in docs/MARKUP.md.
type CardSpec struct {
	Kind CardKind
	// Name is what readers see the kind called.
	Name string
	// Attrs are the attributes its directive takes, "id" first.
	Attrs []string
	// Example is its directive's opening line, for messages.
	Example string
	// Quoted says its body is someone's words: the card is named by its
	// speaker (By) when it has no title, its summary shows the start of
	// the words, and its body credits them.
	Quoted bool
	// Events says its body is a list of dated entries, kept in
	// Card.Events; the body of other kinds is Markdown, kept in
	// Card.Blocks.
	Events bool
	// Lacks says what a card of the kind lacks, as a problem for its
	// author; "" if nothing.
	Lacks func(c *Card) string
}

// CardKinds declares every kind of card.
var CardKinds = []CardSpec{
	{
		Kind:    CardBackground,
		Name:    "Background",
		Attrs:   []string{"id"},
		Example: ":::background[The One China principle]",
		Lacks:   lacksTitle("a background card needs a title, as in :::background[The One China principle]"),
	},
	{
		Kind:    CardQuote,
		Name:    "Quote",
		Attrs:   []string{"id", "by", "role", "source", "url", "date", "lang"},
		Example: `:::quote{by="Wang Yi"}`,
		Quoted:  true,
		Lacks: func(c *Card) string {
			if strings.TrimSpace(c.By) == "" {
				return "quote card needs by=\"…\": who said it"
			}
			return ""
		},
	},
	{
		Kind:    CardTimeline,
		Name:    "Timeline",
		Attrs:   []string{"id"},
		Example: ":::timeline[US–China relations since 2018]",
		Events:  true,
		Lacks:   lacksTitle("a timeline card needs a title, as in :::timeline[US–China relations since 2018]"),
	},
}

// lacksTitle is the Lacks of a kind whose title is required: problem when
// the card has none.
func lacksTitle(problem string) func(c *Card) string {
	return func(c *Card) string {
		if strings.TrimSpace(c.Title) == "" {
			return problem
		}
		return ""
	}
}

// LookupCardKind returns the declaration of kind k.
func LookupCardKind(k CardKind) (CardSpec, bool) {
	for _, s := range CardKinds {
		if s.Kind == k {
			return s, true
		}
	}
	return CardSpec{}, false
}

// Card is an expandable card. Background and timeline cards have a Title;
// quote cards have a speaker (By) and, optionally, a Title, Role, Source,
// URL, Date and the Lang of the original wording. A card's body is either
// Blocks (the background text, or the quoted words) or, for a kind whose
// CardSpec says Events, the timeline's Events, in the order written; the
// other is empty, and left out of the JSON.
type Card struct {
	ID   string   `json:"id"`
	Kind CardKind `json:"kind"`
	// Title is the card's title as plain text, formatting dropped: what
	// names the card where only text goes (a page's <title>, share texts,
	// embeds' names).
	Title string `json:"title,omitempty"`
	// TitleText is the title as inline content (emphasis, strong,
	// strikethrough, code), set only when it holds more than plain text;
	// without it, Title is the whole of the title. It never holds links
	// or images: the title opens and closes the card.
	TitleText []Inline  `json:"titleText,omitempty"`
	By        string    `json:"by,omitempty"`
	Role      string    `json:"role,omitempty"`
	Source    string    `json:"source,omitempty"`
	URL       string    `json:"url,omitempty"`
	Date      time.Time `json:"date,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	// Classes are the publisher's styling hooks ({.pull}), carried into
	// the card's markup.
	Classes []string        `json:"classes,omitempty"`
	Blocks  []Block         `json:"blocks,omitempty"`
	Events  []TimelineEvent `json:"events,omitempty"`

	// Shared says the card lives on its own (cards/{id}.md) and is placed
	// in articles; see Entry.Resolve. Updated is when its author last
	// changed it in substance, as its front matter says, and Revision
	// identifies its content: it changes whenever the card does.
	Shared   bool      `json:"shared,omitempty"`
	Updated  time.Time `json:"updated,omitzero"`
	Revision string    `json:"rev,omitempty"`
}

// Label is the card's name for a reader: its title, or the speaker of a
// quote that has none.
func (c *Card) Label() string {
	if spec, _ := LookupCardKind(c.Kind); spec.Quoted && c.Title == "" {
		return c.By
	}
	return c.Title
}
