package server

import (
	"net/http"
	"strings"
)

// permissionsPolicy denies the powerful features backstory never uses.
const permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"

// contentSecurityPolicy is the policy of every response: only this origin's
// scripts, the wasm (which needs 'wasm-unsafe-eval') and the page's inline
// loader by its hash; the page's inline stylesheet by its hash; images from
// this origin, https, or data: (the favicon is inlined).
func contentSecurityPolicy(loaderHash, styleHash, frameAncestors string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval' " + loaderHash,
		"style-src 'self' " + styleHash,
		"img-src 'self' https: data:",
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
	// Assigned to the header map, not Set, as in write.
	nosniff := []string{"nosniff"}
	referrer := []string{"strict-origin-when-cross-origin"}
	permissions := []string{permissionsPolicy}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd["Content-Security-Policy"] = s.site.Load().cspValue
		hd["X-Content-Type-Options"] = nosniff
		hd["Referrer-Policy"] = referrer
		hd["Permissions-Policy"] = permissions
		h.ServeHTTP(w, r)
	})
}
