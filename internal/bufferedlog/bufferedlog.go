// Package bufferedlog batches log writes: lines are held in memory and
// written together at least every interval, so that a busy server makes
// one write for many requests instead of one for each (as nginx's
// access_log buffer= does).
package bufferedlog

import (
	"io"
	"sync"
	"time"
)

// Writer is an io.Writer that buffers what it is given and writes it to
// the underlying writer when the buffer fills, at each interval, and on
// Flush and Close. Lines are never split: each Write is written whole.
type Writer struct {
	mu    sync.Mutex
	out   io.Writer
	buf   []byte
	limit int
	err   error // the first error writing out; returned from then on

	stop chan struct{}
	done chan struct{}
}

// New returns a Writer to out that holds up to limit bytes and writes them
// out at least every interval.
func New(out io.Writer, interval time.Duration, limit int) *Writer {
	w := &Writer{out: out, limit: limit, buf: make([]byte, 0, limit), stop: make(chan struct{}), done: make(chan struct{})}
	go w.flushEvery(interval)
	return w
}

// Write buffers p, writing the buffer out first if p would overfill it.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return 0, w.err
	}
	if len(w.buf)+len(p) > w.limit {
		if err := w.flushLocked(); err != nil {
			return 0, err
		}
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// Flush writes out what is buffered.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

// Close stops the timed flushes and writes out what is left. The Writer
// must not be used after.
func (w *Writer) Close() error {
	close(w.stop)
	<-w.done
	return w.Flush()
}

func (w *Writer) flushLocked() error {
	if w.err != nil || len(w.buf) == 0 {
		return w.err
	}
	_, w.err = w.out.Write(w.buf)
	w.buf = w.buf[:0]
	return w.err
}

func (w *Writer) flushEvery(interval time.Duration) {
	defer close(w.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			w.Flush()
		case <-w.stop:
			return
		}
	}
}
