// Package live keeps a directory of Markdown articles parsed while people
// edit it, for backstory serve -content DIR.
//
// A Dir holds, for each *.md file at the top of the directory, the last
// version of it that parsed: while a file's current text is broken, readers
// keep getting its last good version and the problems are reported. Rescan
// brings it up to date at the cost of one stat per file (only files whose
// size, modification time or identity changed are read, and only files whose
// bytes changed are parsed); Watch rescans after each burst of changes that
// fsnotify reports. The site's settings, site.yaml at the top of the
// directory, and the logo they name are followed alike: the last good
// settings are kept while the file is broken, the defaults come back when
// it is removed, and a change of the site's language re-parses the
// articles.
//
// Like content/markdown, it is an adapter for the server and the command
// line; the WebAssembly UI never imports it.
package live
