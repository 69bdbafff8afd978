package app

import (
	"strings"
	"time"

	"backstory/content"
	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// phrase renders the word of key with the element ui in the place of its
// variable name: "Updated {{date}}" with a <time> for the date, in the
// words' own order.
func phrase(w i18n.Words, key, name string, ui app.UI, vars ...string) []app.UI {
	before, after := w.Split(key, name, vars...)
	var out []app.UI
	if before != "" {
		out = append(out, text(before))
	}
	out = append(out, ui)
	if after != "" {
		out = append(out, text(after))
	}
	return out
}

// kindName is what a kind of card is called in the words' language.
func kindName(w i18n.Words, k content.CardKind) string {
	return w.T("card_" + string(k))
}

// dateEl is a <time> element showing t as the words' language writes a
// date.
func dateEl(w i18n.Words, t time.Time) app.UI {
	return el("time", attrs{"datetime", isoDate(t)}, text(w.Date(t)))
}

// languageSwitcher links an article to its versions in other languages,
// each named in its own language.
func languageSwitcher(w i18n.Words, prefix Prefix, versions []content.Translation) app.UI {
	return el("nav", attrs{"class", "translations", "aria-label", w.T("article_languages")}, translationLinks(w, prefix, versions)...)
}

// translationLinks are links to the versions of a story, each named in
// its own language, after "Also in".
func translationLinks(w i18n.Words, prefix Prefix, versions []content.Translation) []app.UI {
	out := []app.UI{text(w.T("article_in_language") + " ")}
	for i, t := range versions {
		if i > 0 {
			out = append(out, text(" · "))
		}
		out = append(out, el("a", attrs{"href", prefix.URL(ArticlePath(t.Slug)), "hreflang", t.Lang, "lang", t.Lang, "dir", i18n.Direction(t.Lang), "title", t.Title}, text(i18n.Name(t.Lang))))
	}
	return out
}

// wordsKey is the key a language's words are kept under.
func wordsKey(lang string) string { return strings.ToLower(lang) }
