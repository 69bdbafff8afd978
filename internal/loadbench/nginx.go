package loadbench

import (
	"fmt"
	"os"

	"backstory/internal/nginx"
)

// NginxConfig says what nginx serves and with which headers.
type NginxConfig struct {
	Docs              string // the directory served
	State             string // a directory for nginx's pid, logs and temp files
	CSP               string
	PermissionsPolicy string
}

// StartNginx starts nginx serving cfg.Docs as backstory serves its pages:
// brotli (if the module is installed) or gzip from files compressed ahead
// of time, the same headers, a batched access log.
func StartNginx(cfg NginxConfig) (*nginx.Server, error) {
	return nginx.Start(cfg.State, "", func(listen string) string {
		brotli := ""
		if _, err := os.Stat(nginx.BrotliModule); err == nil {
			brotli = "brotli_static on;"
		}
		return fmt.Sprintf(`
	sendfile on;
	tcp_nopush on;
	server_tokens off;
	gzip_static on;
	gzip_vary on;
	%s
	server {
		listen %s;
		root %s;
		location / {
			try_files $uri $uri/index.html =404;
			add_header Cache-Control "no-cache";
			add_header Content-Security-Policy "%s";
			add_header X-Content-Type-Options "nosniff";
			add_header Referrer-Policy "strict-origin-when-cross-origin";
			add_header Permissions-Policy "%s";
		}
	}`, brotli, listen, cfg.Docs, cfg.CSP, cfg.PermissionsPolicy)
	})
}
