// Package precompress compresses responses once, ahead of requests: brotli
// (with Go's andybalholm/brotli, so no CLI is needed) and gzip.
package precompress

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/bits"
	"sync"

	"github.com/andybalholm/brotli"
)

// Qualities: Best for files compressed once at build time (the wasm takes
// about 18 s at brotli 11), Fast for pages compressed on first request.
const (
	Best = 11
	Fast = 9
)

// Brotli compresses data at the given quality (0–11) with a window as
// large as data, up to 16 MiB, the largest every browser decodes (a larger
// window than the data gains nothing and costs the encoder time clearing
// tables); below quality 10, 64 KiB at most.
func Brotli(data []byte, quality int) []byte {
	var buf bytes.Buffer
	lgwin := min(max(bits.Len(uint(len(data))), 16), 24)
	if quality < Best-1 {
		// Below quality 10, a window over 64 KiB switches the encoder to
		// hash tables of 32 MB (brotli's h5), allocated and cleared for
		// each response: a page of 70 kB took 100 ms and more of page
		// faults on a loaded server, for 1 % fewer bytes.
		lgwin = 16
	}
	opts := brotli.WriterOptions{Quality: quality, LGWin: lgwin}
	pool, _ := brotliWriters.LoadOrStore(opts, &sync.Pool{New: func() any { return brotli.NewWriterOptions(nil, opts) }})
	w := pool.(*sync.Pool).Get().(*brotli.Writer)
	w.Reset(&buf)
	w.Write(data) // writes to a bytes.Buffer cannot fail
	w.Close()
	w.Reset(nil)
	pool.(*sync.Pool).Put(w)
	return buf.Bytes()
}

// brotliWriters are brotli writers for reuse, a sync.Pool for each
// brotli.WriterOptions: a writer keeps its encoder's hash tables across
// Reset, which a new writer allocates and clears.
var brotliWriters sync.Map

// Gzip compresses data at the best gzip level.
func Gzip(data []byte) []byte {
	return gzipLevel(data, gzip.BestCompression)
}

// GzipFast compresses data quickly: large files at start-up, and
// responses made for one request.
func GzipFast(data []byte) []byte {
	var buf bytes.Buffer
	w := fastWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(data) // writes to a bytes.Buffer cannot fail
	w.Close()
	fastWriters.Put(w)
	return buf.Bytes()
}

// fastWriters are gzip writers at BestSpeed for reuse: each holds about
// 1 MB of compressor state, too much to allocate per request.
var fastWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed) // a valid level
	return w
}}

func gzipLevel(data []byte, level int) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, level) // the callers' levels are valid
	w.Write(data)                            // writes to a bytes.Buffer cannot fail
	w.Close()
	return buf.Bytes()
}

// Decodes reports whether compressed, in the given encoding ("br" or
// "gzip"), decompresses to want.
func Decodes(compressed []byte, encoding string, want []byte) bool {
	var r io.Reader
	switch encoding {
	case "br":
		r = brotli.NewReader(bytes.NewReader(compressed))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(compressed))
		if err != nil {
			return false
		}
		r = zr
	default:
		return false
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(want))+1))
	return err == nil && bytes.Equal(got, want)
}

// Encoded is a body and its compressed forms, smallest first in use.
type Encoded struct {
	Identity []byte
	Brotli   []byte // nil if not worth it
	Gzip     []byte // nil if not worth it
}

// minSize is the size below which compression is not worth a header.
const minSize = 512

// Encode compresses data with brotli at quality and with gzip, keeping each
// form only if it is smaller.
func Encode(data []byte, quality int) Encoded {
	e := Encoded{Identity: data}
	if len(data) < minSize {
		return e
	}
	if br := Brotli(data, quality); len(br) < len(data) {
		e.Brotli = br
	}
	if gz := Gzip(data); len(gz) < len(data) {
		e.Gzip = gz
	}
	return e
}
