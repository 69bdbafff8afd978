package export

import (
	"path/filepath"
	"testing"

	"backstory/content/markdown"
	"backstory/internal/synthetic"
)

// BenchmarkWrite exports 200 synthetic articles; "ms/article" is the time
// per article.
func BenchmarkWrite(b *testing.B) {
	store, err := markdown.NewParser().LoadDir(synthetic.FS(200), "synthetic")
	if err != nil {
		b.Fatal(err)
	}
	srv := newServer(b, store)
	for b.Loop() {
		if _, err := Write(srv, filepath.Join(b.TempDir(), "site"), Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/200, "ms/article")
}
