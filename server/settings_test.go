package server

import (
	"encoding/base64"
	"encoding/json"
	"html"
	"image/png"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"backstory/content"
	"backstory/web"
)

// brandedStore is one article, in French, on a site with its own settings.
func brandedStore(t *testing.T) *content.Store {
	t.Helper()
	store, err := content.NewStore([]content.Article{{
		Slug: "port", Title: "Le port rouvre", Lang: "fr", Dir: "ltr", Published: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC),
		Blocks: []content.Block{{Kind: content.BlockParagraph, Text: []content.Inline{{Kind: content.InlineText, Text: "Le port a rouvert."}}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	site := content.DefaultSite()
	site.Name, site.ShortName, site.Tagline, site.Lang = "La Lanterne", "Lanterne", "L'info locale", "fr"
	site.Accent, site.AccentDark, site.ThemeLight = "#a4262c", "#ff8a80", "#fff8f0"
	site.Publisher = content.Link{Name: "Lanterne Médias", URL: "https://lanterne.example"}
	site.Footer = content.Link{Name: "À propos", URL: "https://lanterne.example/a-propos"}
	return store.WithSite(site)
}

func TestSettingsEverywhere(t *testing.T) {
	ts := testServer(t, brandedStore(t))
	for _, path := range []string{"/", "/articles/port", "/embed/port", "/offline", "/nowhere"} {
		_, body := get(t, ts, path)
		for _, want := range []string{`<meta property="og:site_name" content="La Lanterne">`, "--accent:#a4262c", `lang="fr"`} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
		if i := strings.Index(strings.ToLower(body), "backstory"); i >= 0 && !onlyInScripts(body) {
			t.Errorf("%s names backstory: …%s…", path, body[max(i-60, 0):min(i+60, len(body))])
		}
	}
	_, page := get(t, ts, "/articles/port")
	for _, want := range []string{`"publisher":{"@type":"Organization","name":"Lanterne Médias","url":"https://lanterne.example"}`, "<title>Le port rouvre · La Lanterne</title>", "À propos", "1 min de lecture"} {
		if !strings.Contains(page, want) && !strings.Contains(page, strings.ReplaceAll(want, "é", `\u00e9`)) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	var m struct {
		Name, ShortName, Lang, ThemeColor string
	}
	_, manifest := get(t, ts, "/manifest.webmanifest")
	if err := json.Unmarshal([]byte(strings.NewReplacer("short_name", "ShortName", "theme_color", "ThemeColor").Replace(manifest)), &m); err != nil {
		t.Fatal(err)
	}
	if m.Name != "La Lanterne" || m.ShortName != "Lanterne" || m.Lang != "fr" || m.ThemeColor != "#fff8f0" {
		t.Errorf("the manifest is %+v", m)
	}
	var o struct {
		ProviderName string `json:"provider_name"`
		ProviderURL  string `json:"provider_url"`
	}
	_, oembed := get(t, ts, "/oembed/port.json")
	if err := json.Unmarshal([]byte(oembed), &o); err != nil || o.ProviderName != "Lanterne Médias" || o.ProviderURL != "https://lanterne.example" {
		t.Errorf("oEmbed's provider is %+v (%v)", o, err)
	}
	// The words of the site's languages, and of every article's, are
	// served for the wasm; no other language's.
	for path, status := range map[string]int{"/api/words/fr.json": 200, "/api/words/de.json": 200, "/api/words/xx.json": 404} {
		res, body := get(t, ts, path)
		if res.StatusCode != status {
			t.Errorf("%s: %d, want %d", path, res.StatusCode, status)
		}
		if status == http.StatusOK && !strings.Contains(body, `"lang":"`+path[len("/api/words/"):len("/api/words/")+2]+`"`) {
			t.Errorf("%s: %.100s", path, body)
		}
	}
}

// onlyInScripts says whether every "backstory" in a page is in what no
// reader sees: script and style names, storage keys, JSON keys.
func onlyInScripts(body string) bool {
	visible := body
	for _, tag := range []string{"script", "style"} {
		for {
			start := strings.Index(visible, "<"+tag)
			end := strings.Index(visible, "</"+tag+">")
			if start < 0 || end < start {
				break
			}
			visible = visible[:start] + visible[end+len(tag)+3:]
		}
	}
	return !strings.Contains(strings.ToLower(visible), "backstory")
}

func TestIconsFromTheLogo(t *testing.T) {
	store := brandedStore(t)
	site := store.Site()
	site.Logo = []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#ffd166"/></svg>`)
	site.LogoFile = "logo.svg"
	ts := testServer(t, store.WithSite(site))
	var m struct {
		Icons []struct{ Src, Sizes, Type, Purpose string }
	}
	_, manifest := get(t, ts, "/manifest.webmanifest")
	if err := json.Unmarshal([]byte(manifest), &m); err != nil {
		t.Fatal(err)
	}
	builtIn, err := fs.ReadFile(web.Static(), "icons/icon-192.png")
	if err != nil {
		t.Fatal(err)
	}
	for _, ic := range m.Icons {
		res, body := get(t, ts, ic.Src)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != ic.Type {
			t.Errorf("%s: %d %s", ic.Src, res.StatusCode, res.Header.Get("Content-Type"))
			continue
		}
		if ic.Type == "image/svg+xml" {
			if body != string(site.Logo) {
				t.Errorf("the SVG icon is not the logo: %.80s", body)
			}
			continue
		}
		img, err := png.Decode(strings.NewReader(body))
		if err != nil {
			t.Errorf("%s: %v", ic.Src, err)
			continue
		}
		if size := strconv.Itoa(img.Bounds().Dx()) + "x" + strconv.Itoa(img.Bounds().Dy()); size != ic.Sizes {
			t.Errorf("%s is %s, the manifest says %s", ic.Src, size, ic.Sizes)
		}
		if r, g, b, _ := img.At(img.Bounds().Dx()/2, img.Bounds().Dy()/2).RGBA(); r>>8 != 0xff || g>>8 != 0xd1 || b>>8 != 0x66 {
			t.Errorf("%s: the middle is not the logo's colour", ic.Src)
		}
		if body == string(builtIn) {
			t.Errorf("%s is the built-in icon", ic.Src)
		}
	}
	_, page := get(t, ts, "/")
	if !strings.Contains(page, `class="site-logo"`) || !strings.Contains(html.UnescapeString(page), base64.StdEncoding.EncodeToString(site.Logo)) {
		t.Error("the page shows the logo neither in its header nor as its favicon")
	}
}
