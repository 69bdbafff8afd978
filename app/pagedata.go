package app

import (
	"encoding/json"

	"backstory/content"
	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PageKind says what a page shows.
type PageKind string

// The kinds of page.
const (
	KindIndex    PageKind = "index"
	KindArticle  PageKind = "article"
	KindNotFound PageKind = "notfound"
	KindOffline  PageKind = "offline"
	KindEmbed    PageKind = "embed"
	KindCard     PageKind = "card"
)

// PageData is everything a page renders from. The server renders the page
// from it and ships it inside the page as JSON (element DataElementID), so
// that the wasm's first render has it at once and builds the same DOM.
type PageData struct {
	// Path is the site path the data is for, in canonical form; "" for a
	// page that serves any path (not found, offline).
	Path string   `json:"path"`
	Kind PageKind `json:"kind"`
	// Site is what the page knows of the site around it.
	Site Site `json:"site"`
	// Index lists the articles of an index page, newest first
	// (KindIndex); Pagination says which page of how many.
	Index      []content.Summary `json:"index,omitempty"`
	Pagination *Pagination       `json:"pagination,omitempty"`
	// Article is the article (KindArticle).
	Article *content.Article `json:"article,omitempty"`
	// Embed says how an embedded article shows (KindEmbed).
	Embed *EmbedOptions `json:"embed,omitempty"`
	// Card is the id of the one card of Article a single-card embed shows
	// (KindEmbed); "" for the whole article.
	Card string `json:"card,omitempty"`
	// SharedCard is the shared card a card page shows, and Backlinks the
	// articles that place it, newest first, BacklinksTotal of them, on
	// the page Pagination says (KindCard).
	SharedCard     *content.Card     `json:"sharedCard,omitempty"`
	Backlinks      []content.Summary `json:"backlinks,omitempty"`
	BacklinksTotal int               `json:"backlinksTotal,omitempty"`
	// Words are the UI's words in the page's language (Lang): an
	// article's, or the site's. The page carries the words it needs; the
	// wasm carries none.
	Words i18n.Words `json:"words"`
	// ImageSizes are the intrinsic sizes of the article's images that the
	// server knows (its own), by URL, so that they take their place before
	// they load.
	ImageSizes map[string]Size `json:"imageSizes,omitempty"`
}

// Site is what every page knows of the site it belongs to.
type Site struct {
	// Prefix is the path the site is served under: "" at a host's root.
	Prefix Prefix `json:"prefix,omitempty"`
	// Name and Tagline name the site (content.Site).
	Name    string `json:"name"`
	Tagline string `json:"tagline,omitempty"`
	// Lang is the site's language: its index's and its own pages'.
	Lang string `json:"lang"`
	// Logo is the URL of the site's logo, if it has one of its own.
	Logo string `json:"logo,omitempty"`
	// Footer is the text at the foot of every page, and its link.
	Footer content.Link `json:"footer,omitzero"`
}

// Pagination is an index page's place among the index's pages.
type Pagination struct {
	Page  int `json:"page"`  // from 1
	Pages int `json:"pages"` // at least 1
}

// IndexPageData is the JSON of an index page (APIIndexPath).
type IndexPageData struct {
	Pagination
	Articles []content.Summary `json:"articles"`
}

// CardPageData is the JSON of a shared card's page (APICardPath): the card
// and the articles that place it, newest first.
type CardPageData struct {
	Card     content.Card      `json:"card"`
	Articles []content.Summary `json:"articles"`
	// Total is how many articles use the card; Pagination, on a page of
	// its stories (not in the card's whole JSON), which page of how many.
	Total      int         `json:"total"`
	Pagination *Pagination `json:"pagination,omitempty"`
}

// CardListItem is a shared card in the list of cards (RouteCardList):
// enough for the service worker to tell which saved pages show an old
// version of it.
type CardListItem struct {
	ID       string           `json:"id"`
	Kind     content.CardKind `json:"kind"`
	Title    string           `json:"title"`
	Revision string           `json:"rev"`
	Articles int              `json:"articles"`
}

// EmbedOptions are a publisher's choices for an embedded article, from the
// embed URL's query (validated by the server).
type EmbedOptions struct {
	// Theme is "light", "dark" or "" (follow the reader's system).
	Theme string `json:"theme,omitempty"`
	// Accent is a CSS hex colour for links and controls, or "".
	Accent string `json:"accent,omitempty"`
	// OpenCards opens every card at first.
	OpenCards bool `json:"openCards,omitempty"`
}

// MinEmbedHeight is the least height, in CSS pixels, an embed can be asked
// to fit in (maxheight): WordPress's least height too.
const MinEmbedHeight = 200

// CardEmbedTitle names a card embedded alone, in words: by its title, or
// a quote as its speaker's ("Quote: Wang Yi").
func CardEmbedTitle(w i18n.Words, c content.Card) string {
	if spec, _ := content.LookupCardKind(c.Kind); spec.Quoted {
		return w.T("card_quote_by", "name", c.Label())
	}
	return c.Label()
}

// Size is an image's width and height in CSS pixels.
type Size struct {
	Width  int `json:"w"`
	Height int `json:"h"`
}

// DataElementID is the id of the <script type="application/json"> element
// that carries a page's PageData.
const DataElementID = "page-data"

// Title is the page's <title>.
func (d *PageData) Title() string {
	w, site := d.Words, d.Site.Name
	switch d.Kind {
	case KindArticle, KindEmbed:
		if c, ok := d.Article.Card(d.Card); ok && d.Card != "" {
			return CardEmbedTitle(w, c) + " · " + site
		}
		return d.Article.Title + " · " + site
	case KindCard:
		if c := d.SharedCard; c != nil {
			if p := d.Pagination; p != nil && p.Page > 1 {
				return w.T("card_stories_page", "title", CardEmbedTitle(w, *c), "page", w.Number(p.Page), "pages", w.Number(p.Pages)) + " · " + site
			}
			return CardEmbedTitle(w, *c) + " · " + site
		}
	case KindNotFound:
		return w.T("not_found_title") + " · " + site
	case KindOffline:
		return w.T("offline_page_title") + " · " + site
	case KindIndex:
		if p := d.Pagination; p != nil && p.Page > 1 {
			return w.T("site_articles_page", "page", w.Number(p.Page), "pages", w.Number(p.Pages)) + " · " + site
		}
	}
	if d.Site.Tagline == "" {
		return site
	}
	return site + " · " + d.Site.Tagline
}

// Lang is the page's language: its article's, or the site's.
func (d *PageData) Lang() string {
	if d.Article != nil && d.Article.Lang != "" {
		return d.Article.Lang
	}
	return d.Site.Lang
}

// Dir is the page's text direction.
func (d *PageData) Dir() string {
	if d.Article != nil && d.Article.Dir != "" {
		return d.Article.Dir
	}
	return i18n.Direction(d.Lang())
}

// inlineData reads the PageData the server shipped in the page.
func inlineData() (PageData, bool) {
	var d PageData
	var raw string
	safely(func() {
		if el := document().Call("getElementById", DataElementID); el.Truthy() {
			raw = el.Get("textContent").String()
		}
	})
	if raw == "" || json.Unmarshal([]byte(raw), &d) != nil || d.Kind == "" {
		return PageData{}, false
	}
	return d, true
}

// currentPath is the browser's URL path.
func currentPath() string {
	if !app.IsClient {
		return ""
	}
	return app.Window().URL().Path
}
