package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"
	"backstory/server"
)

// siteFlags say what site serve and export make: which articles, which
// built files, and the site's public settings.
type siteFlags struct {
	contentDir   *string
	baseURL      *string
	webDir       *string
	embedOrigins *string
	precache     *int
}

// addSiteFlags defines the site flags on fset, with defaults from env.
func addSiteFlags(fset *flag.FlagSet, env Env) siteFlags {
	return siteFlags{
		contentDir:   fset.String("content", envOr(env, "BACKSTORY_CONTENT", ""), "a directory of articles (*.md) to use instead of the embedded ones (env BACKSTORY_CONTENT)"),
		baseURL:      fset.String("base-url", envOr(env, "BACKSTORY_BASE_URL", ""), "the site's public URL, for canonical links, sharing and embeds; its path is the prefix the site is served under, as in https://news.example/interactive (env BACKSTORY_BASE_URL)"),
		webDir:       fset.String("web", envOr(env, "BACKSTORY_WEB", "web"), "directory holding the built app.wasm and wasm_exec.js (env BACKSTORY_WEB)"),
		embedOrigins: fset.String("embed-origins", envOr(env, "BACKSTORY_EMBED_ORIGINS", "*"), "origins whose pages may frame embeds, space-separated, as in \"https://a.example https://b.example\" (env BACKSTORY_EMBED_ORIGINS)"),
		precache:     fset.Int("precache", envInt(env, "BACKSTORY_PRECACHE", server.DefaultPrecache), "how many of the newest articles readers' browsers save for offline reading (env BACKSTORY_PRECACHE)"),
	}
}

// check reports a flag value that cannot work.
func (f siteFlags) check() error {
	if *f.precache < 0 {
		return errors.New("-precache must be 0 or more")
	}
	if _, err := server.ParseBaseURL(*f.baseURL); err != nil {
		return fmt.Errorf("-base-url: %w", err)
	}
	return nil
}

// config is the server configuration the flags give, for store.
func (f siteFlags) config(store *content.Store) server.Config {
	precache := *f.precache
	if precache == 0 {
		precache = -1 // the server's "none"
	}
	return server.Config{BaseURL: *f.baseURL, Store: store, WebDir: *f.webDir, Precache: precache, EmbedOrigins: *f.embedOrigins}
}

// loadArticles loads the articles of -content, or the embedded ones. On
// problems it prints each to stderr, as file:line:col: message, and fails.
func (f siteFlags) loadArticles(stderr io.Writer) (*content.Store, error) {
	var fsys fs.FS = articles.FS
	display := articles.Dir
	if *f.contentDir != "" {
		if _, err := os.Stat(*f.contentDir); err != nil {
			return nil, fmt.Errorf("-content: %w", err)
		}
		fsys, display = os.DirFS(*f.contentDir), *f.contentDir
	}
	store, err := markdown.NewParser().LoadDir(fsys, display)
	if ps, ok := errors.AsType[content.Problems](err); ok {
		fmt.Fprintln(stderr, ps.Error())
		return nil, fmt.Errorf("the articles have %d problems", len(ps))
	}
	return store, err
}
