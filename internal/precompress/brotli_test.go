package precompress

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestBrotliReusesWritersSafely: writers reused across sizes, qualities
// and goroutines each give exactly their input back.
func TestBrotliReusesWritersSafely(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i, size := range []int{0, 10, 70_000, 1_000, 200_000, 70_000, 65_536} {
				phrase := fmt.Appendf(nil, "page %d of goroutine %d, ", i, g)
				data := bytes.Repeat(phrase, size/len(phrase)+1)[:size]
				for _, q := range []int{Fast, 5} {
					out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(Brotli(data, q))))
					if err != nil || !bytes.Equal(out, data) {
						t.Errorf("size %d, quality %d: %v, got %d bytes back", size, q, err, len(out))
					}
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkBrotliPage compresses a page of 68 kB at the pages' quality.
func BenchmarkBrotliPage(b *testing.B) {
	data := bytes.Repeat([]byte("<li><a href=\"/articles/x\">A story about a town</a> <time>2 June 2024</time></li>\n"), 850)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Brotli(data, Fast)
	}
}

// TestBrotliReusedWriterMatchesFresh: a writer from the pool writes what a
// new one writes.
func TestBrotliReusedWriterMatchesFresh(t *testing.T) {
	a := bytes.Repeat([]byte("<li><a href=\"/articles/a\">One story</a></li>\n"), 1200)
	b := bytes.Repeat([]byte("{\"slug\":\"b\",\"title\":\"Another story\"},"), 900)
	for _, data := range [][]byte{a, b, a} {
		var fresh bytes.Buffer
		w := brotli.NewWriterOptions(&fresh, brotli.WriterOptions{Quality: Fast, LGWin: 16})
		w.Write(data)
		w.Close()
		if got := Brotli(data, Fast); !bytes.Equal(got, fresh.Bytes()) {
			t.Errorf("%d bytes: the pooled writer wrote %d bytes, a new one %d", len(data), len(got), fresh.Len())
		}
	}
}
