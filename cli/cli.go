// Package cli is the backstory command line: it parses a subcommand and its
// flags, calls into the packages that do the work, and returns an exit code.
package cli

import (
	"context"
	"fmt"
	"io"
	"time"
)

// Exit codes.
const (
	ExitOK       = 0 // success
	ExitProblems = 1 // the command ran and found problems, or failed
	ExitUsage    = 2 // the command line was wrong
)

// Env is what a command may use of the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	// Now returns the current time (for dates in new articles).
	Now func() time.Time
	// Getenv reads an environment variable (for flag defaults).
	Getenv func(string) string
}

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, env Env, args []string) int
}

func commands() []command {
	return []command{
		{"check", "[DIR|FILE…]", "parse articles and report every problem (default: the embedded articles)", runCheck},
		{"new", "\"Title\"", "write content/articles/<slug>.md with front matter and an example of each card", runNew},
		{"serve", "[flags]", "serve the site on http://localhost:8080", runServe},
		{"export", "-out DIR", "write the whole site as files for any static host or CDN", runExport},
	}
}

// Run runs the command line args (without the program name) and returns the
// exit code.
func Run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env.Stdout)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "backstory: unknown command %q\n\n", args[0])
	usage(env.Stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "backstory turns Markdown news articles into interactive articles with background and quote cards.")
	fmt.Fprintln(w, "\nUsage:\n  backstory <command> [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-6s %-12s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"backstory <command> -h\" for a command's flags.")
}
