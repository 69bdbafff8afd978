package e2e

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"backstory/content"
	"backstory/content/markdown"
	"backstory/i18n"
	"backstory/i18n/catalog"
	"backstory/internal/browsertest"
	"backstory/server"

	"github.com/chromedp/chromedp"
)

// languagesDir holds an article in French, German, Arabic and Japanese,
// each with a card of every kind, all versions of one story.
const languagesDir = "testdata/languages"

// loadDir loads the articles, shared cards and settings of dir.
func loadDir(t *testing.T, dir string) *content.Store {
	t.Helper()
	store, problems, err := markdown.NewParser().Load(os.DirFS(dir), dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("loading %s: %v %v", dir, err, problems)
	}
	return store
}

// serveDir serves the site of dir.
func serveDir(t *testing.T, dir string) *server.Server {
	t.Helper()
	store := loadDir(t, dir)
	return serve(t, func(c *server.Config) { c.Store = store })
}

// englishLeft lists the English words of the UI found in text, a page in
// another language: every English word whose translation in words differs
// (a word the language writes as English does, "Source" in French, is
// not a leftover), cut at its variables, pieces of four letters or more.
func englishLeft(t *testing.T, cat *catalog.Catalog, words i18n.Words, text string) []string {
	t.Helper()
	english := cat.Words("en")
	variable := regexp.MustCompile(`\{\{[a-z_]+\}\}`)
	var found []string
	for key, en := range english.Strings {
		if strings.HasPrefix(key, "month_") || strings.HasPrefix(key, "date_") || key == "digits" || words.Strings[key] == en {
			continue
		}
		for _, piece := range variable.Split(en, -1) {
			piece = strings.Trim(piece, " .,:·←→()")
			if len([]rune(piece)) >= 4 && strings.Contains(text, piece) {
				found = append(found, key+": "+piece)
			}
		}
	}
	for m := 1; m <= 12; m++ {
		month := time.Month(m).String()
		if strings.Contains(text, month) && words.T("month_"+strconv.Itoa(m)) != month {
			found = append(found, "month: "+month)
		}
	}
	return found
}

// pageWords is every word a reader or a screen reader gets from the page:
// its text with every card open, its title, and its elements' labels,
// titles and alternative texts.
const pageWords = `[document.title, document.body.innerText,
	...[...document.querySelectorAll("[aria-label],[title],[alt]")].flatMap(e => [e.getAttribute("aria-label"), e.getAttribute("title"), e.getAttribute("alt")])
].filter(Boolean).join("\n")`

func TestUIInTheArticlesLanguage(t *testing.T) {
	srv := serveDir(t, languagesDir)
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	for _, tt := range []struct {
		slug, lang, dir string
		quoted          string // the text's "progress", in the language's quotation marks
	}{
		{"rencontre", "fr", "ltr", "«\u202fprogrès\u202f»"},
		{"treffen", "de", "ltr", "„Fortschritte“"},
		{"liqa", "ar", "rtl", "”تقدما“"},
		{"kaidan", "ja", "ltr", "「進展」"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			if !cat.Has(tt.lang) {
				t.Fatalf("no translation file for %s: the test would find nothing", tt.lang)
			}
			words := cat.Words(tt.lang)
			open(t, tab, srv, "/articles/"+tt.slug)
			engage(t, tab)
			do(t, tab, chromedp.Click(chromedp.CSS(`[data-action="expand-all"]`)))
			waitTrue(t, tab, "every card is open", `[...document.querySelectorAll("details.card")].every(d => d.open)`)
			settle(t, tab)
			text := eval[string](t, tab, pageWords)
			for _, w := range englishLeft(t, cat, words, text) {
				t.Errorf("English UI word on the %s page: %s", tt.lang, w)
			}
			if lang, dir := eval[string](t, tab, `document.documentElement.lang`), eval[string](t, tab, `document.documentElement.dir`); lang != tt.lang || dir != tt.dir {
				t.Errorf("the page is lang=%q dir=%q, want %q %q", lang, dir, tt.lang, tt.dir)
			}
			updated := time.Date(2023, 6, 20, 0, 0, 0, 0, time.UTC)
			if got, want := eval[string](t, tab, `document.querySelector(".article-header .meta time").textContent`), words.T("article_updated", "date", words.Date(updated)); got != want {
				t.Errorf("the article's date reads %q, want %q", got, want)
			}
			if !strings.Contains(text, words.Date(time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC))) {
				t.Errorf("the quote's date is not written as %q", words.Date(time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)))
			}
			marks := i18n.Quotes(tt.lang)
			if got, want := eval[string](t, tab, `getComputedStyle(document.querySelector(".card-quote blockquote")).quotes`), `"`+marks.Open+marks.Space+`" "`+marks.Space+marks.Close+`"`; !strings.HasPrefix(got, want) {
				t.Errorf("the quote card's quotation marks are %s, want %s", got, want)
			}
			if got := eval[string](t, tab, `getComputedStyle(document.querySelector(".card-quote blockquote p"), "::before").content`); got != "open-quote" {
				t.Errorf("the quote card's words do not open with its quotation mark: %s", got)
			}
			if !strings.Contains(text, tt.quoted) {
				t.Errorf("the text does not quote %s", tt.quoted)
			}
			axeCheck(t, tab, tt.lang+" article with its cards open")
		})
	}
}

func TestLanguageSwitcher(t *testing.T) {
	srv := serveDir(t, languagesDir)
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	open(t, tab, srv, "/")
	// The site is in English, the story is not: one entry for the story,
	// its newest version (the first by slug of those of a day), the others
	// named.
	if n := eval[int](t, tab, `document.querySelectorAll(".article-list > li").length`); n != 1 {
		t.Errorf("the index lists %d entries for one story in four languages", n)
	}
	if got := eval[string](t, tab, `[...document.querySelectorAll(".article-list .translations a")].map(a => a.hreflang + ":" + a.textContent).join(" ")`); got != "ar:العربية de:Deutsch fr:Français" {
		t.Errorf("the index entry lists its other versions as %q", got)
	}
	open(t, tab, srv, "/articles/rencontre")
	engage(t, tab)
	if got := eval[string](t, tab, `[...document.querySelectorAll("link[rel=alternate][hreflang]")].map(l => l.hreflang + " " + new URL(l.href).pathname).join(", ")`); got != "fr /articles/rencontre, ar /articles/liqa, de /articles/treffen, ja /articles/kaidan" {
		t.Errorf("the page's alternates are %q", got)
	}
	text := switchToJapanese(t, tab)
	for _, w := range englishLeft(t, cat, cat.Words("ja"), text) {
		t.Errorf("English UI word on the Japanese page: %s", w)
	}
	fr := cat.Words("fr")
	for _, key := range []string{"article_expand_all", "card_share_quote", "card_background"} {
		if strings.Contains(text, fr.T(key)) {
			t.Errorf("the Japanese page still says %q (French)", fr.T(key))
		}
	}
}

// switchToJapanese follows the language list of the French article the tab
// shows, run by the wasm, to the Japanese version: the wasm shows it
// itself, with the words of its language, which it fetches. It returns
// what the reader sees of the Japanese page.
func switchToJapanese(t *testing.T, tab *browsertest.Tab) string {
	t.Helper()
	eval[bool](t, tab, `window.stillThisPage = true`)
	do(t, tab, chromedp.Click(chromedp.CSS(`nav.translations a[hreflang="ja"]`)))
	waitTrue(t, tab, "the Japanese version shows", `document.documentElement.lang === "ja" && document.querySelector("h1.headline").textContent.includes("習近平")`)
	if !eval[bool](t, tab, `window.stillThisPage === true`) {
		t.Error("the browser loaded the Japanese page: the wasm should show it")
	}
	if got := eval[string](t, tab, `document.querySelector("[data-action=expand-all]").textContent`); got != "すべてのカードを開く" {
		t.Errorf("the Japanese page's button says %q", got)
	}
	return eval[string](t, tab, pageWords)
}

// TestLanguagesOnAStaticHost: exported under a prefix and served by Go's
// http.FileServer, the French article switches to the Japanese one in the
// wasm, which finds the Japanese words in the export.
func TestLanguagesOnAStaticHost(t *testing.T) {
	sites := &hostSites{store: loadDir(t, languagesDir), dir: t.TempDir(), exports: map[string]exported{}}
	site := exportOn(fileServer)(t, sites, hostPrefix)
	tab := newTab(t)
	open(t, tab, site, "/articles/rencontre")
	engage(t, tab)
	switchToJapanese(t, tab)
	if got := eval[string](t, tab, `location.pathname`); got != hostPrefix+"/articles/kaidan" {
		t.Errorf("the Japanese page is at %s", got)
	}
	noProblems(t, tab)
}
