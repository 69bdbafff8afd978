//go:build !wasm

// Command backstory checks, serves and exports interactive news articles
// written in Markdown. Run "backstory help" for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"backstory/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now, Getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}
