package content

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
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
	// Translations are the story's other versions, in an index that lists
	// a story once (Store.Index).
	Translations []Translation `json:"translations,omitempty"`
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

// Entry is an article kept compact for a store: its summary and its JSON,
// from which Store.Article decodes it when a page is made. An article's
// JSON is about a quarter of the memory of its decoded form, which lets a
// server keep 10,000 articles well within 300 MB.
type Entry struct {
	summary Summary
	json    []byte
	sum     [sha256.Size]byte
	cards   []string // the ids of its cards, in the article's order

	// An article that places shared cards keeps its JSON as parsed, the
	// ids it places and what the cards were when its summary and sum were
	// made (see Entry.Resolve). sites is where its cards are written.
	placed       []string
	resolvedWith string
	sites        []CardSite
	rawSum       [sha256.Size]byte // of json; sum is of json and the cards
	// translations are the other versions its front matter names.
	translations []Translation
}

// decode decodes the entry's article as its JSON has it.
func (e *Entry) decode() *Article {
	var a Article
	if err := json.Unmarshal(e.json, &a); err != nil {
		// The entry encoded it: only a bug in the model gets here.
		panic(fmt.Sprintf("content: decoding article %q: %v", e.summary.Slug, err))
	}
	return &a
}

// NewEntry encodes a for a store.
func NewEntry(a *Article) (Entry, error) {
	data, err := json.Marshal(a)
	if err != nil {
		return Entry{}, fmt.Errorf("encoding article %q: %w", a.Slug, err)
	}
	cards := make([]string, len(a.Cards))
	var placed []string
	for i, c := range a.Cards {
		cards[i] = c.ID
		if c.Shared && c.Kind == "" {
			placed = append(placed, c.ID)
		}
	}
	sum := sha256.Sum256(data)
	return Entry{summary: a.Summarize(), json: data, sum: sum, rawSum: sum, cards: cards, sites: a.Sites, placed: placed, translations: a.Translations}, nil
}

// Summary is the entry's article's summary.
func (e Entry) Summary() Summary { return e.summary }

// Slug is the entry's article's slug.
func (e Entry) Slug() string { return e.summary.Slug }

// Store is an immutable set of articles, newest first. Build a new Store to
// change it; a Store is safe for concurrent use.
type Store struct {
	entries   []Entry
	summaries []Summary
	bySlug    map[string]int
	revision  string
	sum       []byte // of the articles and cards; revision adds the site
	site      Site

	shared  SharedCards    // the shared cards
	cards   []Card         // the same, by id
	cardAt  map[string]int // index in cards, by id
	usersOf map[string][]int

	translations translations
}

// NewStore encodes the articles and makes a store of them, with no shared
// cards, as NewStoreOfEntries does.
func NewStore(articles []Article) (*Store, error) {
	entries := make([]Entry, len(articles))
	for i := range articles {
		e, err := NewEntry(&articles[i])
		if err != nil {
			return nil, err
		}
		entries[i] = e
	}
	return NewStoreOfEntries(entries, nil)
}

// NewStoreOfEntries sorts the entries newest first (by publication date,
// then slug) and indexes them with the shared cards. An entry not yet
// resolved with these cards is resolved (see Entry.Resolve; resolve first
// to learn the problems). Two articles with one slug are an error.
func NewStoreOfEntries(entries []Entry, cards SharedCards) (*Store, error) {
	sorted := slices.Clone(entries)
	slices.SortFunc(sorted, func(a, b Entry) int { return newestFirst(a.summary, b.summary) })
	s := &Store{
		entries:   sorted,
		summaries: make([]Summary, len(sorted)),
		bySlug:    make(map[string]int, len(sorted)),
		shared:    cards,
		cardAt:    make(map[string]int, len(cards)),
		usersOf:   map[string][]int{},
	}
	h := sha256.New()
	for i := range sorted {
		e := &sorted[i]
		if len(e.placed) > 0 && e.resolvedWith != cards.key(e.placed) {
			*e, _ = e.Resolve(cards)
		}
		if _, dup := s.bySlug[e.summary.Slug]; dup {
			return nil, fmt.Errorf("two articles have the slug %q", e.summary.Slug)
		}
		s.bySlug[e.summary.Slug] = i
		s.summaries[i] = e.summary
		h.Write(e.sum[:])
		for _, id := range e.placed {
			if users := s.usersOf[id]; cards[id].Revision != "" && (len(users) == 0 || users[len(users)-1] != i) {
				s.usersOf[id] = append(s.usersOf[id], i)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(cards)) {
		s.cardAt[id] = len(s.cards)
		s.cards = append(s.cards, cards[id])
		h.Write([]byte(id + " " + cards[id].Revision + "\n"))
	}
	s.sum = h.Sum(nil)
	s.translations = linkTranslations(sorted, s.bySlug)
	return s.WithSite(DefaultSite()), nil
}

// WithSite returns a store of s's articles and cards with the site's
// settings site, whose revision differs from s's if the settings or the
// logo do. It shares s's articles: making it is cheap.
func (s *Store) WithSite(site Site) *Store {
	t := *s
	t.site = site
	h := sha256.New()
	h.Write(s.sum)
	settings, err := json.Marshal(site)
	if err != nil {
		// Site holds strings only: only a bug in the model gets here.
		panic(fmt.Sprintf("content: encoding the site's settings: %v", err))
	}
	logo := sha256.Sum256(site.Logo)
	fmt.Fprintf(h, "%s\n%q %x\n", settings, site.LogoFile, logo)
	t.revision = hex.EncodeToString(h.Sum(nil)[:16])
	return &t
}

// Site is the site's settings: DefaultSite unless the store was made
// WithSite others. The caller must not change its Logo.
func (s *Store) Site() Site { return s.site }

// SharedCards lists the shared cards, by id. The caller must not change
// the slice.
func (s *Store) SharedCards() []Card { return s.cards }

// SharedCard returns the shared card with the given id.
func (s *Store) SharedCard(id string) (Card, bool) {
	i, ok := s.cardAt[id]
	if !ok {
		return Card{}, false
	}
	return s.cards[i], true
}

// CardUses is how many articles place the shared card with the given id.
func (s *Store) CardUses(id string) int { return len(s.usersOf[id]) }

// CardUsers lists the articles that place the shared card with the given
// id, newest first.
func (s *Store) CardUsers(id string) []Summary {
	users := make([]Summary, len(s.usersOf[id]))
	for i, at := range s.usersOf[id] {
		users[i] = s.summaries[at]
	}
	return users
}

// Revision identifies the store's content: it changes when any article,
// shared card or setting of the site does (the logo included).
func (s *Store) Revision() string { return s.revision }

func newestFirst(a, b Summary) int {
	return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.Slug, b.Slug))
}

// Len is the number of articles.
func (s *Store) Len() int { return len(s.entries) }

// Has reports whether there is an article with the given slug.
func (s *Store) Has(slug string) bool {
	_, ok := s.bySlug[slug]
	return ok
}

// CardIDs lists the ids of the cards of the article with the given slug,
// in the article's order. The caller must not change the slice.
func (s *Store) CardIDs(slug string) []string {
	i, ok := s.bySlug[slug]
	if !ok {
		return nil
	}
	return s.entries[i].cards
}

// HasCard reports whether the article with the given slug has a card of
// that id.
func (s *Store) HasCard(slug, id string) bool {
	return slices.Contains(s.CardIDs(slug), id)
}

// Article decodes the article with the given slug, with the shared cards
// it places in their places: a copy of its own for the caller. Decoding
// takes tens of microseconds; a server keeps what it makes of an article
// rather than the article.
func (s *Store) Article(slug string) (*Article, bool) {
	i, ok := s.bySlug[slug]
	if !ok {
		return nil, false
	}
	e := &s.entries[i]
	a := e.decode()
	if len(e.placed) > 0 {
		placeCards(a, s.shared)
	}
	if s.translated(i) || len(a.Translations) > 0 {
		a.Translations = s.Translations(slug)
	}
	return a, true
}

// ArticleJSON is the JSON of the article with the given slug, as Article
// has it. The caller must not change it.
func (s *Store) ArticleJSON(slug string) ([]byte, bool) {
	i, ok := s.bySlug[slug]
	if !ok {
		return nil, false
	}
	if e := &s.entries[i]; len(e.placed) == 0 && len(e.translations) == 0 && !s.translated(i) {
		return e.json, true
	}
	a, _ := s.Article(slug)
	data, err := json.Marshal(a)
	if err != nil {
		panic(fmt.Sprintf("content: encoding article %q: %v", slug, err))
	}
	return data, true
}

// Summaries lists every article, newest first. The caller must not change
// the slice.
func (s *Store) Summaries() []Summary { return s.summaries }

// Articles decodes every article, newest first: for tests and tools, not
// for serving.
func (s *Store) Articles() []Article {
	articles := make([]Article, len(s.summaries))
	for i, sum := range s.summaries {
		a, _ := s.Article(sum.Slug)
		articles[i] = *a
	}
	return articles
}
