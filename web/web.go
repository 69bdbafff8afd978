// Package web holds backstory's static assets (stylesheet, scripts, icons),
// embedded in the binary. The WebAssembly UI and Go's wasm_exec.js are
// built files: the server reads them from disk (see server.Config.WebDir).
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

// Static returns the static assets, the files of web/static, at its top
// level.
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // "static" is a valid path: this cannot happen
	}
	return sub
}
