package server

import (
	"net/http"
	"strings"
)

// permissionsPolicy denies the powerful features backstory never uses.
const permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"

// contentSecurityPolicy is the policy of every response: only this origin's
// scripts (and the wasm, which needs 'wasm-unsafe-eval'), the page's own
// inline stylesheet by its hash, images from this origin or https.
func contentSecurityPolicy(styleHash, frameAncestors string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self' " + styleHash,
		"img-src 'self' https:",
		"connect-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors " + frameAncestors,
	}, "; ")
}

// secure sets the security headers of every response.
func (s *Server) secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", s.site.Load().csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		hd.Set("Permissions-Policy", permissionsPolicy)
		h.ServeHTTP(w, r)
	})
}
