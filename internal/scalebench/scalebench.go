// Package scalebench measures backstory with many articles, as a
// publisher would run it: the real binary serving a directory of synthetic
// articles (time to serve, memory, the time of the index, an article and
// the service worker), and the static export of the same directory.
package scalebench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	ui "backstory/app"
	"backstory/content/markdown"
	"backstory/internal/synthetic"
)

// Options configure a run.
type Options struct {
	Binary   string // the backstory binary
	WebDir   string // the built wasm, for the export
	Articles int
	// SharedCards is how many shared cards the articles place (see
	// synthetic.FSWithCards); 0 for none.
	SharedCards int
	Export      bool // whether to time the export too
	// Progress receives a line as each step starts; nil for none.
	Progress io.Writer
}

// Result is what one run measured.
type Result struct {
	Articles int
	// Load is the time from starting backstory serve -content to its
	// "serving" line; RSS and PeakRSS are its resident memory then and its
	// peak by the end of the requests, in bytes.
	Load          time.Duration
	RSS, PeakRSS  int64
	IndexPages    int
	Requests      []Timing // each request, first (made) and second (kept)
	PrecachePages int      // the pages the service worker saves at install
	Export        time.Duration
	ExportFiles   int
	ExportBytes   int64
	// With shared cards: the articles that place the most used card, and
	// the time from saving a change to it until an article that places it
	// (the last one) and its page serve the change.
	SharedCards, MostUsed int
	CardEdit              time.Duration
}

// Timing is a request's time when made and when kept.
type Timing struct {
	Path          string
	First, Second time.Duration
	Bytes         int
}

// Run generates the articles into a temporary directory, serves them,
// requests a few pages and, with opts.Export, exports them.
func Run(ctx context.Context, opts Options) (Result, error) {
	res := Result{Articles: opts.Articles, IndexPages: ui.IndexPages(opts.Articles)}
	say := func(format string, args ...any) {
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, format+"\n", args...)
		}
	}
	tmp, err := os.MkdirTemp("", "backstory-scale-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	articles := filepath.Join(tmp, "articles")
	say("writing %d synthetic articles, %d shared cards", opts.Articles, opts.SharedCards)
	res.SharedCards = opts.SharedCards
	write := func() error { return synthetic.WriteDir(articles, opts.Articles) }
	if opts.SharedCards > 0 {
		write = func() error { return synthetic.WriteDirWithCards(articles, opts.Articles, opts.SharedCards) }
	}
	if err := write(); err != nil {
		return res, err
	}

	say("serving them")
	srv, err := startServe(ctx, opts.Binary, articles, opts.WebDir)
	if err != nil {
		return res, err
	}
	defer srv.stop()
	res.Load, res.RSS = srv.ready, srv.rss()
	name, src := synthetic.Article(opts.Articles / 2)
	middle, err := markdown.Parse(name, src)
	if err != nil {
		return res, err
	}
	last := ui.IndexPath(res.IndexPages)
	paths := []string{"/", last, ui.APIIndexPath(res.IndexPages), ui.ArticlePath(middle.Slug), ui.APIArticlePath(middle.Slug), "/sw.js"}
	if opts.SharedCards > 0 {
		paths = append(paths, ui.CardPath(synthetic.SharedCardID(0)), ui.APICardPath(synthetic.SharedCardID(0)))
	}
	for _, p := range paths {
		t := Timing{Path: p}
		for i := range 2 {
			start := time.Now()
			body, err := get(srv.url + p)
			if err != nil {
				return res, err
			}
			if i == 0 {
				t.First, t.Bytes = time.Since(start), len(body)
			} else {
				t.Second = time.Since(start)
			}
			if p == "/sw.js" {
				res.PrecachePages, err = precachePages(body)
				if err != nil {
					return res, err
				}
			}
		}
		res.Requests = append(res.Requests, t)
	}
	if opts.SharedCards > 0 {
		say("editing the most used shared card")
		if res.MostUsed, res.CardEdit, err = editCard(srv.url, articles, opts); err != nil {
			return res, err
		}
	}
	res.PeakRSS = srv.peakRSS()
	srv.stop()

	if opts.Export {
		say("exporting them")
		out := filepath.Join(tmp, "site")
		start := time.Now()
		cmd := exec.CommandContext(ctx, opts.Binary, "export", "-content", articles, "-out", out, "-web", opts.WebDir, "-base-url", "https://news.example")
		if b, err := cmd.CombinedOutput(); err != nil {
			return res, fmt.Errorf("backstory export: %v\n%s", err, b)
		}
		res.Export = time.Since(start)
		err := filepath.WalkDir(out, func(_ string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			info, err := d.Info()
			res.ExportFiles++
			if err == nil {
				res.ExportBytes += info.Size()
			}
			return err
		})
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// precachePages counts the pages in the service worker's CONFIG.
func precachePages(sw []byte) (int, error) {
	line, _, _ := strings.Cut(string(sw), "\n")
	cfg, ok := strings.CutPrefix(line, "const CONFIG = ")
	if !ok {
		return 0, errors.New("sw.js does not start with its CONFIG")
	}
	var c struct{ Pages []string }
	if err := json.Unmarshal([]byte(strings.TrimSuffix(cfg, ";")), &c); err != nil {
		return 0, fmt.Errorf("sw.js CONFIG: %w", err)
	}
	return len(c.Pages), nil
}

func get(url string) ([]byte, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s: %s", url, res.Status)
	}
	return body, err
}

// served is a running backstory serve.
type served struct {
	cmd   *exec.Cmd
	url   string
	ready time.Duration
	done  chan struct{}
}

// startServe runs backstory serve -content dir on a free loopback port and
// waits for its "serving" line.
func startServe(ctx context.Context, bin, dir, web string) (*served, error) {
	cmd := exec.CommandContext(ctx, bin, "serve", "-content", dir, "-web", web, "-addr", "127.0.0.1:0", "-log-format", "json")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &served{cmd: cmd, done: make(chan struct{})}
	urls := make(chan string, 1)
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, URL string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				urls <- line.URL
			}
		}
		cmd.Wait()
	}()
	select {
	case s.url = <-urls:
		s.ready = time.Since(start)
		return s, nil
	case <-s.done:
		return nil, errors.New("backstory serve exited before serving")
	case <-time.After(2 * time.Minute):
		s.stop()
		return nil, errors.New("backstory serve did not serve within 2 minutes")
	}
}

// rss and peakRSS read the process's resident memory now and at its peak.
func (s *served) rss() int64     { return s.status("VmRSS") }
func (s *served) peakRSS() int64 { return s.status("VmHWM") }

func (s *served) status(field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func (s *served) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// editCard changes the most used shared card and times how long the server
// takes to show the change in the last article that places it and on the
// card's page. It returns how many articles place the card, and the time.
func editCard(url, dir string, opts Options) (int, time.Duration, error) {
	id := synthetic.SharedCardID(0)
	var users []int
	for i := range opts.Articles {
		if slices.Contains(synthetic.Placed(i, opts.SharedCards), 0) {
			users = append(users, i)
		}
	}
	name, src := synthetic.ArticlePlacing(users[len(users)-1], opts.SharedCards)
	a, err := markdown.Parse(name, src)
	if err != nil {
		return 0, 0, err
	}
	cardName, cardSrc := synthetic.SharedCard(0)
	const marker = "A correction made by the scale benchmark."
	start := time.Now()
	if err := os.WriteFile(filepath.Join(dir, cardName), []byte(strings.TrimRight(string(cardSrc), "\n")+" "+marker+"\n"), 0o644); err != nil {
		return 0, 0, err
	}
	for _, p := range []string{ui.ArticlePath(a.Slug), ui.CardPath(id)} {
		for {
			body, err := get(url + p)
			if err != nil {
				return 0, 0, err
			}
			if strings.Contains(string(body), marker) {
				break
			}
			if time.Since(start) > time.Minute {
				return 0, 0, fmt.Errorf("%s did not show the edited card within a minute", p)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	return len(users), time.Since(start), nil
}
