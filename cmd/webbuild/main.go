// Command webbuild builds the WebAssembly UI and copies Go's wasm_exec.js
// into a web directory, with the wasm's brotli and gzip forms:
//
//	go run ./cmd/webbuild -out web
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"backstory/internal/webbuild"
)

func main() {
	out := flag.String("out", "web", "directory to write app.wasm and wasm_exec.js to")
	compress := flag.Bool("compress", true, "also write app.wasm.br (brotli 11) and app.wasm.gz")
	flag.Parse()
	ctx := context.Background()
	root, err := webbuild.ModuleRoot(ctx)
	if err == nil {
		err = webbuild.Build(ctx, root, *out, *compress)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webbuild:", err)
		os.Exit(1)
	}
}
