package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	_ "embed"
	"html/template"
)

//go:embed shell.html
var shellHTML string

// shell is the document around every page: the head, the prerendered UI and
// the page's data. Parsed once.
var shell = template.Must(template.New("shell").Parse(shellHTML))

// shellData fills the shell.
type shellData struct {
	Lang, Dir     string
	Title         string
	Description   string
	Canonical     string
	OGType        string
	URL           string
	Image         string
	CSS           template.CSS
	WasmExecURL   string
	BootURL       string
	WasmURL       string
	Version       string
	IconURL       string
	Body          template.HTML
	Data          template.JS // JSON, HTML-escaped: no "<" can end the script
	JSONLD        template.JS
	DataElementID string
	Status        int
}

func renderShell(d shellData) ([]byte, error) {
	var buf bytes.Buffer
	if err := shell.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// styleHash is the CSP source that allows an inline <style> holding css.
func styleHash(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
