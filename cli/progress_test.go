package cli

import (
	"bytes"
	"os"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{0, 4000, 0, "0 of 4000 URLs (0%)"},
		{1200, 4000, 2 * time.Second, "1200 of 4000 URLs (30%), 600/s, 5s left"},
		{4000, 4000, 4 * time.Second, "4000 of 4000 URLs (100%), 1000/s, 0s left"},
		{0, 0, time.Second, "0 of 0 URLs"},
	}
	for _, tt := range tests {
		if got := progressLine("URLs", tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("progressLine(%d, %d, %v) = %q, want %q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

// TestProgressOnlyOnATerminal: no progress line into a buffer, a file or
// CI's log; on a terminal, a line redrawn at most every 100 ms and taken
// away at the end.
func TestProgressOnlyOnATerminal(t *testing.T) {
	env := Env{Getenv: func(string) string { return "" }}
	if p := newProgress(env, &bytes.Buffer{}, "URLs"); p != nil {
		t.Error("a progress line into a buffer")
	}
	f, err := os.Create(t.TempDir() + "/log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p := newProgress(env, f, "URLs"); p != nil {
		t.Error("a progress line into a file")
	}
	var nilBar *progress
	nilBar.update(1, 2) // a nil bar does nothing
	nilBar.finish()

	var out bytes.Buffer
	now := time.Unix(0, 0)
	p := &progress{out: &out, what: "URLs", now: func() time.Time { return now }, start: now}
	for i := 1; i <= 10; i++ {
		now = now.Add(30 * time.Millisecond)
		p.update(i, 10)
	}
	p.finish()
	if got := bytes.Count(out.Bytes(), []byte("\r\x1b[K")); got != 4+1 {
		t.Errorf("%d redraws and clears, want 3 (every 100 ms) + the last + the clearing:\n%q", got, out.String())
	}
	if !bytes.Contains(out.Bytes(), []byte("10 of 10 URLs (100%)")) {
		t.Errorf("the last state is not shown: %q", out.String())
	}
}
