package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Translation is a version of an article in another language: the
// article's front matter names it (translations: {fr: slug}); the store
// adds its title.
type Translation struct {
	Lang  string `json:"lang"`
	Slug  string `json:"slug"`
	Title string `json:"title,omitempty"`
}

// translations are the store's groups of articles that are versions of one
// story: each article's front matter names some of the others, and a link
// either way joins two articles, so every version lists every other.
type translations struct {
	groupOf  map[int]int // the group of an entry, by index; absent alone
	groups   [][]int     // the entries of each group, newest first
	problems []TranslationProblem
}

// TranslationProblem is a translation an article names that the store
// cannot link: no article has the slug, or it is in another language.
type TranslationProblem struct {
	Slug    string // the article that names it
	Message string
}

// linkTranslations groups the entries, newest first, by the translations
// they name (by slug, in bySlug).
func linkTranslations(entries []Entry, bySlug map[string]int) translations {
	parent := map[int]int{}
	var find func(i int) int
	find = func(i int) int {
		p, ok := parent[i]
		if !ok || p == i {
			return i
		}
		root := find(p)
		parent[i] = root
		return root
	}
	var t translations
	for i, e := range entries {
		for _, tr := range e.translations {
			j, ok := bySlug[tr.Slug]
			switch {
			case !ok:
				t.problems = append(t.problems, TranslationProblem{e.Slug(), fmt.Sprintf("translations: no article has the slug %q (%s)", tr.Slug, tr.Lang)})
				continue
			case !strings.EqualFold(entries[j].summary.Lang, tr.Lang):
				t.problems = append(t.problems, TranslationProblem{e.Slug(), fmt.Sprintf("translations: %q is in %q, not %q", tr.Slug, entries[j].summary.Lang, tr.Lang)})
				continue
			case j == i:
				continue
			}
			// Both are linked (in parent); i's group joins j's.
			ri, rj := find(i), find(j)
			parent[i], parent[j] = ri, rj
			parent[ri] = rj
		}
	}
	if len(parent) == 0 {
		return t
	}
	t.groupOf = map[int]int{}
	roots := map[int]int{}
	for i := range entries { // newest first: each group's entries too
		if _, linked := parent[i]; !linked {
			continue
		}
		r := find(i)
		g, ok := roots[r]
		if !ok {
			g = len(t.groups)
			roots[r] = g
			t.groups = append(t.groups, nil)
		}
		t.groupOf[i] = g
		t.groups[g] = append(t.groups[g], i)
	}
	for _, g := range t.groups {
		seen := map[string]string{}
		for _, i := range g {
			lang := strings.ToLower(entries[i].summary.Lang)
			if other, dup := seen[lang]; dup {
				t.problems = append(t.problems, TranslationProblem{entries[i].Slug(), fmt.Sprintf("translations: %q and %q are both versions in %q of one story", other, entries[i].Slug(), lang)})
			}
			seen[lang] = entries[i].Slug()
		}
	}
	return t
}

// Translations lists the other versions of the article with the given
// slug, by language.
func (s *Store) Translations(slug string) []Translation {
	i, ok := s.bySlug[slug]
	if !ok {
		return nil
	}
	g, ok := s.translations.groupOf[i]
	if !ok {
		return nil
	}
	var out []Translation
	for _, j := range s.translations.groups[g] {
		if j != i {
			sum := s.summaries[j]
			out = append(out, Translation{Lang: sum.Lang, Slug: sum.Slug, Title: sum.Title})
		}
	}
	slices.SortFunc(out, func(a, b Translation) int { return cmp.Compare(a.Lang, b.Lang) })
	return out
}

// TranslationProblems are the translations articles name that the store
// could not link.
func (s *Store) TranslationProblems() []TranslationProblem { return s.translations.problems }

// Index lists the stories, newest first: an article alone, or, for the
// versions of one story, the one in lang (else the newest), with its
// Translations set to the others.
func (s *Store) Index(lang string) []Summary {
	if len(s.translations.groups) == 0 {
		return s.summaries
	}
	out := make([]Summary, 0, len(s.summaries))
	done := make([]bool, len(s.translations.groups))
	for i, sum := range s.summaries {
		g, grouped := s.translations.groupOf[i]
		if !grouped {
			out = append(out, sum)
			continue
		}
		if done[g] {
			continue
		}
		done[g] = true
		members := s.translations.groups[g]
		pick := members[0]
		for _, j := range members {
			if strings.EqualFold(s.summaries[j].Lang, lang) {
				pick = j
				break
			}
		}
		shown := s.summaries[pick]
		shown.Translations = s.Translations(shown.Slug)
		out = append(out, shown)
	}
	return out
}

// translated says whether the entry at i has versions in other languages.
func (s *Store) translated(i int) bool {
	_, ok := s.translations.groupOf[i]
	return ok
}
