package loadbench

import (
	_ "embed"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"text/template"
	"time"
)

// brotliModule is where Debian's libnginx-mod-http-brotli-static puts the
// module that serves .br files.
const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

//go:embed nginx.conf.tmpl
var nginxConf string

// Nginx is a running nginx serving a directory on loopback.
type Nginx struct {
	URL    string // http://127.0.0.1:port
	Brotli bool   // whether it serves .br files
	cmd    *exec.Cmd
	exited chan error
}

// NginxConfig says what nginx serves and with which headers.
type NginxConfig struct {
	Docs              string // the directory served
	State             string // a directory for nginx's pid, logs and temp files
	CSP               string
	PermissionsPolicy string
}

// StartNginx starts Debian's nginx on a free loopback port, in the
// foreground, and waits until it accepts connections.
func StartNginx(cfg NginxConfig) (*Nginx, error) {
	if _, err := exec.LookPath("nginx"); err != nil {
		return nil, errors.New("nginx is not installed: apt-get install -y nginx libnginx-mod-http-brotli-static")
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(brotliModule)
	data := struct {
		NginxConfig
		Listen, BrotliModule string
		LoadBrotli, Root     bool
		Workers              int
	}{cfg, fmt.Sprintf("127.0.0.1:%d", port), brotliModule, statErr == nil, os.Geteuid() == 0, runtime.NumCPU()}
	var conf strings.Builder
	if err := template.Must(template.New("nginx").Parse(nginxConf)).Execute(&conf, data); err != nil {
		return nil, fmt.Errorf("writing nginx's config: %w", err)
	}
	path := filepath.Join(cfg.State, "nginx.conf")
	if err := os.WriteFile(path, []byte(conf.String()), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command("nginx", "-c", path, "-p", cfg.State, "-e", filepath.Join(cfg.State, "error.log"))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting nginx: %w", err)
	}
	n := &Nginx{URL: "http://" + data.Listen, Brotli: data.LoadBrotli, cmd: cmd, exited: make(chan error, 1)}
	go func() { n.exited <- cmd.Wait() }()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-n.exited:
			log, _ := os.ReadFile(filepath.Join(cfg.State, "error.log"))
			return nil, fmt.Errorf("nginx exited at start: %v\n%s", err, log)
		default:
		}
		if c, err := net.Dial("tcp", data.Listen); err == nil {
			c.Close()
			return n, nil
		}
	}
	n.Stop()
	return nil, errors.New("nginx did not accept connections within 5 s")
}

// Stop ends nginx and waits for it.
func (n *Nginx) Stop() {
	n.cmd.Process.Signal(os.Interrupt) // nginx's fast shutdown
	select {
	case <-n.exited:
	case <-time.After(5 * time.Second):
		n.cmd.Process.Kill()
		<-n.exited
	}
}

// freePort returns a loopback TCP port free at the time of the call.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
