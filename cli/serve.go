package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"backstory/content"
	"backstory/content/live"
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
	site := addSiteFlags(fset, env)
	logFormat := fset.String("log-format", envOr(env, "BACKSTORY_LOG_FORMAT", "text"), "log format: text or json (env BACKSTORY_LOG_FORMAT)")
	dev := fset.Bool("dev", envOr(env, "BACKSTORY_DEV", "") == "true", "for editors: pages show the articles' problems and reload when they change; never in production (env BACKSTORY_DEV=true)")
	grace := fset.Duration("grace", envDuration(env, "BACKSTORY_GRACE", 10*time.Second), "on SIGTERM or SIGINT, how long requests in flight may take to finish (env BACKSTORY_GRACE)")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: backstory serve [flags]\n\nServes the articles (the embedded ones, or those of -content) as a website:\nevery page prerendered, the article data as JSON under /api, and the\nWebAssembly UI. Every flag can be set by the environment variable named.\n\nFlags:")
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
	if err := site.check(); err != nil {
		fmt.Fprintf(env.Stderr, "backstory serve: %v\n", err)
		return ExitUsage
	}
	// With -content, the directory is followed as editors change it; its
	// problems are logged, never fatal. The embedded articles must be right.
	var dir *live.Dir
	var store *content.Store
	var err error
	if *site.contentDir != "" {
		if dir, err = live.Open(*site.contentDir, markdown.NewParser()); err == nil {
			store = dir.Store()
		}
	} else {
		store, err = site.loadArticles(env.Stderr)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "backstory serve: %v\n", err)
		return ExitProblems
	}
	cfg := site.config(store)
	cfg.Addr, cfg.Logger, cfg.Dev = *addr, log, *dev
	srv, err := server.New(cfg)
	if err != nil {
		fmt.Fprintf(env.Stderr, "backstory serve: %v\n", err)
		return ExitProblems
	}
	if err := srv.Open(); err != nil {
		fmt.Fprintf(env.Stderr, "backstory serve: %v\n", err)
		return ExitProblems
	}
	log.Info("serving", "url", srv.URL(), "articles", store.Len(), "dev", *dev)
	if dir != nil {
		// After Open, which settles the base URL the pages are made with.
		go func() {
			if err := srv.Follow(ctx, dir); err != nil {
				log.Error("no longer following the articles; serving the last ones", "err", err)
			}
		}()
	}
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
