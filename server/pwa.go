package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	ui "backstory/app"
)

// DefaultPrecache is how many of the newest articles the service worker
// saves for reading offline when it installs.
const DefaultPrecache = 50

// versionHeader carries the site revision a page or JSON belongs to; the
// service worker tells fresh saved copies from stale ones by it.
const versionHeader = "X-Backstory-Version"

// siteVersion hashes what the site serves: the content and every asset (the
// wasm among them). It is the service worker's version: any change is a
// new release that the browser installs in the background.
func siteVersion(revision string, a *assets) string {
	h := sha256.New()
	fmt.Fprintln(h, revision)
	names := make([]string, 0, len(a.byName))
	for name := range a.byName {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintln(h, name, a.byName[name].hash)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// workerConfig is the CONFIG the service worker reads (web/static/sw.js).
type workerConfig struct {
	Version string            `json:"version"`
	Static  []string          `json:"static"`
	ByName  map[string]string `json:"byName"`
	Pages   []string          `json:"pages"`
	Offline string            `json:"offline"`
}

// workerConfig lists what the worker saves at install: every asset but the
// stylesheet (inlined in pages) and the worker itself; the index, its JSON,
// and the newest articles up to limit with their JSON.
func (s *site) workerConfig(limit int) workerConfig {
	c := workerConfig{Version: s.version, ByName: map[string]string{}, Offline: ui.PathOffline}
	for name, a := range s.assets.byName {
		if name == "app.css" || name == "sw.js" || name == "dev.js" {
			continue
		}
		c.Static = append(c.Static, a.URL())
		c.ByName[name] = a.URL()
	}
	slices.Sort(c.Static)
	c.Pages = []string{ui.PathIndex, ui.APIIndexPath(1)}
	for i, sum := range s.store.Summaries() {
		if i == limit {
			break
		}
		c.Pages = append(c.Pages, ui.ArticlePath(sum.Slug), ui.APIArticlePath(sum.Slug))
	}
	return c
}

// worker is the service worker script: its CONFIG, then web/static/sw.js.
func (s *site) worker(limit int) (*response, error) {
	cfg, err := json.Marshal(s.workerConfig(limit))
	if err != nil {
		return nil, fmt.Errorf("encoding the worker's config: %w", err)
	}
	src, ok := s.assets.get("sw.js")
	if !ok {
		return nil, fmt.Errorf("web/static/sw.js is missing")
	}
	body := "const CONFIG = " + string(cfg) + ";\n" + string(src.body.Identity)
	return newResponse(http.StatusOK, "text/javascript; charset=utf-8", []byte(body)), nil
}

// manifest is the web app manifest: what installing backstory shows.
func (s *site) manifest() (*response, error) {
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	}
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		Dir             string `json:"dir"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		ThemeColor      string `json:"theme_color"`
		BackgroundColor string `json:"background_color"`
		Icons           []icon `json:"icons"`
	}{
		ID:              "/",
		Name:            ui.SiteName + ": " + ui.SiteTagline,
		ShortName:       ui.SiteName,
		Description:     "News articles with background and quote cards: the context a reader may lack, and who said what, where and when. Readable offline.",
		Lang:            "en",
		Dir:             "ltr",
		StartURL:        ui.PathIndex,
		Scope:           "/",
		Display:         "standalone",
		ThemeColor:      "#0b5cad",
		BackgroundColor: "#fbfaf7",
		Icons: []icon{
			{s.assets.url("icons/icon-192.png"), "192x192", "image/png", "any"},
			{s.assets.url("icons/icon-512.png"), "512x512", "image/png", "any"},
			{s.assets.url("icons/icon-maskable-512.png"), "512x512", "image/png", "maskable"},
			{s.assets.url("icons/icon.svg"), "any", "image/svg+xml", "any"},
		},
	}
	for _, ic := range m.Icons {
		if ic.Src == "" || strings.HasSuffix(ic.Src, "/") {
			return nil, fmt.Errorf("an icon of the manifest is missing from web/static/icons")
		}
	}
	body, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the manifest: %w", err)
	}
	return newResponse(http.StatusOK, "application/manifest+json", body), nil
}
