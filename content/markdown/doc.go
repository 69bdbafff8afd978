// Package markdown turns backstory's Markdown into the article model: YAML
// front matter, CommonMark with GFM tables, strikethrough and autolinks, and
// cards written as generic-directive containers:
//
//	:::background[The One China principle]{#one-china}
//	Markdown body.
//	:::
//
// It is the goldmark adapter of package content; only the server and the
// command line import it, never the WebAssembly UI.
package markdown
