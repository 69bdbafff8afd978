package content

import "time"

// CardKind says what a Card is.
type CardKind string

// The kinds of card.
const (
	// CardBackground gives context a reader may lack.
	CardBackground CardKind = "background"
	// CardQuote says who said what, in what role, where and when.
	CardQuote CardKind = "quote"
)

// Card is an expandable card. Background cards have a Title; quote cards have
// a speaker (By) and, optionally, Role, Source, URL, Date and the Lang of the
// original wording. Blocks is the card's body: the background text, or the
// quoted words.
type Card struct {
	ID     string    `json:"id"`
	Kind   CardKind  `json:"kind"`
	Title  string    `json:"title,omitempty"`
	By     string    `json:"by,omitempty"`
	Role   string    `json:"role,omitempty"`
	Source string    `json:"source,omitempty"`
	URL    string    `json:"url,omitempty"`
	Date   time.Time `json:"date,omitzero"`
	Lang   string    `json:"lang,omitempty"`
	Blocks []Block   `json:"blocks"`
}

// Label is the card's name for a reader: a background card's title, or the
// speaker of a quote.
func (c *Card) Label() string {
	if c.Kind == CardQuote && c.Title == "" {
		return c.By
	}
	return c.Title
}
