// Command scale measures backstory with many synthetic articles: the real
// binary serving them (time to serve, memory, requests) and their static
// export. Run it with make scale.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"

	"backstory/internal/scalebench"
)

func main() {
	counts := flag.String("n", "1000,10000", "how many articles, comma-separated runs")
	web := flag.String("web", "web", "directory holding the built wasm, for the export")
	export := flag.Bool("export", true, "time the static export too")
	cards := flag.Int("cards", 0, "how many shared cards the articles place (0: none); make scale uses 2000")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tmp, err := os.MkdirTemp("", "backstory-scale-bin-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "backstory")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fail(fmt.Errorf("building backstory: %v\n%s", err, out))
	}
	var results []scalebench.Result
	for _, s := range strings.Split(*counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fail(fmt.Errorf("-n: %q is not a count of articles", s))
		}
		r, err := scalebench.Run(ctx, scalebench.Options{Binary: bin, WebDir: *web, Articles: n, SharedCards: *cards, Export: *export, Progress: os.Stderr})
		if err != nil {
			fail(err)
		}
		results = append(results, r)
	}
	scalebench.Print(os.Stdout, results)
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "scale: %v\n", err)
	os.Exit(1)
}
