//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServeShutdown runs the real binary and signals it with a request in
// flight.
func TestServeShutdown(t *testing.T) {
	bin := buildBinary(t)
	t.Run("finishes requests in flight", func(t *testing.T) { testFinishesInFlight(t, bin) })
	t.Run("bounds the grace period", func(t *testing.T) { testBoundsGrace(t, bin) })
}

// testFinishesInFlight starts a download of a large app.wasm and reads a
// little of it, signals SIGTERM, and checks that the server stops taking
// connections, still sends the rest of the file in full, and exits 0.
func testFinishesInFlight(t *testing.T, bin string) {
	web, wasm := bigWasm(t)
	srv := startServe(t, bin, "-web", web, "-grace", "10s")
	res := startDownload(t, srv.addr)
	first := make([]byte, 64<<10)
	if _, err := io.ReadFull(res.Body, first); err != nil {
		t.Fatal(err)
	}

	srv.signal(t, syscall.SIGTERM)
	srv.waitLog(t, "shutting down")
	waitRefused(t, srv.addr)

	rest, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the download after SIGTERM: %v", err)
	}
	if got := append(first, rest...); res.StatusCode != http.StatusOK || !bytes.Equal(got, wasm) {
		t.Errorf("in-flight download got %d with %d bytes, want 200 and all %d bytes", res.StatusCode, len(got), len(wasm))
	}
	if code := srv.wait(t, 5*time.Second); code != 0 {
		t.Errorf("exit code %d after SIGTERM, want 0\n%s", code, srv.output())
	}
}

// testBoundsGrace checks that a download the client stopped reading does
// not hold the server up past -grace, and that it still exits 0.
func testBoundsGrace(t *testing.T, bin string) {
	web, _ := bigWasm(t)
	srv := startServe(t, bin, "-web", web, "-grace", "1s")
	startDownload(t, srv.addr)
	start := time.Now()
	srv.signal(t, syscall.SIGINT)
	if code := srv.wait(t, 4*time.Second); code != 0 {
		t.Errorf("exit code %d, want 0\n%s", code, srv.output())
	}
	if took := time.Since(start); took < 900*time.Millisecond {
		t.Errorf("exited %v after SIGINT: it did not wait for the request in flight", took)
	}
	if !strings.Contains(srv.output(), "grace period ended") {
		t.Errorf("log does not say the grace period ended:\n%s", srv.output())
	}
}

// bigWasm writes a web directory whose app.wasm is larger than loopback's
// socket buffers hold, so that a download of it stays in flight until the
// client reads it.
func bigWasm(t *testing.T) (dir string, wasm []byte) {
	t.Helper()
	dir = t.TempDir()
	wasm = make([]byte, 16<<20)
	rand.Read(wasm)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, wasm
}

// startDownload requests /web/app.wasm uncompressed and returns the
// response once its headers arrive; the body is left to read.
func startDownload(t *testing.T, addr string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := io.WriteString(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: "+addr+"\r\nAccept-Encoding: identity\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// serveProcess is a running "backstory serve".
type serveProcess struct {
	cmd  *exec.Cmd
	addr string // host:port
	done chan struct{}

	mu  sync.Mutex
	log strings.Builder
}

var servingURL = regexp.MustCompile(`msg=serving url=http://(\S+)`)

// startServe runs "backstory serve" from bin on a free loopback port with
// args, and waits until it serves.
func startServe(t *testing.T, bin string, args ...string) *serveProcess {
	t.Helper()
	args = append([]string{"serve", "-addr", "127.0.0.1:0", "-web", t.TempDir()}, args...) // a later -web wins
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "BACKSTORY_LOG_FORMAT=text")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serveProcess{cmd: cmd, done: make(chan struct{})}
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			cmd.Process.Kill()
			<-p.done
		}
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.log.WriteString(line + "\n")
			p.mu.Unlock()
			if m := servingURL.FindStringSubmatch(line); m != nil {
				addr <- m[1]
			}
		}
		cmd.Wait()
		close(p.done)
	}()
	select {
	case p.addr = <-addr:
	case <-p.done:
		t.Fatalf("backstory serve exited before serving:\n%s", p.output())
	case <-time.After(30 * time.Second):
		t.Fatalf("backstory serve did not start in 30 s:\n%s", p.output())
	}
	return p
}

func (p *serveProcess) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

func (p *serveProcess) signal(t *testing.T, sig os.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
}

// waitLog waits up to 5 s for a log line containing want.
func (p *serveProcess) waitLog(t *testing.T, want string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(p.output(), want) {
			return
		}
	}
	t.Fatalf("no log line with %q in 5 s:\n%s", want, p.output())
}

// wait waits for the process to exit and returns its exit code.
func (p *serveProcess) wait(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		t.Fatalf("still running %v after the signal:\n%s", limit, p.output())
		return -1
	}
}

// waitRefused waits up to 2 s until addr refuses new connections.
func waitRefused(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			if !errors.Is(err, syscall.ECONNREFUSED) {
				t.Fatalf("dialing while draining: %v, want connection refused", err)
			}
			return
		}
		c.Close()
	}
	t.Fatal("still accepting new connections 2 s after SIGTERM")
}

// buildBinary builds backstory into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "backstory")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building backstory: %v\n%s", err, out)
	}
	return bin
}
