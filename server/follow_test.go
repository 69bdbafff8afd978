package server

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backstory/content/live"
	"backstory/internal/synthetic"
)

// TestFollow: a server following a directory serves a saved change within
// a second, keeps the last good version of a broken file while logging
// file:line:col: message, drops it once fixed, and serves added and
// deleted files as such.
func TestFollow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "live.md")
	write := func(name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("live.md", synthetic.LiveArticle("First title", false))
	d, err := live.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var log logBuffer
	srv, err := New(Config{Store: d.Store(), WebDir: t.TempDir(), BaseURL: "https://news.example", Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := newHTTPTest(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	followed := make(chan error, 1)
	go func() { followed <- srv.Follow(ctx, d) }()
	defer func() {
		cancel()
		if err := <-followed; err != nil {
			t.Errorf("Follow: %v", err)
		}
	}()

	// within waits up to a second for path to answer status with want in
	// its body, and says how long it took.
	within := func(what, path string, status int, want string) {
		t.Helper()
		start := time.Now()
		for {
			res, body := get(t, ts, path)
			if res.StatusCode == status && strings.Contains(body, want) {
				t.Logf("%s: served after %v", what, time.Since(start).Round(time.Millisecond))
				return
			}
			if time.Since(start) > time.Second {
				t.Fatalf("%s: not served within 1 s (status %d)", what, res.StatusCode)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	within("the first version", "/articles/live", http.StatusOK, "First title")

	write("live.md", synthetic.LiveArticle("Second title", false))
	within("an edit", "/articles/live", http.StatusOK, "Second title")

	write("live.md", synthetic.LiveArticle("Broken title", true))
	for deadline := time.Now().Add(time.Second); !strings.Contains(log.String(), path+":9:1: quote card needs by="); {
		if time.Now().After(deadline) {
			t.Fatalf("the problem was not logged as file:line:col within 1 s:\n%s", log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, body := get(t, ts, "/articles/live"); !strings.Contains(body, "Second title") {
		t.Error("a broken edit took the last good version down")
	}
	if ps := srv.devState().Problems; len(ps) != 1 || !strings.HasPrefix(ps[0], path+":9:1:") {
		t.Errorf("problems for editors: %q", ps)
	}

	write("live.md", synthetic.LiveArticle("Fixed title", false))
	within("the fix", "/articles/live", http.StatusOK, "Fixed title")
	if ps := srv.devState().Problems; len(ps) != 0 {
		t.Errorf("after the fix, problems %q", ps)
	}

	write("added.md", strings.Replace(synthetic.LiveArticle("Added article", false), "slug: live", "slug: added", 1))
	within("an added file, in the index", "/", http.StatusOK, "Added article")
	within("an added file, its page", "/articles/added", http.StatusOK, "Added article")

	if err := os.Remove(filepath.Join(dir, "added.md")); err != nil {
		t.Fatal(err)
	}
	within("a deleted file", "/articles/added", http.StatusNotFound, "")
	if _, body := get(t, ts, "/"); strings.Contains(body, "Added article") {
		t.Error("the index still lists a deleted article")
	}
}
