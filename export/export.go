// Package export writes a site as files that any static host serves: every
// page as path/index.html, the JSON, the embeds, the oEmbed answers, the
// service worker, the manifest and the assets, each compressible file with
// .br and .gz siblings, and the headers a host should add (_headers, and
// _nginx.conf for nginx).
//
// It asks the server's own handler for every path the server lists, so
// that each file is byte for byte what the server would send, and fails on
// any status but the one expected.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	ui "backstory/app"
	"backstory/server"
)

// marker is a file every export holds, so that a later export knows it
// may replace the directory.
const marker = ".backstory-export"

// Summary says what an export wrote.
type Summary struct {
	Paths int   // URL paths exported
	Files int   // files written, compressed siblings included
	Bytes int64 // their size
}

// file is one exported path as the server answered it.
type file struct {
	server.StaticPath
	header http.Header
	bodies map[string][]byte // by Content-Encoding: "", "br", "gzip"
}

// Options are an export's choices.
type Options struct {
	// Progress, if set, is told after each path how many of all the paths
	// are written. It is called from one goroutine at a time.
	Progress func(done, total int)
}

// Write exports what srv serves into dir, which it replaces: it writes
// into a new directory beside dir and renames it into place, so that dir is
// never half written. A dir that exists must be empty or an earlier export.
// Under a prefix (a base URL with a path), dir is the prefix's directory:
// its files are the site's paths without the prefix.
func Write(srv *server.Server, dir string, opts Options) (Summary, error) {
	if err := replaceable(dir); err != nil {
		return Summary{}, err
	}
	paths, err := srv.StaticPaths()
	if err != nil {
		return Summary{}, err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Summary{}, err
	}
	tmp, err := os.MkdirTemp(parent, ".export-*")
	if err != nil {
		return Summary{}, err
	}
	defer os.RemoveAll(tmp) // left only if something failed
	if err := os.Chmod(tmp, 0o755); err != nil {
		return Summary{}, err
	}
	prefix := srv.Prefix()
	files, sum, err := exportAll(srv.Handler(), prefix, paths, tmp, opts.Progress)
	if err != nil {
		return Summary{}, err
	}
	rules, err := headerRules(files)
	if err != nil {
		return Summary{}, err
	}
	for name, body := range map[string][]byte{"_headers": netlifyHeaders(prefix, rules), "_nginx.conf": nginxConf(prefix, rules), marker: []byte("written by backstory export\n")} {
		sum.Files++
		sum.Bytes += int64(len(body))
		if err := os.WriteFile(filepath.Join(tmp, name), body, 0o644); err != nil {
			return Summary{}, err
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return Summary{}, fmt.Errorf("removing the earlier export: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return Summary{}, err
	}
	return sum, nil
}

// replaceable checks that dir does not exist, is empty, or is an export.
func replaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return fmt.Errorf("export directory: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and not an earlier export (no %s)", dir, marker)
	}
	return nil
}

// exportAll asks h for every path, under prefix, in parallel, and writes
// what it answers under dir. It returns each path with its headers.
func exportAll(h http.Handler, prefix ui.Prefix, paths []server.StaticPath, dir string, progress func(done, total int)) ([]file, Summary, error) {
	files := make([]file, len(paths))
	errs := make([]error, len(paths))
	sums := make([]Summary, runtime.GOMAXPROCS(0))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex // over done and progress
	done := 0
	for w := range sums {
		wg.Go(func() {
			for i := range jobs {
				f, err := fetch(h, prefix, paths[i])
				if err == nil {
					err = writeFile(dir, f, &sums[w])
				}
				f.bodies = nil // written: keep only the headers
				files[i], errs[i] = f, err
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(paths))
					mu.Unlock()
				}
			}
		})
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	sum := Summary{Paths: len(paths)}
	for _, s := range sums {
		sum.Files += s.Files
		sum.Bytes += s.Bytes
	}
	return files, sum, firstErrors(errs, 10)
}

// firstErrors joins the first n errors of errs and counts the rest.
func firstErrors(errs []error, n int) error {
	var shown []error
	more := 0
	for _, err := range errs {
		switch {
		case err == nil:
		case len(shown) < n:
			shown = append(shown, err)
		default:
			more++
		}
	}
	if more > 0 {
		shown = append(shown, fmt.Errorf("and %d more", more))
	}
	return errors.Join(shown...)
}

// fetch gets p from h, under prefix, as the server would send it, in
// identity and, if the server compresses it, in brotli and gzip.
func fetch(h http.Handler, prefix ui.Prefix, p server.StaticPath) (file, error) {
	want := http.StatusOK
	if p.Route.Status != 0 {
		want = p.Route.Status
	}
	f := file{StaticPath: p, bodies: map[string][]byte{}}
	for _, enc := range []string{"", "br", "gzip"} {
		req, err := http.NewRequest(http.MethodGet, prefix.URL(p.Path), nil)
		if err != nil {
			return f, fmt.Errorf("exporting %s: %w", p.Path, err)
		}
		req.Header.Set("Accept-Encoding", enc)
		w := &recorder{header: http.Header{}}
		h.ServeHTTP(w, req)
		if w.status != want {
			return f, fmt.Errorf("exporting %s: the server answered %d, not %d", p.Path, w.status, want)
		}
		got := w.header.Get("Content-Encoding")
		if got != enc {
			if enc == "" {
				return f, fmt.Errorf("exporting %s: asked for no encoding, got %q", p.Path, got)
			}
			continue // not compressed: the identity file is all there is
		}
		if enc == "" {
			f.header = w.header
		}
		f.bodies[enc] = w.body.Bytes()
	}
	return f, nil
}

// recorder is the ResponseWriter fetch hands the server.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

// fileName is the file a path is served from, relative to the export:
// pages as path/index.html, so that their extensionless URLs work on any
// static host.
func fileName(p server.StaticPath) string {
	if p.Route.IsPage() {
		return strings.TrimPrefix(path.Join(p.Path, "index.html"), "/")
	}
	return strings.TrimPrefix(p.Path, "/")
}

// writeFile writes f under dir, with its compressed siblings.
func writeFile(dir string, f file, sum *Summary) error {
	name := filepath.Join(dir, filepath.FromSlash(fileName(f.StaticPath)))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	for enc, suffix := range map[string]string{"": "", "br": ".br", "gzip": ".gz"} {
		body, ok := f.bodies[enc]
		if !ok {
			continue
		}
		if err := os.WriteFile(name+suffix, body, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
		sum.Files++
		sum.Bytes += int64(len(body))
	}
	return nil
}
