package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The site's routes. Each is declared once, in Routes; the server's mux,
// the pages the wasm loads, the export's files and header rules, the
// service worker's rules and the scripts' configuration are all derived
// from the table. Paths here are site paths: without the site's prefix
// (see Prefix), which is added only where a URL leaves the program.
const (
	RouteIndex         RouteName = "index"
	RouteIndexPageOne  RouteName = "index-page-one"
	RouteIndexPage     RouteName = "index-page"
	RouteArticle       RouteName = "article"
	RouteEmbed         RouteName = "embed"
	RouteCardEmbed     RouteName = "embed-card"
	RouteCard          RouteName = "card"
	RouteCardPage      RouteName = "card-page"
	RouteCardList      RouteName = "api-cards"
	RouteCardJSON      RouteName = "api-card"
	RouteCardPageJSON  RouteName = "api-card-page"
	RouteOffline       RouteName = "offline"
	RouteNotFound      RouteName = "not-found"
	RouteArticleList   RouteName = "api-articles"
	RouteArticleListTo RouteName = "api-articles-alias"
	RouteArticleJSON   RouteName = "api-article"
	RouteArticleJSONTo RouteName = "api-article-alias"
	RouteIndexJSON     RouteName = "api-page"
	RouteWords         RouteName = "api-words"
	RouteOEmbed        RouteName = "oembed"
	RouteArticleOEmbed RouteName = "oembed-article"
	RouteEmbedScript   RouteName = "embed-script"
	RouteManifest      RouteName = "manifest"
	RouteWorker        RouteName = "worker"
	RouteAsset         RouteName = "asset"
	RouteHealth        RouteName = "healthz"
	RouteReady         RouteName = "readyz"
	RouteDevEvents     RouteName = "dev-events"
)

// Routes is the route table, in the order routes are matched: an alias
// before the route whose pattern also matches it.
var Routes = []Route{
	{Name: RouteIndex, Pattern: "/", About: "the index", Page: KindIndex, JSONParams: Params{"n": "1"}, Wasm: true, JSON: RouteIndexJSON, Static: true, Offline: OfflinePage},
	{Name: RouteIndexPageOne, Pattern: "/page/1", About: "the index's first page, by its other address", RedirectTo: RouteIndex, Static: true, Offline: OfflineNetwork},
	{Name: RouteIndexPage, Pattern: "/page/{n}", About: "the index's other pages", Page: KindIndex, Wasm: true, JSON: RouteIndexJSON, Static: true, Offline: OfflinePage, Valid: indexPageNumber(2)},
	{Name: RouteArticle, Pattern: "/articles/{slug}", About: "articles", Page: KindArticle, Wasm: true, JSON: RouteArticleJSON, Static: true, Offline: OfflinePage},
	{Name: RouteEmbed, Pattern: "/embed/{slug}", About: "embeds", Page: KindEmbed, Static: true, Offline: OfflinePage},
	{Name: RouteCardEmbed, Pattern: "/embed/{slug}/{card}", About: "single-card embeds", Page: KindEmbed, Static: true, Offline: OfflinePage},
	{Name: RouteCard, Pattern: "/cards/{id}", About: "shared cards' pages", Page: KindCard, JSONParams: Params{"n": "1"}, Wasm: true, JSON: RouteCardPageJSON, Static: true, Offline: OfflinePage},
	{Name: RouteCardPage, Pattern: "/cards/{id}/page/{n}", About: "shared cards' other pages of stories", Page: KindCard, Wasm: true, JSON: RouteCardPageJSON, Static: true, Offline: OfflinePage, Valid: indexPageNumber(2)},
	{Name: RouteOffline, Pattern: "/offline", About: "the offline page", Page: KindOffline, Static: true, Offline: OfflinePage},
	{Name: RouteNotFound, Pattern: "/404.html", About: "the not-found page", Page: KindNotFound, File: true, Static: true, Offline: OfflinePage, Status: 404},
	{Name: RouteArticleList, Pattern: "/api/articles.json", About: "the list of articles as JSON", Static: true, Offline: OfflineData},
	{Name: RouteArticleListTo, Pattern: "/api/articles", About: "the list of articles, by its other address", RedirectTo: RouteArticleList, Static: true, Offline: OfflineNetwork},
	{Name: RouteArticleJSON, Pattern: "/api/articles/{slug}.json", About: "articles as JSON", Static: true, Offline: OfflineData},
	{Name: RouteArticleJSONTo, Pattern: "/api/articles/{slug}", About: "articles as JSON, by their other address", RedirectTo: RouteArticleJSON, Static: true, Offline: OfflineNetwork},
	{Name: RouteCardList, Pattern: "/api/cards.json", About: "the list of shared cards and their revisions as JSON", Static: true, Offline: OfflineNetwork},
	{Name: RouteCardJSON, Pattern: "/api/cards/{id}.json", About: "shared cards and every article that uses them as JSON", Static: true, Offline: OfflineData},
	{Name: RouteCardPageJSON, Pattern: "/api/cards/{id}/pages/{n}.json", About: "shared cards' pages as JSON", Static: true, Offline: OfflineData, Valid: indexPageNumber(1)},
	{Name: RouteIndexJSON, Pattern: "/api/pages/{n}.json", About: "the index's pages as JSON", Static: true, Offline: OfflineData, Valid: indexPageNumber(1)},
	{Name: RouteWords, Pattern: "/api/words/{lang}.json", About: "the UI's words in a language as JSON", Static: true, Offline: OfflineData},
	{Name: RouteOEmbed, Pattern: "/oembed", About: "the oEmbed endpoint", Offline: OfflineNetwork},
	{Name: RouteArticleOEmbed, Pattern: "/oembed/{slug}.json", About: "oEmbed answers", Static: true, Offline: OfflineNetwork},
	{Name: RouteEmbedScript, Pattern: "/embed.js", About: "the embed script", Static: true, Offline: OfflineNetwork},
	{Name: RouteManifest, Pattern: "/manifest.webmanifest", About: "the manifest", Static: true, Offline: OfflineNetwork, ContentType: "application/manifest+json"},
	{Name: RouteWorker, Pattern: "/sw.js", About: "the service worker", Static: true, Offline: OfflineNetwork},
	{Name: RouteAsset, Pattern: "/web/{file...}", About: "assets", Static: true, Offline: OfflineAsset, HeadersPerFile: true},
	{Name: RouteHealth, Pattern: "/healthz", About: "liveness", Offline: OfflineNetwork},
	{Name: RouteReady, Pattern: "/readyz", About: "readiness", Offline: OfflineNetwork},
	{Name: RouteDevEvents, Pattern: "/_dev/events", About: "the -dev event stream", Offline: OfflineNetwork, Dev: true},
}

// IndexPageSize is how many articles a page of the index lists.
const IndexPageSize = 50

// The paths of the site's pages and files, each made from its route.

// IndexPath is the path of the index's page n (from 1).
func IndexPath(n int) string {
	if n <= 1 {
		return route(RouteIndex).Path()
	}
	return route(RouteIndexPage).Path(strconv.Itoa(n))
}

// ArticlePath is the path of an article's page.
func ArticlePath(slug string) string { return route(RouteArticle).Path(slug) }

// EmbedPath is the path of an article's embed page.
func EmbedPath(slug string) string { return route(RouteEmbed).Path(slug) }

// CardEmbedPath is the path of the embed page of one card of an article.
func CardEmbedPath(slug, card string) string { return route(RouteCardEmbed).Path(slug, card) }

// CardPath is the path of a shared card's page.
func CardPath(id string) string { return route(RouteCard).Path(id) }

// CardPagePath is the path of page n (from 1) of a shared card's page: its
// stories are listed IndexPageSize a page, as the index lists articles.
func CardPagePath(id string, n int) string {
	if n <= 1 {
		return CardPath(id)
	}
	return route(RouteCardPage).Path(id, strconv.Itoa(n))
}

// APICardPath is the path of a shared card's JSON, with every article
// that uses it.
func APICardPath(id string) string { return route(RouteCardJSON).Path(id) }

// APICardPagePath is the path of the JSON of page n of a shared card's
// page.
func APICardPagePath(id string, n int) string {
	return route(RouteCardPageJSON).Path(id, strconv.Itoa(n))
}

// APIArticlePath is the path of an article's JSON.
func APIArticlePath(slug string) string { return route(RouteArticleJSON).Path(slug) }

// APIIndexPath is the path of the JSON of the index's page n.
func APIIndexPath(n int) string { return route(RouteIndexJSON).Path(strconv.Itoa(n)) }

// APIWordsPath is the path of the JSON of the UI's words in lang, by its
// tag in lower case: one file for pt-BR and pt-br on a static host.
func APIWordsPath(lang string) string { return route(RouteWords).Path(strings.ToLower(lang)) }

// OEmbedPath is the path of an article's oEmbed answer at the default
// size, the one its pages name for discovery.
func OEmbedPath(slug string) string { return route(RouteArticleOEmbed).Path(slug) }

// AssetPath is the path of a file under web/.
func AssetPath(file string) string { return route(RouteAsset).Path(file) }

// PathOf is the path of a route without parameters.
func PathOf(name RouteName) string { return route(name).Path() }

// ArticleSlug returns the slug in an article page's path.
func ArticleSlug(path string) (string, bool) { return paramOf(RouteArticle, path, "slug") }

// EmbedSlug returns the slug in an embed page's path.
func EmbedSlug(path string) (string, bool) { return paramOf(RouteEmbed, path, "slug") }

// CardEmbedParams returns the slug and card id in a single-card embed's
// path.
func CardEmbedParams(path string) (slug, card string, ok bool) {
	params, ok := route(RouteCardEmbed).Values(path)
	return params["slug"], params["card"], ok
}

// IndexPages is how many pages an index of n articles has: at least one.
func IndexPages(articles int) int {
	return max(1, (articles+IndexPageSize-1)/IndexPageSize)
}

// indexPageNumber accepts a page number n ≥ min written plainly: digits,
// no sign, no leading zero, at most nine of them.
func indexPageNumber(min int) func(Params) bool {
	return func(p Params) bool {
		digits := p["n"]
		if digits == "" || len(digits) > 9 || digits[0] == '0' {
			return false
		}
		for _, c := range digits {
			if c < '0' || c > '9' {
				return false
			}
		}
		n, _ := strconv.Atoi(digits)
		return n >= min
	}
}

// Register declares the pages with go-app. Every path is the Page
// component, which shows what its data says and routes with Match: go-app
// strips the site's prefix (GOAPP_ROOT_PREFIX) before it routes.
func Register() {
	app.RouteWithRegexp("^/.*$", func() app.Composer { return &Page{} })
}
