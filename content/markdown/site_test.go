package markdown_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"backstory/content"
	"backstory/content/markdown"
	"backstory/i18n"
	"backstory/internal/colour"
)

// siteCases lists the settings files of testdata/site/dir.
func siteCases(t *testing.T, dir string) []string { return casesOf(t, "site/"+dir, "*.yaml") }

// TestParseSite reads each testdata/site/ok case and compares the settings,
// as JSON with the logo's file and size, with its golden file.
func TestParseSite(t *testing.T) {
	for _, file := range siteCases(t, "ok") {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			site, problems := markdown.ParseSite(name, src, os.DirFS(filepath.Dir(file)))
			if len(problems) > 0 {
				t.Fatalf("ParseSite: %v", problems)
			}
			for what, c := range map[string]string{"accent": site.Accent, "accent_dark": site.AccentDark} {
				if _, err := colour.Parse(c); err != nil {
					t.Errorf("%s %q is not a colour", what, c)
				}
			}
			got, err := json.MarshalIndent(struct {
				content.Site
				LogoFile  string `json:"logoFile,omitempty"`
				LogoBytes int    `json:"logoBytes,omitempty"`
			}{site, site.LogoFile, len(site.Logo)}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(file, ".yaml")+".json", append(got, '\n'))
		})
	}
}

// TestSiteProblems reads each testdata/site/errors case and compares the
// problems with its golden file.
func TestSiteProblems(t *testing.T) {
	for _, file := range siteCases(t, "errors") {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, problems := markdown.ParseSite(name, src, os.DirFS(filepath.Dir(file)))
			problemsInside(t, src, problems)
			golden(t, strings.TrimSuffix(file, ".yaml")+".txt", []byte(problems.Error()+"\n"))
		})
	}
}

// FuzzParseSite: settings, whatever they are, are read or fail with
// problems inside the file; settings read have colours that parse, links
// readable on both themes, and absolute URLs.
func FuzzParseSite(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/site/*/*.yaml")
	addSeeds(f, append(seeds, "../articles/site.yaml"))
	logos := fstest.MapFS{"logo.svg": {Data: []byte("<svg/>")}, "images/logo.svg": {Data: []byte("<svg/>")}}
	light := []string{"#fbfaf7", "#f2efe8"}
	dark := []string{"#151515", "#201f1d"}
	f.Fuzz(func(t *testing.T, src []byte) {
		site, problems := markdown.ParseSite("site.yaml", src, logos)
		if len(problems) > 0 {
			problemsInside(t, src, problems)
			return
		}
		for _, c := range []struct {
			hex string
			on  []string
		}{{site.Accent, light}, {site.AccentDark, dark}, {site.ThemeLight, nil}, {site.ThemeDark, nil}} {
			fg, err := colour.Parse(c.hex)
			if err != nil {
				t.Fatalf("colour %q: %v", c.hex, err)
			}
			for _, bg := range c.on {
				if r := colour.Contrast(fg, colour.MustParse(bg)); r < colour.AA {
					t.Errorf("%s on %s: a contrast of %.2f", c.hex, bg, r)
				}
			}
		}
		for _, u := range []string{site.Publisher.URL, site.Footer.URL} {
			if u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Errorf("URL %q is not absolute http(s)", u)
			}
		}
		if site.Name == "" || site.Lang == "" || site.Dir != i18n.Direction(site.Lang) || site.Publisher.Name == "" {
			t.Errorf("settings without a name, a language, its direction or a publisher: %+v", site)
		}
		if (site.LogoFile == "") != (site.Logo == nil) {
			t.Errorf("logo file %q with %d bytes", site.LogoFile, len(site.Logo))
		}
	})
}
