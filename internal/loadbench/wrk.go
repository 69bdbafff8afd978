package loadbench

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Load is how hard wrk loads a URL.
type Load struct {
	Threads, Connections int
	Duration             time.Duration
	// AcceptEncoding is sent with every request, as a browser would.
	AcceptEncoding string
}

// Result is what wrk measured.
type Result struct {
	Requests     int64
	RequestsPerS float64
	P50, P99     time.Duration
	SocketErrors int64 // connect, read, write and timeout errors
	Non2xxOr3xx  int64
	BytesPerS    string // as wrk prints it: "303.77MB"
}

// Errors is how many requests failed: socket errors and statuses other
// than 2xx and 3xx.
func (r Result) Errors() int64 { return r.SocketErrors + r.Non2xxOr3xx }

// Wrk loads url with wrk and returns what it measured.
func Wrk(ctx context.Context, url string, load Load) (Result, error) {
	if err := loopbackOnly(url); err != nil {
		return Result{}, err
	}
	args := []string{
		"-t", strconv.Itoa(load.Threads),
		"-c", strconv.Itoa(load.Connections),
		"-d", strconv.Itoa(max(1, int(load.Duration.Round(time.Second)/time.Second))) + "s",
		"--latency",
	}
	if load.AcceptEncoding != "" {
		args = append(args, "-H", "Accept-Encoding: "+load.AcceptEncoding)
	}
	out, err := exec.CommandContext(ctx, "wrk", append(args, url)...).CombinedOutput()
	if err != nil {
		return Result{}, fmt.Errorf("running wrk on %s: %w\n%s", url, err, out)
	}
	return parseWrk(string(out))
}

// parseWrk reads wrk's report (with --latency).
func parseWrk(out string) (Result, error) {
	var r Result
	var haveRate, haveP50, haveP99 bool
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return r, fmt.Errorf("wrk's Requests/sec %q: %w", f[1], err)
			}
			r.RequestsPerS, haveRate = v, true
		case len(f) == 2 && f[0] == "Transfer/sec:":
			r.BytesPerS = f[1]
		case len(f) == 2 && (f[0] == "50%" || f[0] == "99%"):
			d, err := time.ParseDuration(f[1])
			if err != nil {
				return r, fmt.Errorf("wrk's %s latency %q: %w", f[0], f[1], err)
			}
			if f[0] == "50%" {
				r.P50, haveP50 = d, true
			} else {
				r.P99, haveP99 = d, true
			}
		case len(f) >= 3 && f[1] == "requests" && f[2] == "in":
			n, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return r, fmt.Errorf("wrk's request count %q: %w", f[0], err)
			}
			r.Requests = n
		case len(f) == 10 && f[0] == "Socket" && f[1] == "errors:":
			// Socket errors: connect 0, read 12, write 0, timeout 3
			for _, i := range []int{3, 5, 7, 9} {
				n, err := strconv.ParseInt(strings.TrimSuffix(f[i], ","), 10, 64)
				if err != nil {
					return r, fmt.Errorf("wrk's socket errors %q: %w", sc.Text(), err)
				}
				r.SocketErrors += n
			}
		case len(f) == 5 && strings.Join(f[:4], " ") == "Non-2xx or 3xx responses:":
			n, err := strconv.ParseInt(f[4], 10, 64)
			if err != nil {
				return r, fmt.Errorf("wrk's non-2xx count %q: %w", f[4], err)
			}
			r.Non2xxOr3xx = n
		}
	}
	if !haveRate || !haveP50 || !haveP99 || r.Requests == 0 {
		return r, fmt.Errorf("wrk's report lacks requests, Requests/sec or the 50%%/99%% latencies:\n%s", out)
	}
	return r, nil
}
