package loadbench

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"backstory/internal/nginx"
)

// TestRun runs make bench's benchmark briefly: both servers answer with
// the same bytes, wrk's figures come back, and the report prints them.
func TestRun(t *testing.T) {
	nginx.Need(t, "wrk")
	rep, err := Run(context.Background(), Options{
		Path:   "/articles/blinken-meets-xi",
		WebDir: t.TempDir(),
		Load:   Load{Threads: 1, Connections: 4, Duration: time.Second},
		Runs:   1,
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.PageBytes < 1000 || (rep.Encoding != "br" && rep.Encoding != "gzip") {
		t.Errorf("page: %d bytes as %q", rep.PageBytes, rep.Encoding)
	}
	if os.Getenv("CI") != "" && rep.Encoding != "br" {
		t.Errorf("nginx served %s: the brotli module CI installs was not loaded", rep.Encoding)
	}
	for name, r := range map[string]Result{"nginx": rep.Nginx, "backstory": rep.Backstory} {
		if r.RequestsPerS <= 0 || r.P99 <= 0 || r.Errors() != 0 {
			t.Errorf("%s: %+v", name, r)
		}
	}
	var out strings.Builder
	rep.Print(&out)
	for _, want := range []string{"nginx/", "backstory serve", "backstory/nginx:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestMedian(t *testing.T) {
	runs := []Result{
		{Requests: 10, RequestsPerS: 300, P50: 3, P99: 30, SocketErrors: 1},
		{Requests: 20, RequestsPerS: 100, P50: 1, P99: 90},
		{Requests: 30, RequestsPerS: 200, P50: 2, P99: 10, Non2xxOr3xx: 2},
	}
	want := Result{Requests: 60, RequestsPerS: 200, P50: 2, P99: 30, SocketErrors: 1, Non2xxOr3xx: 2}
	if got := median(runs); got != want {
		t.Errorf("median: got %+v, want %+v", got, want)
	}
	if got := median(runs[:2]); got.RequestsPerS != 200 || got.P99 != 60 {
		t.Errorf("median of two: %+v", got)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for url, ok := range map[string]bool{
		"http://127.0.0.1:8080/":   true,
		"http://127.0.0.2/":        true,
		"http://[::1]:8080/":       true,
		"http://localhost:8080/":   true,
		"http://10.0.0.1/":         false,
		"http://example.com/":      false,
		"http://127.0.0.1.nip.io/": false,
		"http://0.0.0.0:8080/":     false,
		"http://[::ffff:8.8.8.8]/": false,
	} {
		if err := loopbackOnly(url); (err == nil) != ok {
			t.Errorf("loopbackOnly(%q) = %v, want ok=%t", url, err, ok)
		}
	}
}
