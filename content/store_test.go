package content_test

import (
	"encoding/json"
	"iter"
	"reflect"
	"slices"
	"testing"
	"time"

	"backstory/content"

	"github.com/google/go-cmp/cmp"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestStoreOrdersNewestFirst(t *testing.T) {
	s, err := content.NewStore([]content.Article{
		{Slug: "old", Published: day("2020-01-01")},
		{Slug: "undated"},
		{Slug: "new", Published: day("2023-06-19")},
		{Slug: "also-new", Published: day("2023-06-19")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sum := range s.Summaries() {
		got = append(got, sum.Slug)
	}
	want := []string{"also-new", "new", "old", "undated"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if a, ok := s.Article("old"); !ok || a.Slug != "old" {
		t.Errorf("Article(old) = %v, %v", a, ok)
	}
	if _, ok := s.Article("missing"); ok {
		t.Error("Article(missing) found something")
	}
}

func TestStoreRejectsDuplicateSlugs(t *testing.T) {
	_, err := content.NewStore([]content.Article{{Slug: "a"}, {Slug: "a"}})
	if err == nil {
		t.Fatal("NewStore accepted two articles with one slug")
	}
}

func TestReadingMinutes(t *testing.T) {
	words := func(n int) []content.Inline {
		var runs []content.Inline
		for range n {
			runs = append(runs, content.Inline{Kind: content.InlineText, Text: "word "})
		}
		return runs
	}
	tests := []struct {
		words int
		want  int
	}{{0, 1}, {100, 1}, {460, 2}, {2300, 10}}
	for _, tt := range tests {
		a := content.Article{Blocks: []content.Block{{Kind: content.BlockParagraph, Text: words(tt.words)}}}
		if got := a.ReadingMinutes(); got != tt.want {
			t.Errorf("%d words: ReadingMinutes() = %d, want %d", tt.words, got, tt.want)
		}
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    content.Problem
		want string
	}{
		{content.Problem{File: "a.md", Line: 14, Col: 1, Message: "quote card needs by=\"…\""}, "a.md:14:1: quote card needs by=\"…\""},
		{content.Problem{File: "a.md", Line: 3, Message: "m"}, "a.md:3: m"},
		{content.Problem{File: "a.md", Message: "m"}, "a.md: m"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	ps := content.Problems{{File: "b.md", Line: 1, Message: "x"}, {File: "a.md", Line: 9, Message: "y"}, {File: "a.md", Line: 2, Message: "z"}}
	ps.Sort()
	if got, want := ps.Error(), "a.md:2: z\na.md:9: y\nb.md:1: x"; got != want {
		t.Errorf("sorted problems:\n%s\nwant:\n%s", got, want)
	}
	if (content.Problems{}).Err() != nil {
		t.Error("no problems should be no error")
	}
}

func TestSummaryJSON(t *testing.T) {
	a := content.Article{Slug: "s", Title: "T", Lang: "en", Dir: "ltr", Published: day("2023-06-19")}
	data, err := json.Marshal(a.Summarize())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"slug":"s","title":"T","published":"2023-06-19T00:00:00Z","lang":"en","dir":"ltr","readingMinutes":1}`
	if string(data) != want {
		t.Errorf("summary JSON = %s, want %s", data, want)
	}
}

func TestRevisionFollowsContent(t *testing.T) {
	a := content.Article{Slug: "a", Title: "A"}
	s1, _ := content.NewStore([]content.Article{a})
	s2, _ := content.NewStore([]content.Article{a})
	a.Title = "A, changed"
	s3, _ := content.NewStore([]content.Article{a})
	if s1.Revision() == "" || s1.Revision() != s2.Revision() {
		t.Errorf("equal stores, revisions %q and %q", s1.Revision(), s2.Revision())
	}
	if s1.Revision() == s3.Revision() {
		t.Error("a changed title kept the revision")
	}
}

// TestRevisionFollowsSite changes each of the site's settings in turn, and
// the logo's bytes, and wants a new revision for each.
func TestRevisionFollowsSite(t *testing.T) {
	s, err := content.NewStore([]content.Article{{Slug: "a", Title: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(content.DefaultSite(), s.Site()); diff != "" {
		t.Errorf("a new store's site is not the default (-want +got):\n%s", diff)
	}
	if again := s.WithSite(content.DefaultSite()); again.Revision() != s.Revision() {
		t.Error("the default settings, given again, changed the revision")
	}
	base := content.DefaultSite()
	base.Logo, base.LogoFile = []byte("<svg/>"), "logo.svg"
	withBase := s.WithSite(base)
	if withBase.Revision() == s.Revision() {
		t.Error("a logo kept the revision")
	}
	seen := map[string]string{withBase.Revision(): "base"}
	for name, site := range eachSettingChanged(base) {
		st := s.WithSite(site)
		if prev, dup := seen[st.Revision()]; dup {
			t.Errorf("changing %s gives the revision of %s", name, prev)
		}
		seen[st.Revision()] = name
		if diff := cmp.Diff(site, st.Site()); diff != "" {
			t.Errorf("%s: Site() is not what WithSite was given (-want +got):\n%s", name, diff)
		}
		if st.Len() != 1 || !st.Has("a") {
			t.Errorf("%s: the store with a site lost its article", name)
		}
	}
	if len(seen) < 16 {
		t.Errorf("only %d settings tried", len(seen)-1)
	}
	if diff := cmp.Diff(content.DefaultSite(), s.Site()); diff != "" {
		t.Errorf("WithSite changed the store it was called on (-want +got):\n%s", diff)
	}
}

// eachSettingChanged yields, for each string field of site (the fields of
// its links included) and its logo, site with that one changed.
func eachSettingChanged(site content.Site) iter.Seq2[string, content.Site] {
	return func(yield func(string, content.Site) bool) {
		var walk func(v reflect.Value, prefix string) bool
		walk = func(v reflect.Value, prefix string) bool {
			for i := range v.NumField() {
				f, name := v.Field(i), prefix+v.Type().Field(i).Name
				switch f.Kind() {
				case reflect.String:
					old := f.String()
					f.SetString(old + "x")
					if !yield(name, site) {
						return false
					}
					f.SetString(old)
				case reflect.Slice:
					old := f.Bytes()
					f.SetBytes(append(slices.Clone(old), 'x'))
					if !yield(name, site) {
						return false
					}
					f.SetBytes(old)
				case reflect.Struct:
					if !walk(f, name+".") {
						return false
					}
				default:
					panic("a setting of a kind the test does not change: " + name)
				}
			}
			return true
		}
		walk(reflect.ValueOf(&site).Elem(), "")
	}
}
