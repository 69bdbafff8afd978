package markdown_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"backstory/content/markdown"
	"backstory/internal/synthetic"
)

// BenchmarkLoadDir loads a directory of synthetic articles from disk, as
// backstory serve does at start. Besides ns/op it reports the time per
// article, the heap the loaded store holds, and the process's peak resident
// memory. The goal for 10,000 articles is at most 3 s and 300 MB.
func BenchmarkLoadDir(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synthetic.WriteDir(dir, n); err != nil {
				b.Fatal(err)
			}
			fsys := os.DirFS(dir)
			b.SetBytes(dirSize(b, fsys))
			resetPeakRSS()
			for b.Loop() {
				store, err := markdown.NewParser().LoadDir(fsys, dir)
				if err != nil {
					b.Fatal(err)
				}
				if store.Len() != n {
					b.Fatalf("loaded %d articles, want %d", store.Len(), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/article")

			// One more load, untimed, to weigh what the store holds.
			before := liveHeap()
			store, err := markdown.NewParser().LoadDir(fsys, dir)
			if err != nil {
				b.Fatal(err)
			}
			held := liveHeap() - before
			runtime.KeepAlive(store)
			b.ReportMetric(float64(held)/1e6, "MB-heap")
			if peak, ok := peakRSS(); ok {
				b.ReportMetric(float64(peak)/1e6, "MB-peakRSS")
			}
		})
	}
}

// TestLoadScalesLinearly loads 250 and 1,000 articles and fails if an
// article costs twice the time, or one and a half times the heap, in the
// larger load that it does in the smaller one: a load that grows with the
// square of the number of articles costs up to four times as much per
// article at four times the number.
func TestLoadScalesLinearly(t *testing.T) {
	small, large := 250, 1_000
	if testing.Short() || raceEnabled {
		// The race detector makes parsing several times slower: keep
		// the ratio, shrink the loads.
		small, large = 100, 400
	}
	fsSmall, fsLarge := synthetic.FS(small), synthetic.FS(large)
	p := markdown.NewParser()

	// Time: the fastest of a few interleaved runs, so that a run slowed by
	// something else on the machine does not count.
	const rounds = 3
	timeSmall, timeLarge := time.Duration(1<<62), time.Duration(1<<62)
	var heapSmall, heapLarge float64
	for range rounds {
		d, h := load(t, p, fsSmall, small)
		timeSmall, heapSmall = min(timeSmall, d), h
		d, h = load(t, p, fsLarge, large)
		timeLarge, heapLarge = min(timeLarge, d), h
	}
	perSmall, perLarge := timeSmall/time.Duration(small), timeLarge/time.Duration(large)
	t.Logf("per article: %v and %.0f bytes of heap at %d; %v and %.0f bytes at %d",
		perSmall, heapSmall, small, perLarge, heapLarge, large)
	// Linear loading gives ratios near 1. Time on a shared machine is
	// noisy, so it gets the wider margin; the heap varies by a few percent.
	const timeLimit, heapLimit = 2.0, 1.5
	if r := float64(perLarge) / float64(perSmall); r > timeLimit {
		t.Errorf("an article takes %.1f× as long to load among %d as among %d (%v against %v): loading is not linear", r, large, small, perLarge, perSmall)
	}
	if r := heapLarge / heapSmall; r > heapLimit {
		t.Errorf("an article holds %.1f× as much heap among %d as among %d (%.0f against %.0f bytes): the store is not linear", r, large, small, heapLarge, heapSmall)
	}
}

// load loads the n articles of fsys and returns how long it took and the
// live heap the store holds per article.
func load(t *testing.T, p *markdown.Parser, fsys fs.FS, n int) (time.Duration, float64) {
	t.Helper()
	before := liveHeap()
	start := time.Now()
	store, err := p.LoadDir(fsys, "synthetic")
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if store.Len() != n {
		t.Fatalf("loaded %d articles, want %d", store.Len(), n)
	}
	held := liveHeap() - before
	runtime.KeepAlive(store)
	return took, float64(held) / float64(n)
}

// liveHeap is the heap in use after a full collection.
func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// resetPeakRSS starts the process's peak resident memory afresh (Linux
// 4.0 and later), so that a sub-benchmark reports its own peak, not an
// earlier one's. Where that is not possible, the peak is the process's.
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSS is the process's peak resident memory in bytes (VmHWM), or false
// where /proc/self/status is not to be read.
func peakRSS() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmHWM:")); ok {
			var kB int64
			if _, err := fmt.Sscanf(string(v), "%d kB", &kB); err != nil {
				return 0, false
			}
			return kB * 1024, true
		}
	}
	return 0, false
}

func dirSize(b *testing.B, fsys fs.FS) int64 {
	var size int64
	err := fs.WalkDir(fsys, ".", func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return size
}
