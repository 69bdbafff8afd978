package markdown_test

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"

	"github.com/google/go-cmp/cmp"
)

// siteFS is a content folder with settings: articles with and without a
// language of their own, and a shared card.
func siteFS(settings string) fstest.MapFS {
	fsys := fstest.MapFS{
		"sans-langue.md":    {Data: []byte("---\ntitle: Sans langue\n---\n\nTexte, et [une carte](#contexte).\n\n::card{#contexte}\n")},
		"in-english.md":     {Data: []byte("---\ntitle: In English\nlang: en\n---\n\nText.\n")},
		"bi-aravit.md":      {Data: []byte("---\ntitle: Bi Aravit\nlang: he\n---\n\nText.\n")},
		"cards/contexte.md": {Data: []byte("---\nkind: background\ntitle: Le contexte\n---\n\nDu contexte.\n")},
		"logo.svg":          {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
	}
	if settings != "" {
		fsys[content.SiteFile] = &fstest.MapFile{Data: []byte(settings)}
	}
	return fsys
}

// TestLoadSite loads content folders with and without settings, and checks
// the store's site and the languages of articles that name none.
func TestLoadSite(t *testing.T) {
	french := content.DefaultSite()
	french.Name, french.Lang, french.Publisher.Name = "Le Exemple", "fr", "Le Exemple"
	french.Logo, french.LogoFile = []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), "logo.svg"
	arabic := content.DefaultSite()
	arabic.Lang, arabic.Dir = "ar", "rtl"

	tests := []struct {
		name      string
		settings  string
		want      content.Site
		wantLangs map[string]string // by slug: lang dir
		problems  []string
	}{
		{"no settings", "", content.DefaultSite(), map[string]string{"sans-langue": "en ltr", "in-english": "en ltr", "bi-aravit": "he rtl"}, nil},
		{"French", "name: Le Exemple\nlang: fr\nlogo: logo.svg\n", french, map[string]string{"sans-langue": "fr ltr", "in-english": "en ltr", "bi-aravit": "he rtl"}, nil},
		{"Arabic", "lang: ar\n", arabic, map[string]string{"sans-langue": "ar rtl", "in-english": "en ltr", "bi-aravit": "he rtl"}, nil},
		{"settings with problems", "lang: fr\naccent: \"#ffff00\"\nlogo: nowhere.svg\n", content.DefaultSite(), map[string]string{"sans-langue": "en ltr", "in-english": "en ltr", "bi-aravit": "he rtl"}, []string{
			"content/site.yaml:2:9: accent #ffff00 has a contrast of 1.02:1 on the light theme's page (#fbfaf7): link text needs 4.5:1 (WCAG AA); #707000, a darker shade of it, has 4.56:1",
			"content/site.yaml:3:7: logo \"nowhere.svg\" does not exist in the content folder",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store, problems, err := markdown.NewParser().Load(siteFS(tt.settings), "content")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if diff := cmp.Diff(tt.problems, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, store.Site()); diff != "" {
				t.Errorf("site (-want +got):\n%s", diff)
			}
			langs := map[string]string{}
			for _, a := range store.Articles() {
				langs[a.Slug] = a.Lang + " " + a.Dir
			}
			if diff := cmp.Diff(tt.wantLangs, langs); diff != "" {
				t.Errorf("the articles' languages (-want +got):\n%s", diff)
			}
			if len(store.SharedCards()) != 1 {
				t.Errorf("%d shared cards, want 1", len(store.SharedCards()))
			}

			_, err = markdown.NewParser().LoadDir(siteFS(tt.settings), "content")
			if ps, _ := errors.AsType[content.Problems](err); len(ps) != len(tt.problems) {
				t.Errorf("LoadDir: %v, want %d problems", err, len(tt.problems))
			}
		})
	}
}

// TestLoadSiteRevision checks that the store's revision follows the
// settings and the logo's bytes.
func TestLoadSiteRevision(t *testing.T) {
	revision := func(fsys fstest.MapFS) string {
		t.Helper()
		store, err := markdown.NewParser().LoadDir(fsys, "content")
		if err != nil {
			t.Fatal(err)
		}
		return store.Revision()
	}
	none := revision(siteFS(""))
	withLogo := siteFS("logo: logo.svg\n")
	logo := revision(withLogo)
	withLogo["logo.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`)}
	otherLogo := revision(withLogo)
	tagline := revision(siteFS("tagline: Another\n"))
	empty := revision(siteFS("# nothing set\n"))
	if none != empty {
		t.Error("settings that set nothing changed the revision")
	}
	seen := map[string]bool{}
	for _, r := range []string{none, logo, otherLogo, tagline} {
		if seen[r] {
			t.Errorf("revisions %q, %q, %q, %q: two are one", none, logo, otherLogo, tagline)
		}
		seen[r] = true
	}
}

// TestEmbeddedSettingsAreTheDefaults: the embedded site.yaml, the example
// publishers copy, writes out today's defaults, and loads without problems.
func TestEmbeddedSettingsAreTheDefaults(t *testing.T) {
	src, err := fs.ReadFile(articles.FS, content.SiteFile)
	if err != nil {
		t.Fatalf("the embedded content has no %s: %v", content.SiteFile, err)
	}
	site, problems := markdown.ParseSite(content.SiteFile, src, articles.FS)
	if len(problems) > 0 {
		t.Fatalf("the embedded settings have problems:\n%v", problems)
	}
	if diff := cmp.Diff(content.DefaultSite(), site); diff != "" {
		t.Errorf("the embedded settings are not the defaults (-want +got):\n%s", diff)
	}
	store, err := markdown.NewParser().LoadDir(articles.FS, articles.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(content.DefaultSite(), store.Site()); diff != "" {
		t.Errorf("the embedded store's settings are not the defaults (-want +got):\n%s", diff)
	}
}
