package markdown

import (
	"os"
	"regexp"
	"testing"
)

// TestBackgroundsAreTheStylesheets checks the backgrounds that accents are
// checked on against web/static/app.css: each theme's --bg and --card-bg.
func TestBackgroundsAreTheStylesheets(t *testing.T) {
	css, err := os.ReadFile("../../web/static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string][]background{
		`:root {`:                    lightBackgrounds,
		`:root[data-theme="dark"] {`: darkBackgrounds,
	}
	for opening, want := range blocks {
		block := regexp.MustCompile(regexp.QuoteMeta(opening) + `([^}]*)\}`).FindSubmatch(css)
		if block == nil {
			t.Errorf("app.css has no block %s … }", opening)
			continue
		}
		for i, name := range []string{"--bg", "--card-bg"} {
			m := regexp.MustCompile(`(?m)^\s*` + name + `:\s*(#[0-9a-fA-F]{3,6});`).FindSubmatch(block[1])
			if m == nil {
				t.Errorf("app.css's %s … } sets no %s", opening, name)
				continue
			}
			if got := want[i].colour.String(); got != string(m[1]) {
				t.Errorf("accents are checked on %s for %s, but app.css's %s … } sets %s", got, want[i].where, opening, m[1])
			}
		}
	}
}

func TestClosestKey(t *testing.T) {
	tests := []struct{ key, want string }{
		{"acent", "accent"},
		{"Accent", "accent"},
		{"ACCENT", "accent"},
		{"shortName", "short_name"},
		{"short-name", "short_name"},
		{"Short Name", "short_name"},
		{"accentDark", "accent_dark"},
		{"theme_colour_dark", "theme_color_dark"},
		{"colour", "accent"},
		{"description", "tagline"},
		{"taglien", "tagline"},
		{"x", ""},
		{"ab", ""},
		{"favourite_food", ""},
	}
	for _, tt := range tests {
		if got := closestKey(tt.key, siteKeys); got != tt.want {
			t.Errorf("closestKey(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}
