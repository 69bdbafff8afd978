//go:build wasm

// The browser's entry point: the UI and nothing else, so that the wasm
// carries no server code, no Markdown parser and no command line.
package main

import (
	ui "backstory/app"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Register()
	app.RunWhenOnBrowser()
}
