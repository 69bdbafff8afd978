package content

import "time"

// Article is one news article with its background and quote cards.
type Article struct {
	// Slug names the article in URLs: /articles/{slug}.
	Slug string `json:"slug"`
	// Title is the headline.
	Title string `json:"title"`
	// Dek is the one-line summary shown under the headline.
	Dek string `json:"dek,omitempty"`
	// Byline names the authors.
	Byline string `json:"byline,omitempty"`
	// Published and Updated are zero when the front matter leaves them out.
	Published time.Time `json:"published,omitzero"`
	Updated   time.Time `json:"updated,omitzero"`
	// Lang is a BCP 47 language tag, "en" by default.
	Lang string `json:"lang"`
	// Dir is the text direction, "ltr" or "rtl".
	Dir string `json:"dir"`
	// Tags are free-form topic labels.
	Tags []string `json:"tags,omitempty"`
	// Canonical is the URL of the original, when the article is published
	// elsewhere first.
	Canonical string `json:"canonical,omitempty"`
	// Image is the URL of the picture shown when the article is shared.
	Image string `json:"image,omitempty"`
	// Translations are the article's versions in other languages: as
	// parsed, those its front matter names; as a store gives it, every
	// other version of the story, with its title.
	Translations []Translation `json:"translations,omitempty"`
	// Blocks is the body in reading order. A card stands in it as a block of
	// kind BlockCard naming the card.
	Blocks []Block `json:"blocks"`
	// Cards are the article's cards, in the order they appear. A shared
	// card placed in the article stands here as its id alone (Shared, no
	// Kind) until Entry.Resolve puts the card in its place.
	Cards []Card `json:"cards,omitempty"`
	// Sites says where the source defines or places each card, for the
	// problems found once the shared cards are known; not part of the
	// article's JSON.
	Sites []CardSite `json:"-"`
}

// Card returns the card with the given id.
func (a *Article) Card(id string) (Card, bool) {
	for _, c := range a.Cards {
		if c.ID == id {
			return c, true
		}
	}
	return Card{}, false
}

// Date is the date a reader is shown: the last update, or else the
// publication.
func (a *Article) Date() time.Time {
	if !a.Updated.IsZero() {
		return a.Updated
	}
	return a.Published
}

// CardSite is where an article's source defines a card, or places a shared
// one (Placed): what problems that need the shared cards point at.
type CardSite struct {
	ID        string
	Line, Col int
	Placed    bool
}
