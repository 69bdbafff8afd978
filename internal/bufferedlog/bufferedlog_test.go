package bufferedlog

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the flushing goroutine and the
// test to share.
type syncBuffer struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes int
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.writes++
	return b.buf.Write(p)
}

func (b *syncBuffer) state() (string, int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String(), b.writes
}

func TestBatchesUntilFull(t *testing.T) {
	var out syncBuffer
	w := New(&out, time.Hour, 100)
	defer w.Close()
	line := strings.Repeat("x", 29) + "\n" // 30 bytes
	for range 3 {
		w.Write([]byte(line))
	}
	if got, n := out.state(); got != "" || n != 0 {
		t.Fatalf("wrote %d times before the buffer filled: %q", n, got)
	}
	w.Write([]byte(line)) // 120 bytes would overfill: the first 90 go out whole
	if got, n := out.state(); got != strings.Repeat(line, 3) || n != 1 {
		t.Fatalf("after overfilling: %d writes of %q", n, got)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, n := out.state(); got != strings.Repeat(line, 4) || n != 2 {
		t.Fatalf("after Flush: %d writes of %q", n, got)
	}
}

func TestFlushesEachInterval(t *testing.T) {
	var out syncBuffer
	w := New(&out, 10*time.Millisecond, 1<<16)
	defer w.Close()
	w.Write([]byte("serving\n"))
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if got, _ := out.state(); got == "serving\n" {
			return
		}
	}
	t.Fatal("a line was not written out within 2 s of a 10 ms interval")
}

func TestCloseWritesTheRest(t *testing.T) {
	var out syncBuffer
	w := New(&out, time.Hour, 1<<16)
	w.Write([]byte("last words\n"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := out.state(); got != "last words\n" {
		t.Fatalf("after Close: %q", got)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestReportsWriteErrors(t *testing.T) {
	w := New(failing{}, time.Hour, 10)
	defer w.Close()
	w.Write([]byte("0123456789"))
	if _, err := w.Write([]byte("x")); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Write after a failed flush: %v", err)
	}
	if err := w.Flush(); err == nil {
		t.Fatal("Flush after a failed write: no error")
	}
}
