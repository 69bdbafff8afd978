// Package articles holds the articles backstory serves when it is given no
// content directory: the *.md files of this folder, embedded in the binary,
// with the site's settings.
package articles

import "embed"

// FS holds the embedded articles at its top level, their shared cards in
// cards/, and the site's settings, site.yaml (a logo it names must be
// embedded too: add it to the pattern).
//
//go:embed *.md cards/*.md site.yaml
var FS embed.FS

// Dir is where the embedded articles live in the repository, for messages.
const Dir = "content/articles"
