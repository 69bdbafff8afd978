package loadbench

import (
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

// Goals the server is held to at 64 connections.
const (
	GoalRatio = 0.7 // of nginx's requests per second
	GoalP99   = 20 * time.Millisecond
)

// Met reports whether backstory met the goals, with no errors on either
// side.
func (r Report) Met() bool {
	return r.Ratio() >= GoalRatio && r.Backstory.P99 <= GoalP99 && r.Backstory.Errors() == 0 && r.Nginx.Errors() == 0
}

// Print writes the report as a table and a verdict.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "\n%s, %d bytes as %s; wrk -t%d -c%d -d%v, loopback; median of %d runs\n\n", r.Path, r.PageBytes, r.Encoding, r.Load.Threads, r.Load.Connections, r.Load.Duration, len(r.BackstoryRuns))
	fmt.Fprintf(w, "%-22s %10s %9s %9s %8s   %s\n", "", "req/s", "p50", "p99", "errors", "req/s by run")
	for _, row := range []struct {
		name   string
		median Result
		runs   []Result
	}{{r.NginxVersion + " (static)", r.Nginx, r.NginxRuns}, {"backstory serve", r.Backstory, r.BackstoryRuns}} {
		var each []string
		for _, run := range row.runs {
			each = append(each, fmt.Sprintf("%.0f", run.RequestsPerS))
		}
		fmt.Fprintf(w, "%-22s %10.0f %9s %9s %8d   %s\n", row.name, row.median.RequestsPerS, ms(row.median.P50), ms(row.median.P99), row.median.Errors(), strings.Join(each, " "))
	}
	verdict := "goals met"
	if !r.Met() {
		verdict = "goals MISSED"
	}
	fmt.Fprintf(w, "\nbackstory/nginx: %.2f× (goal ≥ %.1f×), backstory p99 %s (goal ≤ %s): %s\n", r.Ratio(), GoalRatio, ms(r.Backstory.P99), ms(GoalP99), verdict)
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}

// nginxVersion is "nginx/1.22.1" or, if nginx will not say, "nginx".
func nginxVersion() string {
	out, _ := exec.Command("nginx", "-v").CombinedOutput()
	if _, v, ok := strings.Cut(strings.TrimSpace(string(out)), "version: "); ok {
		return v
	}
	return "nginx"
}
