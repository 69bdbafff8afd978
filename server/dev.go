package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"backstory/content"
)

// devEventsPath streams the site's state to pages in -dev mode.
const devEventsPath = "/_dev/events"

// devState is what editors' pages learn in -dev mode: the release, which
// changes with the articles, and the problems in them.
type devState struct {
	Version  string   `json:"version"`
	Problems []string `json:"problems"`
}

// SetProblems records the problems in the articles, which -dev pages show
// in a banner, and tells the pages.
func (s *Server) SetProblems(ps content.Problems) {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Error()
	}
	s.problems.Store(&msgs)
	s.changed()
}

// changed wakes the -dev event streams.
func (s *Server) changed() {
	s.changeMu.Lock()
	close(s.change)
	s.change = make(chan struct{})
	s.changeMu.Unlock()
}

// nextChange returns a channel closed at the next change.
func (s *Server) nextChange() <-chan struct{} {
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	return s.change
}

func (s *Server) devState() devState {
	st := devState{Version: s.Version(), Problems: []string{}}
	if ps := s.problems.Load(); ps != nil {
		st.Problems = *ps
	}
	return st
}

// serveDevEvents streams the site's state as Server-Sent Events: once at
// once, then at each change, with a comment every 15 s to keep proxies
// from closing the stream. It ends when the client goes or the server
// shuts down.
func (s *Server) serveDevEvents(w http.ResponseWriter, r *http.Request) error {
	rc := http.NewResponseController(w)
	if err := rc.SetWriteDeadline(time.Time{}); err != nil { // the stream outlives WriteTimeout
		return fmt.Errorf("dev events: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		change := s.nextChange()
		state, err := json.Marshal(s.devState())
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", state); err != nil {
			return nil // the client went
		}
		if err := rc.Flush(); err != nil {
			return nil
		}
		for waiting := true; waiting; {
			select {
			case <-change:
				waiting = false
			case <-ping.C:
				if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
					return nil
				}
			case <-r.Context().Done():
				return nil
			case <-s.closing:
				return nil
			}
		}
	}
}
