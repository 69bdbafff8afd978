package server

import (
	"context"
	"fmt"

	"backstory/content"
	"backstory/content/live"
)

// Follow serves dir's articles as they change, until ctx is done: each
// change is served within a second, a file that breaks keeps its last good
// version, and the problems go to the log, each as file:line:col: message,
// and, with Dev, to editors' pages. It returns an error if watching fails;
// the server goes on serving the last articles it had.
func (s *Server) Follow(ctx context.Context, dir *live.Dir) error {
	store, problems := dir.Store(), dir.Problems()
	revision := s.site.Load().store.Revision()
	if store.Revision() != revision { // changed since the server was made
		revision = store.Revision()
		s.Update(store)
	}
	s.logProblems(problems)
	s.SetProblems(problems)
	err := dir.Watch(ctx, func(store *content.Store, problems content.Problems) {
		if store.Revision() != revision {
			revision = store.Revision()
			s.Update(store)
			s.log.Info("articles changed", "articles", store.Len(), "release", s.Version())
		}
		s.logProblems(problems)
		s.SetProblems(problems)
	})
	if err != nil {
		return fmt.Errorf("following the articles: %w", err)
	}
	return nil
}

// logProblems logs each problem as file:line:col: message.
func (s *Server) logProblems(problems content.Problems) {
	for _, p := range problems {
		s.log.Error(p.Error(), "served", "the file's last good version, if it had one")
	}
}
