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
// Every URL in it carries the site's prefix.
type workerConfig struct {
	Version string            `json:"version"`
	Scope   string            `json:"scope"`  // the site's root: its index
	Assets  string            `json:"assets"` // the assets' directory, with a trailing slash
	Static  []string          `json:"static"`
	ByName  map[string]string `json:"byName"`
	Pages   []string          `json:"pages"`
	Offline string            `json:"offline"`
	// OfflineText is what the worker answers offline when even the
	// offline page is not saved, in the site's language.
	OfflineText string        `json:"offlineText"`
	Routes      []workerRoute `json:"routes"`
	// Cards is the list of shared cards and their revisions: a saved page
	// that shows an older one is saved anew when a release activates.
	Cards string `json:"cards"`
}

// workerRoute is a route as the worker tells URLs apart: by their path,
// whole or by its start, in the route table's order.
type workerRoute struct {
	Path   string           `json:"path"`
	Exact  bool             `json:"exact"`
	Policy ui.OfflinePolicy `json:"policy"`
}

// workerConfig lists what the worker saves at install: every asset but the
// stylesheet (inlined in pages) and the worker itself; the index, its JSON,
// and the newest articles up to limit with their JSON. Its routes are the
// route table's.
func (s *site) workerConfig(limit int) workerConfig {
	c := workerConfig{
		Version:     s.version,
		Scope:       s.url(ui.PathOf(ui.RouteIndex)),
		Assets:      s.url(ui.AssetPath("")),
		ByName:      map[string]string{},
		Offline:     s.url(ui.PathOf(ui.RouteOffline)),
		OfflineText: s.words(s.settings.Lang).T("offline_title"),
		Cards:       s.url(ui.PathOf(ui.RouteCardList)),
	}
	for name, a := range s.assets.byName {
		if name == "app.css" || name == "sw.js" || name == "dev.js" {
			continue
		}
		c.Static = append(c.Static, s.url(a.URL()))
		c.ByName[name] = s.url(a.URL())
	}
	slices.Sort(c.Static)
	c.Pages = []string{s.url(ui.IndexPath(1)), s.url(ui.APIIndexPath(1))}
	for i, sum := range s.store.Summaries() {
		if i == limit {
			break
		}
		c.Pages = append(c.Pages, s.url(ui.ArticlePath(sum.Slug)), s.url(ui.APIArticlePath(sum.Slug)))
	}
	for _, rt := range ui.Routes {
		c.Routes = append(c.Routes, workerRoute{Path: s.url(rt.Literal()), Exact: !rt.HasParams(), Policy: rt.Offline})
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

// manifest is the web app manifest: what installing the site shows.
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
		ID:              s.url(ui.IndexPath(1)),
		Name:            s.settings.Name,
		ShortName:       s.settings.Short(),
		Description:     s.settings.Tagline,
		Lang:            s.settings.Lang,
		Dir:             s.settings.Dir,
		StartURL:        s.url(ui.IndexPath(1)),
		Scope:           s.url(ui.IndexPath(1)),
		Display:         "standalone",
		ThemeColor:      s.settings.ThemeLight,
		BackgroundColor: s.settings.ThemeLight,
		Icons: []icon{
			{s.url(s.assets.url("icons/icon-192.png")), "192x192", "image/png", "any"},
			{s.url(s.assets.url("icons/icon-512.png")), "512x512", "image/png", "any"},
			{s.url(s.assets.url("icons/icon-maskable-512.png")), "512x512", "image/png", "maskable"},
			{s.url(s.assets.url("icons/icon.svg")), "any", "image/svg+xml", "any"},
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
