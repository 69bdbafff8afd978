package server

import (
	"net/http"
	"strings"
)

// maxPathLen is the longest URL path the server reads; real paths are far
// shorter.
const maxPathLen = 1024

// guardPaths answers 400 Bad Request to paths no page or file has and that
// only probes send: "." or ".." segments (encoded or not), empty segments
// ("//"), control characters and NUL, and overlong paths. Without it, the
// mux would redirect them to a cleaned path.
func guardPaths(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if badPath(r.URL.Path) || badPath(r.URL.EscapedPath()) {
			http.Error(w, "Bad request.", http.StatusBadRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func badPath(p string) bool {
	if len(p) > maxPathLen || !strings.HasPrefix(p, "/") {
		return true
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 0x20 || p[i] == 0x7f {
			return true
		}
	}
	segments := strings.Split(p[1:], "/")
	for i, seg := range segments {
		switch seg {
		case ".", "..":
			return true
		case "":
			if i != len(segments)-1 { // only a trailing slash may be empty
				return true
			}
		}
	}
	return false
}
