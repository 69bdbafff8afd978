package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"backstory/content"
)

// events reads a Server-Sent Events stream's "state" events.
func events(t *testing.T, body io.Reader) <-chan devState {
	t.Helper()
	out := make(chan devState, 8)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var st devState
				if json.Unmarshal([]byte(data), &st) == nil {
					out <- st
				}
			}
		}
	}()
	return out
}

func next(t *testing.T, ch <-chan devState, what string) devState {
	t.Helper()
	select {
	case st, ok := <-ch:
		if !ok {
			t.Fatalf("waiting for %s: the stream ended", what)
		}
		return st
	case <-time.After(5 * time.Second):
		t.Fatalf("no event for %s in 5 s", what)
	}
	return devState{}
}

// TestDevEvents: with Dev, pages load dev.js and /_dev/events streams the
// release and the problems, at once and at each change, until shutdown.
func TestDevEvents(t *testing.T) {
	store := embeddedStore(t)
	srv, err := New(Config{Store: store, WebDir: t.TempDir(), BaseURL: "https://news.example", Dev: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	if _, page := get(t, ts, "/"); !strings.Contains(page, srv.site.Load().assets.url("dev.js")) {
		t.Error("a -dev page does not load dev.js")
	}
	res, err := http.Get(ts.URL + devEventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	stream := events(t, res.Body)
	if st := next(t, stream, "the first state"); st.Version != srv.Version() || len(st.Problems) != 0 {
		t.Errorf("first state %+v", st)
	}
	srv.SetProblems(content.Problems{{File: "articles/x.md", Line: 7, Col: 1, Message: "quote card needs by"}})
	if st := next(t, stream, "the problems"); len(st.Problems) != 1 || st.Problems[0] != "articles/x.md:7:1: quote card needs by" {
		t.Errorf("after SetProblems: %+v", st)
	}
	old := srv.Version()
	srv.Update(manyArticles(t, 3))
	if st := next(t, stream, "the new release"); st.Version == old || st.Version != srv.Version() {
		t.Errorf("after Update: version %s (was %s, now %s)", st.Version, old, srv.Version())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Close(ctx)
	for range stream { // ends when the server closes it
	}
}

// TestNoDevInProduction: without Dev there is no event stream and no
// dev.js in pages.
func TestNoDevInProduction(t *testing.T) {
	srv, ts := fullServer(t, io.Discard)
	if res, _ := get(t, ts, devEventsPath); res.StatusCode != http.StatusNotFound {
		t.Errorf("%s: %d, want 404", devEventsPath, res.StatusCode)
	}
	if _, page := get(t, ts, "/articles/how-to-write"); strings.Contains(page, srv.site.Load().assets.url("dev.js")) {
		t.Error("a production page loads dev.js")
	}
	for _, u := range srv.site.Load().workerConfig(10).Static {
		if strings.Contains(u, "/dev.") {
			t.Errorf("the service worker saves %s", u)
		}
	}
}
