package live

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"backstory/content"

	"github.com/google/go-cmp/cmp"
)

// siteState is what a Dir serves of the site's settings, in a form easy to
// compare: the settings in a line, the language and direction of each
// article, and the problems.
type siteState struct {
	Site     string
	Langs    map[string]string
	Problems []string
}

// siteLine writes the settings that tests change in a line: name, lang,
// dir, accent, accent_dark and the logo's file and size.
func siteLine(s content.Site) string {
	line := fmt.Sprintf("%s %s %s %s %s", s.Name, s.Lang, s.Dir, s.Accent, s.AccentDark)
	if s.LogoFile != "" {
		line += fmt.Sprintf(" %s:%d", s.LogoFile, len(s.Logo))
	}
	return line
}

func siteStateOf(dir string, s *content.Store, ps content.Problems) siteState {
	st := siteState{Site: siteLine(s.Site()), Langs: map[string]string{}}
	for _, sum := range s.Summaries() {
		st.Langs[sum.Slug] = sum.Lang + " " + sum.Dir
	}
	for _, p := range ps {
		st.Problems = append(st.Problems, strings.ReplaceAll(p.Error(), dir, "DIR"))
	}
	return st
}

const (
	defaults = "backstory en ltr #0b5cad #7cb8ff"
	// svg and svg2 are logos of different sizes.
	svg  = `<svg xmlns="http://www.w3.org/2000/svg"/>`
	svg2 = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`
)

// TestRescanFollowsSettings edits site.yaml and its logo between rescans:
// each good edit is served, a broken one keeps the last good settings, a
// change of language re-parses the articles that name none, and a removed
// file means the defaults again.
func TestRescanFollowsSettings(t *testing.T) {
	dir := t.TempDir()
	all(write("a.md", article("A")), write("b.md", article("B", "lang: de")))(t, dir)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	en := map[string]string{"a": "en ltr", "b": "de ltr"}
	fr := map[string]string{"a": "fr ltr", "b": "de ltr"}
	ar := map[string]string{"a": "ar rtl", "b": "de ltr"}
	steps := []struct {
		name    string
		do      op
		changed bool
		want    siteState
	}{
		{"none", all(), false, siteState{defaults, en, nil}},
		{"written", write("site.yaml", "name: Le Site\nlang: fr\n"), true, siteState{"Le Site fr ltr #0b5cad #7cb8ff", fr, nil}},
		{"same bytes", write("site.yaml", "name: Le Site\nlang: fr\n"), false, siteState{"Le Site fr ltr #0b5cad #7cb8ff", fr, nil}},
		{"accent", write("site.yaml", "name: Le Site\nlang: fr\naccent: \"#8a1c1c\"\n"), true, siteState{"Le Site fr ltr #8a1c1c #de5b5b", fr, nil}},
		{"broken", write("site.yaml", "name: Broken\nlang: ar\naccent: blue\n"), true, siteState{"Le Site fr ltr #8a1c1c #de5b5b", fr, []string{
			`DIR/site.yaml:3:9: accent: "blue" is not a colour: write it as #rrggbb or #rgb, as in #0b5cad`}}},
		{"a missing logo", write("site.yaml", "name: Le Site\nlang: fr\nlogo: images/logo.svg\n"), true, siteState{"Le Site fr ltr #8a1c1c #de5b5b", fr, []string{
			`DIR/site.yaml:3:7: logo "images/logo.svg" does not exist in the content folder`}}},
		{"the logo made", all(mkdir("images"), write("images/logo.svg", svg)), true, siteState{"Le Site fr ltr #0b5cad #7cb8ff images/logo.svg:41", fr, nil}},
		{"the logo edited", write("images/logo.svg", svg2), true, siteState{"Le Site fr ltr #0b5cad #7cb8ff images/logo.svg:59", fr, nil}},
		{"the logo edited in place, same size and time", keepTime("images/logo.svg", overwrite("images/logo.svg", strings.Replace(svg2, "1 1", "2 2", 1))), true,
			siteState{"Le Site fr ltr #0b5cad #7cb8ff images/logo.svg:59", fr, nil}},
		{"an article broken", write("a.md", badDate), true, siteState{"Le Site fr ltr #0b5cad #7cb8ff images/logo.svg:59", fr, []string{"DIR/a.md:" + badDateProblem}}},
		{"another language: the broken article keeps its last good version", write("site.yaml", "name: Al Mawqi\nlang: ar\n"), true,
			siteState{"Al Mawqi ar rtl #0b5cad #7cb8ff", map[string]string{"a": "fr ltr", "b": "de ltr"}, []string{"DIR/a.md:" + badDateProblem}}},
		{"the article fixed", write("a.md", article("A")), true, siteState{"Al Mawqi ar rtl #0b5cad #7cb8ff", ar, nil}},
		{"removed", remove("site.yaml"), true, siteState{defaults, en, nil}},
		{"the old logo edited: no longer followed", write("images/logo.svg", svg), false, siteState{defaults, en, nil}},
	}
	for _, s := range steps {
		s.do(t, dir)
		changed, err := d.Rescan()
		if err != nil {
			t.Fatalf("%s: Rescan: %v", s.name, err)
		}
		if changed != s.changed {
			t.Errorf("%s: Rescan changed = %v, want %v", s.name, changed, s.changed)
		}
		if diff := cmp.Diff(s.want, siteStateOf(dir, d.Store(), d.Problems())); diff != "" {
			t.Fatalf("%s: (-want +got):\n%s", s.name, diff)
		}
	}
}

// waitForSite waits until Watch has reported want, at most latency after
// start, and returns how long it took.
func (w *watcher) waitForSite(t *testing.T, start time.Time, want siteState) time.Duration {
	t.Helper()
	timeout := time.NewTimer(time.Until(start.Add(latency)))
	defer timeout.Stop()
	for {
		w.mu.Lock()
		got := siteStateOf(w.dir, w.store, w.probs)
		w.mu.Unlock()
		if cmp.Equal(want, got) {
			return time.Since(start)
		}
		select {
		case <-w.wake:
		case <-timeout.C:
			t.Fatalf("not reported within %v (-want +got):\n%s", latency, cmp.Diff(want, got))
		}
	}
}

// TestWatchFollowsSettings makes the edits a publisher makes to site.yaml
// and its logo, the logo's folders made after Watch started, and checks
// that each reaches the callback within a second.
func TestWatchFollowsSettings(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	_, w := watch(t, dir)
	w.ready(t)
	en, fr, ar := map[string]string{"a": "en ltr"}, map[string]string{"a": "fr ltr"}, map[string]string{"a": "ar rtl"}
	de := map[string]string{"a": "de ltr"}
	missingLogo := []string{`DIR/site.yaml:3:7: logo "brand/icons/logo.svg" does not exist in the content folder`}
	steps := []struct {
		name string
		do   op
		want siteState
	}{
		{"written", write("site.yaml", "name: Le Site\nlang: fr\n"), siteState{"Le Site fr ltr #0b5cad #7cb8ff", fr, nil}},
		{"broken", write("site.yaml", "name: Le Site\nlang: fr\nacent: \"#8a1c1c\"\n"), siteState{"Le Site fr ltr #0b5cad #7cb8ff", fr, []string{
			`DIR/site.yaml:3:1: unknown key "acent": did you mean accent?`}}},
		{"fixed", write("site.yaml", "name: Le Site\nlang: fr\naccent: \"#8a1c1c\"\n"), siteState{"Le Site fr ltr #8a1c1c #de5b5b", fr, nil}},
		{"a logo not there yet", write("site.yaml", "name: Le Site\nlang: fr\nlogo: brand/icons/logo.svg\n"), siteState{"Le Site fr ltr #8a1c1c #de5b5b", fr, missingLogo}},
		// Each folder is made with an article's edit, whose report says
		// the folder was seen: the logo's own write is seen only through
		// the watch of its folder.
		{"the logo's first folder made", all(mkdir("brand"), write("a.md", article("A", "lang: de"))), siteState{"Le Site fr ltr #8a1c1c #de5b5b", de, missingLogo}},
		{"its second folder made", all(mkdir("brand/icons"), write("a.md", article("A"))), siteState{"Le Site fr ltr #8a1c1c #de5b5b", fr, missingLogo}},
		{"the logo made", write("brand/icons/logo.svg", svg), siteState{"Le Site fr ltr #0b5cad #7cb8ff brand/icons/logo.svg:41", fr, nil}},
		{"the logo edited", write("brand/icons/logo.svg", svg2), siteState{"Le Site fr ltr #0b5cad #7cb8ff brand/icons/logo.svg:59", fr, nil}},
		{"the logo renamed over", all(write("brand/icons/.logo.svg.tmp", svg), rename("brand/icons/.logo.svg.tmp", "brand/icons/logo.svg")),
			siteState{"Le Site fr ltr #0b5cad #7cb8ff brand/icons/logo.svg:41", fr, nil}},
		{"another language, renamed over", all(write(".site.yaml.tmp", "name: Al Mawqi\nlang: ar\n"), rename(".site.yaml.tmp", "site.yaml")),
			siteState{"Al Mawqi ar rtl #0b5cad #7cb8ff", ar, nil}},
		{"removed", remove("site.yaml"), siteState{defaults, en, nil}},
	}
	for _, s := range steps {
		start := time.Now()
		s.do(t, dir)
		took := w.waitForSite(t, start, s.want)
		t.Logf("%-40s reported after %v", s.name, took.Round(time.Millisecond))
	}
}
