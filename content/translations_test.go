package content

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTranslationsLinkEveryVersion(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2023, 6, d, 0, 0, 0, 0, time.UTC) }
	store, err := NewStore([]Article{
		{Slug: "talks", Title: "Talks", Lang: "en", Published: day(19), Translations: []Translation{{Lang: "fr", Slug: "pourparlers"}}},
		{Slug: "pourparlers", Title: "Pourparlers", Lang: "fr", Published: day(20)},
		{Slug: "kaidan", Title: "会談", Lang: "ja", Published: day(18), Translations: []Translation{{Lang: "en", Slug: "talks"}}},
		{Slug: "alone", Title: "Alone", Lang: "en", Published: day(21)},
		{Slug: "broken", Title: "Broken", Lang: "en", Published: day(1), Translations: []Translation{{Lang: "de", Slug: "nowhere"}, {Lang: "de", Slug: "pourparlers"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := store.Translations("pourparlers")
	want := []Translation{{Lang: "en", Slug: "talks", Title: "Talks"}, {Lang: "ja", Slug: "kaidan", Title: "会談"}}
	if !slices.Equal(got, want) {
		t.Errorf("the French version's translations are %v, want %v (links join both ways, and across)", got, want)
	}
	if a, _ := store.Article("kaidan"); len(a.Translations) != 2 {
		t.Errorf("the article as served lists %v", a.Translations)
	}
	if a, _ := store.Article("broken"); len(a.Translations) != 0 {
		t.Errorf("an article with no valid translation lists %v", a.Translations)
	}
	if json, _ := store.ArticleJSON("talks"); !strings.Contains(string(json), `"title":"Pourparlers"`) {
		t.Errorf("the article's JSON does not name its translations' titles: %s", json)
	}
	for _, tt := range []struct {
		lang  string
		slugs []string // the index, newest first
		shown string   // the version of the story shown
	}{
		{"en", []string{"alone", "talks", "broken"}, "talks"},
		{"fr", []string{"alone", "pourparlers", "broken"}, "pourparlers"},
		{"de", []string{"alone", "pourparlers", "broken"}, "pourparlers"}, // no German version: the newest
	} {
		index := store.Index(tt.lang)
		var slugs []string
		for _, s := range index {
			slugs = append(slugs, s.Slug)
			if s.Slug == tt.shown && len(s.Translations) != 2 {
				t.Errorf("%s: the story's entry lists %v", tt.lang, s.Translations)
			}
		}
		if !slices.Equal(slugs, tt.slugs) {
			t.Errorf("the index in %s lists %v, want %v", tt.lang, slugs, tt.slugs)
		}
	}
	var problems []string
	for _, p := range store.TranslationProblems() {
		problems = append(problems, p.Slug+": "+p.Message)
	}
	wantProblems := []string{
		`broken: translations: no article has the slug "nowhere" (de)`,
		`broken: translations: "pourparlers" is in "fr", not "de"`,
	}
	if !slices.Equal(problems, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(wantProblems, "\n"))
	}
}
