package loadbench

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParseWrk(t *testing.T) {
	tests := []struct {
		file string
		want Result
	}{
		{"wrk-ok.txt", Result{Requests: 100533, RequestsPerS: 33415.92, P50: 1920 * time.Microsecond, P99: 8020 * time.Microsecond, BytesPerS: "303.77MB"}},
		{"wrk-non2xx.txt", Result{Requests: 25224, RequestsPerS: 22941.55, P50: 143 * time.Microsecond, P99: 6010 * time.Microsecond, Non2xxOr3xx: 25224, BytesPerS: "349.75MB"}},
		{"wrk-errors.txt", Result{Requests: 24203, RequestsPerS: 2420.30, P50: 20100 * time.Microsecond, P99: 1200 * time.Millisecond, SocketErrors: 15, BytesPerS: "21.01MB"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseWrk(string(out))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseWrkRefusesAPartialReport(t *testing.T) {
	if _, err := parseWrk("Running 10s test @ http://127.0.0.1:1/\n  unable to connect to 127.0.0.1:1 Connection refused\n"); err == nil {
		t.Error("a report without figures parsed")
	}
}
