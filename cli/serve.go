package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"backstory/content"
	"backstory/content/articles"
	"backstory/content/markdown"
	"backstory/internal/bufferedlog"
	"backstory/server"
)

// logFlushInterval is the longest a log line waits in memory.
const logFlushInterval = 100 * time.Millisecond

func runServe(ctx context.Context, env Env, args []string) int {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	addr := fset.String("addr", envOr(env, "BACKSTORY_ADDR", ":8080"), "address to listen on (env BACKSTORY_ADDR)")
	baseURL := fset.String("base-url", envOr(env, "BACKSTORY_BASE_URL", ""), "the site's public URL, for canonical links (env BACKSTORY_BASE_URL; default http://localhost:PORT)")
	webDir := fset.String("web", envOr(env, "BACKSTORY_WEB", "web"), "directory holding the built app.wasm and wasm_exec.js (env BACKSTORY_WEB)")
	embedOrigins := fset.String("embed-origins", envOr(env, "BACKSTORY_EMBED_ORIGINS", "*"), "origins whose pages may frame embeds, space-separated, as in \"https://a.example https://b.example\" (env BACKSTORY_EMBED_ORIGINS)")
	logFormat := fset.String("log-format", envOr(env, "BACKSTORY_LOG_FORMAT", "text"), "log format: text or json (env BACKSTORY_LOG_FORMAT)")
	grace := fset.Duration("grace", envDuration(env, "BACKSTORY_GRACE", 10*time.Second), "on SIGTERM or SIGINT, how long requests in flight may take to finish (env BACKSTORY_GRACE)")
	precache := fset.Int("precache", envInt(env, "BACKSTORY_PRECACHE", server.DefaultPrecache), "how many of the newest articles readers' browsers save for offline reading (env BACKSTORY_PRECACHE)")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: backstory serve [flags]\n\nServes the embedded articles as a website: every page prerendered, the\narticle data as JSON under /api/articles, and the WebAssembly UI.\n\nFlags:")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return usageCode(err)
	}
	// One write to stderr for many requests, not one each; lines reach it
	// within logFlushInterval.
	logOut := bufferedlog.New(env.Stderr, logFlushInterval, 64<<10)
	defer logOut.Close()
	var log *slog.Logger
	switch *logFormat {
	case "text":
		log = slog.New(slog.NewTextHandler(logOut, nil))
	case "json":
		log = slog.New(slog.NewJSONHandler(logOut, nil))
	default:
		fmt.Fprintf(env.Stderr, "backstory serve: -log-format must be text or json, not %q\n", *logFormat)
		return ExitUsage
	}
	store, err := markdown.NewParser().LoadDir(articles.FS, articles.Dir)
	if err != nil {
		if ps, ok := errors.AsType[content.Problems](err); ok {
			fmt.Fprintln(env.Stderr, ps.Error())
		}
		fmt.Fprintf(env.Stderr, "backstory serve: the articles have problems: %v\n", firstLine(err))
		return ExitProblems
	}
	if *precache < 0 {
		fmt.Fprintln(env.Stderr, "backstory serve: -precache must be 0 or more")
		return ExitUsage
	}
	if *precache == 0 {
		*precache = -1 // the server's "none"
	}
	srv, err := server.New(server.Config{Addr: *addr, BaseURL: *baseURL, Store: store, WebDir: *webDir, Logger: log, Precache: *precache, EmbedOrigins: *embedOrigins})
	if err != nil {
		fmt.Fprintf(env.Stderr, "backstory serve: %v\n", err)
		return ExitProblems
	}
	if err := srv.Open(); err != nil {
		fmt.Fprintf(env.Stderr, "backstory serve: %v\n", err)
		return ExitProblems
	}
	log.Info("serving", "url", srv.URL(), "articles", store.Len())
	<-ctx.Done()
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := srv.Close(shutdown); err != nil {
		fmt.Fprintf(env.Stderr, "backstory serve: stopping: %v\n", err)
		return ExitProblems
	}
	return ExitOK
}

func envOr(env Env, key, def string) string {
	if env.Getenv != nil {
		if v := env.Getenv(key); v != "" {
			return v
		}
	}
	return def
}

// envInt reads an integer variable, or def if unset or not a number.
func envInt(env Env, key string, def int) int {
	if v := envOr(env, key, ""); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

// envDuration reads a duration variable ("10s"), or def if unset or not a
// duration.
func envDuration(env Env, key string, def time.Duration) time.Duration {
	if v := envOr(env, key, ""); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}

func firstLine(err error) string {
	s := err.Error()
	for i := range s {
		if s[i] == '\n' {
			return s[:i] + " …"
		}
	}
	return s
}
