package scalebench

import (
	"fmt"
	"io"
	"time"
)

// Goals for 10,000 articles.
const (
	GoalLoad = 3 * time.Second
	GoalRSS  = 300 << 20
	// GoalCardEdit is for a shared card placed by 1,000 articles.
	GoalCardEdit = 2 * time.Second
)

// Print writes the results as a table.
func Print(w io.Writer, results []Result) {
	fmt.Fprintf(w, "\n%9s %9s %9s %10s %6s %10s\n", "articles", "load", "RSS", "peak RSS", "pages", "precached")
	for _, r := range results {
		fmt.Fprintf(w, "%9d %9s %8.0fM %9.0fM %6d %10d\n", r.Articles, ms(r.Load), mb(r.RSS), mb(r.PeakRSS), r.IndexPages, r.PrecachePages)
	}
	for _, r := range results {
		fmt.Fprintf(w, "\n%d articles: requests, made / kept\n", r.Articles)
		for _, t := range r.Requests {
			fmt.Fprintf(w, "  %-44s %9s %9s %8d bytes\n", t.Path, ms(t.First), ms(t.Second), t.Bytes)
		}
		if r.Export > 0 {
			fmt.Fprintf(w, "  export: %s, %d files, %.0f MB\n", ms(r.Export), r.ExportFiles, mb(r.ExportBytes))
		}
		if r.SharedCards > 0 {
			fmt.Fprintf(w, "  %d shared cards; a change to the one %d articles place served in %s (goal ≤ %s)\n", r.SharedCards, r.MostUsed, ms(r.CardEdit), ms(GoalCardEdit))
		}
	}
	for _, r := range results {
		if r.Articles == 10000 {
			verdict := "goals met"
			if r.Load > GoalLoad || r.PeakRSS > GoalRSS {
				verdict = "goals MISSED"
			}
			fmt.Fprintf(w, "\n10,000 articles: load %s (goal ≤ %s), peak RSS %.0f MB (goal ≤ %.0f MB): %s\n", ms(r.Load), ms(GoalLoad), mb(r.PeakRSS), mb(GoalRSS), verdict)
		}
	}
}

func ms(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }
