// Package nginx runs Debian's nginx for tests and benchmarks: in the
// foreground, on a free loopback port, with its state in a directory of
// the caller's, and one server block of the caller's.
package nginx

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// BrotliModule is where Debian's libnginx-mod-http-brotli-static puts the
// module that serves .br files.
const BrotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

// Server is a running nginx.
type Server struct {
	URL    string // http://127.0.0.1:port
	Listen string // 127.0.0.1:port
	Brotli bool   // whether the brotli module is loaded
	state  string
	cmd    *exec.Cmd
	exited chan error
}

// Start runs nginx with its pid, logs and temporary files in state, and
// the server block serverBlock returns for the address to listen on:
// listen, a loopback host:port, or if "" a free port's. The brotli module is
// loaded if it is installed.
func Start(state, listen string, serverBlock func(listen string) string) (*Server, error) {
	if _, err := exec.LookPath("nginx"); err != nil {
		return nil, errors.New("nginx is not installed: apt-get install -y nginx libnginx-mod-http-brotli-static")
	}
	if listen == "" {
		var err error
		if listen, err = FreeAddr(); err != nil {
			return nil, err
		}
	}
	if host, _, err := net.SplitHostPort(listen); err != nil || !net.ParseIP(host).IsLoopback() {
		return nil, fmt.Errorf("nginx for tests listens on loopback only, not %q", listen)
	}
	_, statErr := os.Stat(BrotliModule)
	s := &Server{Listen: listen, Brotli: statErr == nil, state: state, exited: make(chan error, 1)}
	s.URL = "http://" + s.Listen
	var conf strings.Builder
	if s.Brotli {
		fmt.Fprintf(&conf, "load_module %s;\n", BrotliModule)
	}
	fmt.Fprintf(&conf, "worker_processes %d;\npid %s/nginx.pid;\nerror_log %s/error.log warn;\ndaemon off;\n", runtime.NumCPU(), state, state)
	if os.Geteuid() == 0 {
		conf.WriteString("user root;\n") // the workers read the caller's files
	}
	conf.WriteString("events { worker_connections 1024; }\nhttp {\n\tinclude /etc/nginx/mime.types;\n\tdefault_type application/octet-stream;\n")
	fmt.Fprintf(&conf, "\taccess_log %s/access.log combined buffer=64k flush=100ms;\n", state)
	for _, t := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&conf, "\t%s_temp_path %s/%s;\n", t, state, t)
	}
	conf.WriteString("\tkeepalive_requests 100000;\n")
	conf.WriteString(serverBlock(s.Listen))
	conf.WriteString("\n}\n")
	path := filepath.Join(state, "nginx.conf")
	if err := os.WriteFile(path, []byte(conf.String()), 0o644); err != nil {
		return nil, err
	}
	s.cmd = exec.Command("nginx", "-c", path, "-p", state, "-e", filepath.Join(state, "error.log"))
	s.cmd.Stderr = os.Stderr
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting nginx: %w", err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-s.exited:
			return nil, fmt.Errorf("nginx exited at start: %v\n%s", err, s.ErrorLog())
		default:
		}
		if c, err := net.Dial("tcp", s.Listen); err == nil {
			c.Close()
			return s, nil
		}
	}
	s.Stop()
	return nil, errors.New("nginx did not accept connections within 5 s")
}

// ErrorLog is what nginx logged as errors so far.
func (s *Server) ErrorLog() string {
	b, _ := os.ReadFile(filepath.Join(s.state, "error.log"))
	return string(b)
}

// Stop ends nginx and waits for it.
func (s *Server) Stop() {
	s.cmd.Process.Signal(os.Interrupt) // nginx's fast shutdown
	select {
	case <-s.exited:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

// Need skips tb without nginx, or fails it under CI, which installs it.
func Need(tb testing.TB, tools ...string) {
	tb.Helper()
	for _, tool := range append([]string{"nginx"}, tools...) {
		if _, err := exec.LookPath(tool); err != nil {
			msg := "\n\n*** NOT TESTED: no " + tool + "\n*** apt-get install -y nginx libnginx-mod-http-brotli-static wrk\n"
			if os.Getenv("CI") != "" {
				tb.Fatal(msg)
			}
			tb.Skip(msg)
		}
	}
}

// FreeAddr returns a loopback address whose port is free at the time of
// the call, for a server whose URL must be known before it starts.
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
