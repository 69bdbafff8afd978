package server

import (
	"maps"
	"net/http"
	"slices"
	"strings"

	ui "backstory/app"
	"backstory/i18n"
)

// languages are the languages the site has words for: those of the
// translation files, the site's and every article's, their tags in lower
// case, sorted.
func (s *site) languages() []string {
	set := map[string]bool{strings.ToLower(s.settings.Lang): true}
	for _, l := range s.catalog.Languages() {
		set[strings.ToLower(l)] = true
	}
	for _, sum := range s.store.Summaries() {
		set[strings.ToLower(sum.Lang)] = true
	}
	delete(set, "")
	return slices.Sorted(maps.Keys(set))
}

// words are the UI's words in lang: its translation's, with English's
// for what it lacks.
func (s *site) words(lang string) i18n.Words {
	return s.catalog.Words(lang)
}

// hasWords says whether the site serves the words of lang (RouteWords).
func (s *site) hasWords(lang string) bool {
	_, found := slices.BinarySearch(s.langs, strings.ToLower(lang))
	return found
}

// serveWords serves the UI's words in a language, for the wasm to show a
// page in another language than the one it started with.
func (s *Server) serveWords(w http.ResponseWriter, r *http.Request, params ui.Params) error {
	site := s.site.Load()
	lang := strings.ToLower(params["lang"])
	if !site.hasWords(lang) {
		return notFoundError("language")
	}
	return s.serveRelease(w, r, site, "words "+lang, func() (*response, error) {
		return jsonResponse(site.words(lang))
	})
}
