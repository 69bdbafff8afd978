// Package content is the article model of backstory: plain structs that the
// Markdown adapter (package content/markdown) produces, the server serves as
// JSON, and the WebAssembly UI renders.
//
// It imports nothing beyond the standard library, because the wasm imports it
// and must stay small.
package content
