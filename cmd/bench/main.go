// Command bench loads backstory's server and nginx, serving the same
// article page with the same compression, with wrk over loopback, and
// prints both figures and their ratio. Run it with make bench.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"backstory/internal/loadbench"
)

func main() {
	path := flag.String("path", "/articles/blinken-meets-xi", "the page to load")
	web := flag.String("web", "web", "directory holding the built wasm, as for backstory serve")
	connections := flag.Int("c", 64, "connections")
	threads := flag.Int("t", 2, "wrk threads")
	duration := flag.Duration("d", 10*time.Second, "how long each server is measured")
	runs := flag.Int("runs", 3, "measured runs of each server, alternating; the medians are reported")
	warmup := flag.Duration("warmup", 2*time.Second, "how long each server is loaded before it is measured")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the server, while it is measured, to this file")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts := loadbench.Options{
		Path:     *path,
		WebDir:   *web,
		Load:     loadbench.Load{Threads: *threads, Connections: *connections, Duration: *duration},
		Runs:     *runs,
		Warmup:   *warmup,
		Progress: os.Stderr,
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench: %v\n", err)
			os.Exit(1)
		}
		defer f.Close()
		opts.CPUProfile = f
	}
	rep, err := loadbench.Run(ctx, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
	rep.Print(os.Stdout)
	if rep.Backstory.Errors() > 0 || rep.Nginx.Errors() > 0 {
		os.Exit(1)
	}
}
