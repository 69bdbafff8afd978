// Package app is backstory's user interface: go-app components, compiled to
// WebAssembly for the browser and rendered to HTML by the server.
//
// The server renders every page first, with the data the page needs
// shipped inside it (see PageData); the wasm's first render builds the same
// DOM from the same data, then takes over: card references, deep links,
// expand and collapse all, sharing quotes, the theme toggle.
//
// This package holds no server code, no file system and no Markdown: it
// renders the model of package content.
package app
