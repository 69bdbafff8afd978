package content

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Summary is what an index shows of an article.
type Summary struct {
	Slug           string    `json:"slug"`
	Title          string    `json:"title"`
	Dek            string    `json:"dek,omitempty"`
	Published      time.Time `json:"published,omitzero"`
	Updated        time.Time `json:"updated,omitzero"`
	Lang           string    `json:"lang"`
	Dir            string    `json:"dir"`
	ReadingMinutes int       `json:"readingMinutes"`
}

// Summarize returns the article's summary.
func (a *Article) Summarize() Summary {
	return Summary{
		Slug:           a.Slug,
		Title:          a.Title,
		Dek:            a.Dek,
		Published:      a.Published,
		Updated:        a.Updated,
		Lang:           a.Lang,
		Dir:            a.Dir,
		ReadingMinutes: a.ReadingMinutes(),
	}
}

// Store is an immutable set of articles, newest first. Build a new Store to
// change it; a Store is safe for concurrent use.
type Store struct {
	articles  []Article
	summaries []Summary
	bySlug    map[string]int
	revision  string
}

// NewStore sorts the articles newest first (by publication date, then slug)
// and indexes them. Two articles with one slug are an error.
func NewStore(articles []Article) (*Store, error) {
	sorted := slices.Clone(articles)
	slices.SortFunc(sorted, newestFirst)
	s := &Store{
		articles:  sorted,
		summaries: make([]Summary, len(sorted)),
		bySlug:    make(map[string]int, len(sorted)),
	}
	for i := range sorted {
		a := &sorted[i]
		if _, dup := s.bySlug[a.Slug]; dup {
			return nil, fmt.Errorf("two articles have the slug %q", a.Slug)
		}
		s.bySlug[a.Slug] = i
		s.summaries[i] = a.Summarize()
	}
	s.revision = revision(sorted)
	return s, nil
}

// revision hashes the articles as JSON: equal articles, equal revision.
func revision(articles []Article) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for i := range articles {
		enc.Encode(&articles[i]) // the model always encodes; the hash cannot fail
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Revision identifies the store's content: it changes when any article
// does.
func (s *Store) Revision() string { return s.revision }

func newestFirst(a, b Article) int {
	return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.Slug, b.Slug))
}

// Len is the number of articles.
func (s *Store) Len() int { return len(s.articles) }

// Article returns the article with the given slug. The caller must not
// change it.
func (s *Store) Article(slug string) (*Article, bool) {
	i, ok := s.bySlug[slug]
	if !ok {
		return nil, false
	}
	return &s.articles[i], true
}

// Summaries lists every article, newest first. The caller must not change
// the slice.
func (s *Store) Summaries() []Summary { return s.summaries }

// Articles lists every article, newest first. The caller must not change
// them.
func (s *Store) Articles() []Article { return s.articles }
