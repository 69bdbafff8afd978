package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	ui "backstory/app"
	"backstory/content"
)

// cardPage is the data of page n (from 1) of a shared card's page: the
// card and the articles that place it, ui.IndexPageSize a page, newest
// first; n 0 means every article, for the card's JSON.
func (s *site) cardPage(id string, n int) (ui.CardPageData, bool) {
	c, ok := s.store.SharedCard(id)
	if !ok {
		return ui.CardPageData{}, false
	}
	users := s.store.CardUsers(id)
	page := ui.CardPageData{Card: c, Articles: users, Total: len(users)}
	if n > 0 {
		start := min((n-1)*ui.IndexPageSize, len(users))
		page.Articles = users[start:min(start+ui.IndexPageSize, len(users))]
		page.Pagination = &ui.Pagination{Page: n, Pages: ui.IndexPages(len(users))}
	}
	return page, true
}

// cardPages is how many pages a shared card's stories take.
func (s *site) cardPages(id string) int {
	return ui.IndexPages(s.store.CardUses(id))
}

// serveCard serves a shared card's JSON: the card and every article that
// places it.
func (s *Server) serveCard(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	id := params["id"]
	page, ok := site.cardPage(id, 0)
	if !ok {
		return notFoundError(fmt.Sprintf("card %q", id))
	}
	return s.serveRelease(w, r, site, "api card "+id, func() (*response, error) {
		return jsonResponse(page)
	})
}

// serveCardPage serves the JSON of a page of a shared card's page.
func (s *Server) serveCardPage(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	id, n := params["id"], atoiOrZero(params["n"])
	if !site.exists(params) {
		return notFoundError(fmt.Sprintf("page %s of card %q", params["n"], id))
	}
	page, _ := site.cardPage(id, n)
	return s.serveRelease(w, r, site, fmt.Sprintf("api card %s %d", id, n), func() (*response, error) {
		return jsonResponse(page)
	})
}

// serveCardList serves the list of shared cards with their revisions.
func (s *Server) serveCardList(w http.ResponseWriter, r *http.Request) error {
	site := s.site.Load()
	return s.serveRelease(w, r, site, "api cards", func() (*response, error) {
		cards := site.store.SharedCards()
		list := make([]ui.CardListItem, len(cards))
		for i, c := range cards {
			list[i] = ui.CardListItem{ID: c.ID, Kind: c.Kind, Title: c.Label(), Revision: c.Revision, Articles: site.store.CardUses(c.ID)}
		}
		return jsonResponse(list)
	})
}

// cardDescription is a card's summary for previews and search engines: the
// start of its text.
func cardDescription(c content.Card) string {
	var b strings.Builder
	for blk := range c.Descendants() {
		if blk.Kind == content.BlockParagraph {
			b.WriteString(content.PlainText(blk.Text))
			break
		}
	}
	text := strings.Join(strings.Fields(b.String()), " ")
	if r := []rune(text); len(r) > 200 {
		text = string(r[:199]) + "…"
	}
	return text
}

// cardJSONLD describes a shared card's page for search engines, as
// schema.org JSON-LD that fits its kind: a quote is a Quotation with its
// speaker, any other card a WebPage about its subject; both name the
// articles that use the card. absolute makes a site path absolute.
func cardJSONLD(c content.Card, articles []content.Summary, url string, absolute func(string) string) ([]byte, error) {
	type ref struct {
		Type     string `json:"@type"`
		Headline string `json:"headline"`
		URL      string `json:"url,omitempty"`
	}
	type thing struct {
		Type        string `json:"@type"`
		Name        string `json:"name"`
		JobTitle    string `json:"jobTitle,omitempty"`
		Description string `json:"description,omitempty"`
	}
	ld := map[string]any{
		"@context": "https://schema.org",
		"url":      url,
	}
	if url == "" {
		delete(ld, "url")
	}
	if !c.Updated.IsZero() {
		ld["dateModified"] = c.Updated.Format("2006-01-02T15:04:05Z07:00")
	}
	var refs []ref
	for _, a := range articles {
		refs = append(refs, ref{Type: "NewsArticle", Headline: a.Title, URL: absolute(ui.ArticlePath(a.Slug))})
	}
	spec, _ := content.LookupCardKind(c.Kind)
	if spec.Quoted {
		ld["@type"] = "Quotation"
		ld["text"] = strings.TrimSpace(plainBlocks(c.Blocks))
		ld["creator"] = thing{Type: "Person", Name: c.By, JobTitle: c.Role}
		if !c.Date.IsZero() {
			ld["dateCreated"] = c.Date.Format("2006-01-02")
		}
		if c.Lang != "" {
			ld["inLanguage"] = c.Lang
		}
		if c.URL != "" {
			ld["isBasedOn"] = c.URL
		}
		if len(refs) > 0 {
			ld["subjectOf"] = refs
		}
	} else {
		ld["@type"] = "WebPage"
		ld["name"] = c.Label()
		ld["about"] = thing{Type: "Thing", Name: c.Label(), Description: cardDescription(c)}
		if len(refs) > 0 {
			ld["significantLink"] = refs
		}
	}
	out, err := json.Marshal(ld)
	if err != nil {
		return nil, fmt.Errorf("encoding JSON-LD for card %s: %w", c.ID, err)
	}
	return out, nil
}

// plainBlocks is the text of blocks' paragraphs, one after another.
func plainBlocks(blocks []content.Block) string {
	var b strings.Builder
	for blk := range content.Descendants(blocks) {
		if blk.Kind == content.BlockParagraph {
			b.WriteString(content.PlainText(blk.Text))
			b.WriteByte(' ')
		}
	}
	return b.String()
}
