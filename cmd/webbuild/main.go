// Command webbuild builds the WebAssembly UI and copies Go's wasm_exec.js
// into a web directory: go run ./cmd/webbuild -out web.
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
	flag.Parse()
	ctx := context.Background()
	root, err := webbuild.ModuleRoot(ctx)
	if err == nil {
		err = webbuild.Build(ctx, root, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webbuild:", err)
		os.Exit(1)
	}
}
