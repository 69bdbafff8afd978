package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	ui "backstory/app"
	"backstory/internal/precompress"
)

// asset is a static file the server serves under /web/.
type asset struct {
	name        string // file name, as in web/static
	contentType string
	body        precompress.Encoded
	hash        string // hex SHA-256 of the file
	res         *response
}

// versionedName is the asset's name with its content hash: app.css →
// app.3f9a1c2b7d.css. A changed file gets a new URL, so browsers may keep
// every URL forever.
func (a *asset) versionedName() string {
	ext := path.Ext(a.name)
	return strings.TrimSuffix(a.name, ext) + "." + a.hash[:10] + ext
}

// URL is the asset's site path, by its versioned name.
func (a *asset) URL() string {
	return ui.AssetPath(a.versionedName())
}

// assets are the files of web/static, and the wasm and wasm_exec.js built
// into the web directory.
type assets struct {
	byName map[string]*asset // by plain name: app.css
	byPath map[string]*asset // by versioned name: app.3f9a1c2b7d.css
}

// built are the files make puts in the web directory.
var built = []string{"app.wasm", "wasm_exec.js"}

// loadAssets reads the static files and the built files of webDir. A
// missing built file is not an error: pages are complete without the wasm.
// It returns the names of the built files it did not find.
func loadAssets(static fs.FS, webDir string) (*assets, []string, error) {
	a := &assets{byName: map[string]*asset{}, byPath: map[string]*asset{}}
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		enc := precompress.Encoded{Identity: body}
		if compressible(contentType(p)) {
			enc = precompress.Encode(body, precompress.Best)
		}
		a.add(p, enc)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading static assets: %w", err)
	}
	var missing []string
	for _, name := range built {
		body, err := os.ReadFile(filepath.Join(webDir, name))
		if errors.Is(err, fs.ErrNotExist) {
			missing = append(missing, filepath.Join(webDir, name))
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", name, err)
		}
		enc, err := builtEncodings(filepath.Join(webDir, name), body)
		if err != nil {
			return nil, nil, err
		}
		a.add(name, enc)
	}
	return a, missing, nil
}

// builtEncodings returns a built file with the compressed forms make wrote
// beside it (file.br, file.gz), checked against it: a form that does not
// decompress to the file is ignored. Without them, a small file is
// compressed now, a large one with gzip, quickly.
func builtEncodings(path string, body []byte) (precompress.Encoded, error) {
	enc := precompress.Encoded{Identity: body}
	br, err := os.ReadFile(path + ".br")
	if err == nil && precompress.Decodes(br, "br", body) {
		enc.Brotli = br
	}
	gz, err := os.ReadFile(path + ".gz")
	if err == nil && precompress.Decodes(gz, "gzip", body) {
		enc.Gzip = gz
	}
	switch {
	case enc.Brotli != nil || enc.Gzip != nil:
	case len(body) < 1<<20: // wasm_exec.js: quick to compress well
		enc = precompress.Encode(body, precompress.Best)
	default: // a wasm built without its .br and .gz: brotli would take long
		enc.Gzip = precompress.GzipFast(body)
	}
	return enc, nil
}

func (a *assets) add(name string, body precompress.Encoded) {
	sum := sha256.Sum256(body.Identity)
	x := &asset{name: name, contentType: contentType(name), body: body, hash: hex.EncodeToString(sum[:])}
	x.res = makeResponse(http.StatusOK, x.contentType, body, `"`+x.hash[:24]+`"`)
	a.byName[name] = x
	a.byPath[x.versionedName()] = x
}

// get returns an asset by plain name.
func (a *assets) get(name string) (*asset, bool) {
	x, ok := a.byName[name]
	return x, ok
}

// url is the versioned URL of an asset, or "" if there is none by that name.
func (a *assets) url(name string) string {
	if x, ok := a.byName[name]; ok {
		return x.URL()
	}
	return ""
}

// compressible reports whether content of the type is worth compressing:
// not images that are compressed already.
func compressible(contentType string) bool {
	switch contentType {
	case "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "font/woff2":
		return false
	}
	return true
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".webmanifest":
		return "application/manifest+json"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// response is the asset as a response; its validator is its hash.
func (a *asset) response() *response { return a.res }
