// Package sitetest runs backstory for tests: it builds the WebAssembly UI
// once per test binary (the go build cache keeps it quick), and starts the
// real server on a random loopback port.
package sitetest

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"
	"backstory/internal/synthetic"
	"backstory/internal/webbuild"
	"backstory/server"
)

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// WebDir builds app.wasm and copies Go's wasm_exec.js into a directory that
// lasts as long as the test binary, once, and returns it.
func WebDir(tb testing.TB) string {
	tb.Helper()
	buildOnce.Do(func() { buildDir, buildErr = build() })
	if buildErr != nil {
		tb.Fatalf("building the wasm: %v", buildErr)
	}
	return buildDir
}

func build() (string, error) {
	dir, err := os.MkdirTemp("", "backstory-web-*")
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	root, err := webbuild.ModuleRoot(ctx)
	if err != nil {
		return "", err
	}
	// Uncompressed: the server gzips the wasm quickly at start-up, and
	// brotli 11 under the race detector would take minutes.
	return dir, webbuild.Build(ctx, root, dir, false)
}

// Articles loads the embedded articles.
func Articles(tb testing.TB) *content.Store {
	tb.Helper()
	store, err := markdown.NewParser().LoadDir(articles.FS, articles.Dir)
	if err != nil {
		tb.Fatalf("loading the articles: %v", err)
	}
	return store
}

// ArticlesAndMore loads the embedded articles and n synthetic ones, for a
// site whose index has more than one page.
func ArticlesAndMore(tb testing.TB, n int) *content.Store {
	tb.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(articles.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(articles.FS, p)
		fsys[p] = &fstest.MapFile{Data: body, Mode: 0o644}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		name, src := synthetic.Article(i)
		fsys[name] = &fstest.MapFile{Data: src, Mode: 0o644}
	}
	store, err := markdown.NewParser().LoadDir(fsys, "articles")
	if err != nil {
		tb.Fatalf("loading the articles: %v", err)
	}
	return store
}

// Serve starts the server on 127.0.0.1 with the embedded articles and the
// built wasm, stopped when tb ends, and returns it.
func Serve(tb testing.TB, opts ...func(*server.Config)) *server.Server {
	tb.Helper()
	cfg := server.Config{
		Addr:   "127.0.0.1:0",
		Store:  Articles(tb),
		WebDir: WebDir(tb),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := server.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if err := srv.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Close(ctx)
	})
	return srv
}
