package server

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
)

//go:embed shell.html
var shellHTML string

// shell is the document around every page: the head, the prerendered UI and
// the page's data. Parsed once.
var shell = template.Must(template.New("shell").Parse(shellHTML))

// shellData fills the shell.
type shellData struct {
	Embed     bool   // an embed page: transparent, framed elsewhere
	Theme     string // "light", "dark" or "" (the reader's)
	OEmbedURL string
	Lang, Dir string
	SiteName  string
	// ThemeLight and ThemeDark are the colours browsers paint around the
	// page, by the reader's colour scheme.
	ThemeLight, ThemeDark string
	Title                 string
	Description           string
	Canonical             string
	// Alternates are the page's versions in each language, itself among
	// them.
	Alternates    []alternate
	OGType        string
	URL           string
	Image         string
	CSS           template.CSS
	Loader        template.JS
	IconURL       template.URL
	AppleIconURL  string
	ManifestURL   string
	Body          template.HTML
	Data          template.JS // JSON, HTML-escaped: no "<" can end the script
	JSONLD        template.JS
	DataElementID string
	Status        int
}

// alternate is a version of a page in a language.
type alternate struct{ Lang, URL string }

func renderShell(d shellData) ([]byte, error) {
	var buf bytes.Buffer
	if err := shell.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// cspHash is the CSP source that allows an inline <style> or <script>
// holding exactly text.
func cspHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
