package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"backstory/export"
	"backstory/server"
)

// defaultExportBaseURL is the base URL of an export made without
// -base-url: right for trying it locally, wrong anywhere else.
const defaultExportBaseURL = "http://localhost:8080"

func runExport(ctx context.Context, env Env, args []string) int {
	fset := flag.NewFlagSet("export", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	out := fset.String("out", "", "the directory to write the site into; replaced if it holds an earlier export (required)")
	site := addSiteFlags(fset, env)
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: backstory export -out DIR [-base-url https://news.example] [flags]\n\nWrites the whole site as files any static host serves: every page as\npath/index.html, embeds, the JSON under /api, oEmbed answers, the manifest,\nthe service worker, embed.js and the assets, compressible files with .br\nand .gz siblings, and the headers to send in _headers (Netlify, Cloudflare\nPages) and _nginx.conf (nginx; see deploy/nginx/backstory.conf). The same\ninput gives the same bytes.\n\nFlags:")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return usageCode(err)
	}
	if *out == "" || fset.NArg() > 0 {
		fset.Usage()
		return ExitUsage
	}
	if err := site.check(); err != nil {
		fmt.Fprintf(env.Stderr, "backstory export: %v\n", err)
		return ExitUsage
	}
	if *site.baseURL == "" {
		*site.baseURL = defaultExportBaseURL
		fmt.Fprintf(env.Stderr, "backstory export: no -base-url: links, sharing and embeds will point to %s\n", defaultExportBaseURL)
	}
	start := time.Now()
	store, err := site.loadArticles(env.Stderr)
	if err != nil {
		fmt.Fprintf(env.Stderr, "backstory export: %v\n", err)
		return ExitProblems
	}
	cfg := site.config(store)
	var missing []string
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := server.New(cfg)
	if err == nil {
		missing = srv.MissingFiles()
		if len(missing) > 0 {
			err = fmt.Errorf("%s is missing: build it first with make wasm, or point -web at it", missing[0])
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "backstory export: %v\n", err)
		return ExitProblems
	}
	bar := newProgress(env, env.Stderr, "URLs")
	sum, err := export.Write(srv, *out, export.Options{Progress: bar.update})
	bar.finish()
	if err != nil {
		fmt.Fprintf(env.Stderr, "backstory export: %v\n", err)
		return ExitProblems
	}
	took := time.Since(start)
	fmt.Fprintf(env.Stdout, "exported %d articles to %s: %d URLs, %d files, %.1f MB in %.1f s (%.0f URLs/s)\n", store.Len(), *out, sum.Paths, sum.Files, float64(sum.Bytes)/1e6, took.Seconds(), float64(sum.Paths)/took.Seconds())
	return ExitOK
}
