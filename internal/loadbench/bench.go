// Package loadbench measures backstory's server against nginx serving the
// same page as a static file with the same compression, both loaded with
// wrk over loopback.
package loadbench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"backstory/content/articles"
	"backstory/content/markdown"
	"backstory/internal/bufferedlog"
	"backstory/server"
)

// Options configure a benchmark.
type Options struct {
	// Path is the page both servers serve, as in /articles/blinken-meets-xi.
	Path string
	// WebDir holds the built wasm, as for backstory serve.
	WebDir string
	// Load is wrk's load for each measured run; Runs is how many runs
	// each server gets; Warmup is how long each server is loaded before
	// the first.
	Load   Load
	Runs   int
	Warmup time.Duration
	// Progress receives a line as each step starts; nil for none.
	Progress io.Writer
	// CPUProfile, if set, receives a CPU profile of this process, the
	// server's, while backstory is measured.
	CPUProfile io.Writer
}

// Report is what a benchmark measured.
type Report struct {
	Path         string
	Encoding     string // the Content-Encoding both served
	PageBytes    int    // the page's size in that encoding
	Load         Load
	NginxVersion string // as nginx -v says it: "nginx/1.22.1"
	// NginxRuns and BackstoryRuns are each run's figures; Nginx and
	// Backstory their medians.
	NginxRuns, BackstoryRuns []Result
	Nginx, Backstory         Result
}

// median is the median of runs' requests per second and latencies, and
// the sum of their errors.
func median(runs []Result) Result {
	mid := func(get func(Result) float64) float64 {
		v := make([]float64, len(runs))
		for i, r := range runs {
			v[i] = get(r)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	var m Result
	for _, r := range runs {
		m.Requests += r.Requests
		m.SocketErrors += r.SocketErrors
		m.Non2xxOr3xx += r.Non2xxOr3xx
	}
	m.RequestsPerS = mid(func(r Result) float64 { return r.RequestsPerS })
	m.P50 = time.Duration(mid(func(r Result) float64 { return float64(r.P50) }))
	m.P99 = time.Duration(mid(func(r Result) float64 { return float64(r.P99) }))
	return m
}

// Ratio is backstory's requests per second over nginx's.
func (r Report) Ratio() float64 { return r.Backstory.RequestsPerS / r.Nginx.RequestsPerS }

// Run serves the embedded articles with backstory and the page at
// opts.Path, saved from it, with nginx, then loads each with wrk.
func Run(ctx context.Context, opts Options) (Report, error) {
	rep := Report{Path: opts.Path, Load: opts.Load}
	say := func(format string, args ...any) {
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, format+"\n", args...)
		}
	}
	tmp, err := os.MkdirTemp("", "backstory-bench-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(tmp)

	say("starting backstory on loopback")
	srv, stopBackstory, err := startBackstory(tmp, opts.WebDir)
	if err != nil {
		return rep, err
	}
	defer stopBackstory()
	backstoryURL := srv.URL() + opts.Path

	say("saving %s as static files, as make would for nginx", opts.Path)
	docs := filepath.Join(tmp, "docs")
	headers, err := savePage(backstoryURL, filepath.Join(docs, filepath.FromSlash(strings.TrimPrefix(opts.Path, "/")), "index.html"))
	if err != nil {
		return rep, err
	}
	state := filepath.Join(tmp, "nginx")
	if err := os.MkdirAll(state, 0o755); err != nil {
		return rep, err
	}
	say("starting nginx on loopback")
	ngx, err := StartNginx(NginxConfig{Docs: docs, State: state, CSP: headers.Get("Content-Security-Policy"), PermissionsPolicy: headers.Get("Permissions-Policy")})
	if err != nil {
		return rep, err
	}
	defer ngx.Stop()
	rep.NginxVersion = nginxVersion()
	nginxURL := ngx.URL + opts.Path

	rep.Encoding = "gzip"
	if ngx.Brotli {
		rep.Encoding = "br"
	}
	opts.Load.AcceptEncoding = rep.Encoding
	size, err := sameBody(nginxURL, backstoryURL, rep.Encoding)
	if err != nil {
		return rep, err
	}
	rep.PageBytes = size

	servers := []struct {
		name, url string
		runs      *[]Result
	}{{"nginx", nginxURL, &rep.NginxRuns}, {"backstory", backstoryURL, &rep.BackstoryRuns}}
	if opts.Warmup > 0 {
		for _, s := range servers {
			say("warming %s up for %v", s.name, opts.Warmup)
			warm := opts.Load
			warm.Duration = opts.Warmup
			if _, err := Wrk(ctx, s.url, warm); err != nil {
				return rep, err
			}
		}
	}
	for run := range max(opts.Runs, 1) {
		// Alternate which goes first, so that neither always gets a
		// cooler machine.
		order := []int{0, 1}
		if run%2 == 1 {
			order = []int{1, 0}
		}
		for _, k := range order {
			s := servers[k]
			say("run %d: loading %s: %d connections, %d threads, %v", run+1, s.name, opts.Load.Connections, opts.Load.Threads, opts.Load.Duration)
			profiling := s.name == "backstory" && run == 0 && opts.CPUProfile != nil
			if profiling {
				if err := pprof.StartCPUProfile(opts.CPUProfile); err != nil {
					return rep, err
				}
			}
			res, err := Wrk(ctx, s.url, opts.Load)
			if profiling {
				pprof.StopCPUProfile()
			}
			if err != nil {
				return rep, err
			}
			*s.runs = append(*s.runs, res)
		}
	}
	rep.Nginx, rep.Backstory = median(rep.NginxRuns), median(rep.BackstoryRuns)
	return rep, nil
}

// startBackstory serves the embedded articles on a loopback port, logging
// each request to a file as it would to a journal. stop stops it.
func startBackstory(tmp, webDir string) (srv *server.Server, stop func(), err error) {
	store, err := markdown.NewParser().LoadDir(articles.FS, articles.Dir)
	if err != nil {
		return nil, nil, fmt.Errorf("loading the embedded articles: %w", err)
	}
	logFile, err := os.Create(filepath.Join(tmp, "backstory.log"))
	if err != nil {
		return nil, nil, err
	}
	// Logs are written as backstory serve writes them, batched.
	logOut := bufferedlog.New(logFile, 100*time.Millisecond, 64<<10)
	stop = func() {
		if srv != nil {
			srv.Close(context.Background())
		}
		logOut.Close()
		logFile.Close()
	}
	srv, err = server.New(server.Config{Addr: "127.0.0.1:0", Store: store, WebDir: webDir, Logger: slog.New(slog.NewTextHandler(logOut, nil))})
	if err == nil {
		err = srv.Open()
	}
	if err != nil {
		srv = nil
		stop()
		return nil, nil, err
	}
	return srv, stop, nil
}

// savePage saves the page at pageURL to path, with path.br and path.gz
// beside it, and returns the page's headers.
func savePage(pageURL, path string) (http.Header, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	var headers http.Header
	for _, f := range []struct{ encoding, suffix string }{{"", ""}, {"br", ".br"}, {"gzip", ".gz"}} {
		res, body, err := fetch(pageURL, f.encoding)
		if err != nil {
			return nil, err
		}
		if got := res.Header.Get("Content-Encoding"); got != f.encoding {
			return nil, fmt.Errorf("%s with Accept-Encoding %q came as %q", pageURL, f.encoding, got)
		}
		if err := os.WriteFile(path+f.suffix, body, 0o644); err != nil {
			return nil, err
		}
		headers = res.Header
	}
	return headers, nil
}

// sameBody checks that both URLs answer 200 with the same bytes in the
// encoding, and returns their size.
func sameBody(a, b, encoding string) (int, error) {
	var bodies [2][]byte
	for i, u := range []string{a, b} {
		res, body, err := fetch(u, encoding)
		if err != nil {
			return 0, err
		}
		if got := res.Header.Get("Content-Encoding"); got != encoding {
			return 0, fmt.Errorf("%s came as %q, not %q", u, got, encoding)
		}
		bodies[i] = body
	}
	if string(bodies[0]) != string(bodies[1]) {
		return 0, fmt.Errorf("%s and %s serve different bytes (%d and %d)", a, b, len(bodies[0]), len(bodies[1]))
	}
	return len(bodies[0]), nil
}

// fetch gets u as it is sent, without decompressing it.
func fetch(u, acceptEncoding string) (*http.Response, []byte, error) {
	if err := loopbackOnly(u); err != nil {
		return nil, nil, err
	}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, nil, err
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 10 * time.Second}
	res, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", u, err)
	}
	if res.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("%s: %s", u, res.Status)
	}
	return res, body, nil
}

// loopbackOnly refuses a URL whose host is not a loopback address: load
// is only ever aimed at this machine.
func loopbackOnly(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return errors.New("refusing to load " + raw + ": not a loopback address")
}
