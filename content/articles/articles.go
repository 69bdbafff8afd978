// Package articles holds the articles backstory serves when it is given no
// content directory: the *.md files of this folder, embedded in the binary.
package articles

import "embed"

// FS holds the embedded articles at its top level, and their shared
// cards in cards/.
//
//go:embed *.md cards/*.md
var FS embed.FS

// Dir is where the embedded articles live in the repository, for messages.
const Dir = "content/articles"
