// Package live keeps a directory of Markdown articles parsed while people
// edit it, for backstory serve -content DIR.
//
// A Dir holds, for each *.md file at the top of the directory, the last
// version of it that parsed: while a file's current text is broken, readers
// keep getting its last good version and the problems are reported. Rescan
// brings it up to date at the cost of one stat per file (only files whose
// size, modification time or identity changed are read, and only files whose
// bytes changed are parsed); Watch rescans after each burst of changes that
// fsnotify reports.
//
// Like content/markdown, it is an adapter for the server and the command
// line; the WebAssembly UI never imports it.
package live
