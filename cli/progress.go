package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// progressEvery is how often a progress line is redrawn at most.
const progressEvery = 100 * time.Millisecond

// progress draws a long task's progress as one line on a terminal,
// redrawn in place: how many of how many, the rate and the time left.
type progress struct {
	out   io.Writer
	what  string // "URLs"
	now   func() time.Time
	start time.Time
	last  time.Time
	drawn bool
}

// newProgress returns a progress line on w if w is a terminal, for
// people; in CI (CI set), or when w is redirected to a file or a pipe, nil:
// no progress line may end up in a log.
func newProgress(env Env, w io.Writer, what string) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || envOr(env, "CI", "") != "" || envOr(env, "TERM", "") == "dumb" {
		return nil
	}
	now := env.Now
	if now == nil {
		now = time.Now
	}
	return &progress{out: w, what: what, now: now, start: now()}
}

// update shows that done of total are done.
func (p *progress) update(done, total int) {
	if p == nil {
		return
	}
	now := p.now()
	if now.Sub(p.last) < progressEvery && done < total {
		return
	}
	p.last, p.drawn = now, true
	fmt.Fprint(p.out, "\r\x1b[K"+progressLine(p.what, done, total, now.Sub(p.start)))
}

// finish takes the line away, for the summary to take its place.
func (p *progress) finish() {
	if p != nil && p.drawn {
		fmt.Fprint(p.out, "\r\x1b[K")
	}
}

// progressLine says how far a task is: "1200 of 4000 URLs (30%), 850/s,
// 3s left".
func progressLine(what string, done, total int, elapsed time.Duration) string {
	line := fmt.Sprintf("%d of %d %s", done, total, what)
	if total > 0 {
		line += fmt.Sprintf(" (%d%%)", done*100/total)
	}
	if done == 0 || elapsed <= 0 {
		return line
	}
	rate := float64(done) / elapsed.Seconds()
	left := time.Duration(float64(total-done) / rate * float64(time.Second))
	return line + fmt.Sprintf(", %.0f/s, %s left", rate, left.Round(time.Second))
}
