package markdown

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/util"
)

// urlPolicy says which URLs a place accepts.
type urlPolicy int

const (
	// linkURL: http, https, mailto, an in-page #fragment or a site path /….
	linkURL urlPolicy = iota
	// imageURL: http, https or a site path /….
	imageURL
	// absoluteOnly: http or https.
	absoluteOnly
)

func (p urlPolicy) allowed() string {
	switch p {
	case linkURL:
		return "http:, https:, mailto:, an in-page #id or a path on this site starting with /"
	case imageURL:
		return "http:, https: or a path on this site starting with /"
	}
	return "an absolute http: or https: URL"
}

// destination normalizes a link or image destination from Markdown source:
// escapes and references resolved, unsafe characters percent-encoded.
func destination(raw []byte) string {
	return string(util.URLEscape(raw, true))
}

// checkURL validates a URL found at a byte offset against a policy and
// returns it normalized, or reports a problem and returns "".
func (b *builder) checkURL(raw string, offset int, what string, policy urlPolicy) string {
	u, err := validURL(raw, policy)
	if err != nil {
		// Only now: lineCol indexes the whole source's lines.
		line, col := b.lineCol(offset)
		b.urlProblem(raw, line, col, what, err)
	}
	return u
}

// checkURLAt is checkURL for a URL at line:col.
func (b *builder) checkURLAt(raw string, line, col int, what string, policy urlPolicy) string {
	u, err := validURL(raw, policy)
	if err != nil {
		b.urlProblem(raw, line, col, what, err)
	}
	return u
}

// urlProblem reports the URL raw that validURL refused with err.
func (b *builder) urlProblem(raw string, line, col int, what string, err error) {
	b.problemAt(line, col, fmt.Sprintf("%s URL %s: %v", what, quoteStart(raw), err))
}

// validURL returns raw normalized if policy allows it.
func validURL(raw string, policy urlPolicy) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", fmt.Errorf("is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("is not a valid URL")
	}
	scheme := strings.ToLower(u.Scheme)
	ok := false
	switch {
	case scheme == "http" || scheme == "https":
		ok = u.Host != ""
	case scheme == "mailto":
		ok = policy == linkURL && u.Opaque != ""
	case scheme != "":
		return "", fmt.Errorf("uses the scheme %q, which is not allowed; use %s", scheme+":", policy.allowed())
	case strings.HasPrefix(raw, "#"):
		ok = policy == linkURL && len(raw) > 1
	case strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//"):
		ok = policy != absoluteOnly
	}
	if !ok {
		return "", fmt.Errorf("is not allowed here; use %s", policy.allowed())
	}
	return escapeURL(raw), nil
}

// escapeURL percent-encodes the characters that are never literal in a
// well-formed URL and could break out of an HTML attribute.
func escapeURL(s string) string {
	i := 0
	for i < len(s) && !mustEscape(s[i]) {
		i++
	}
	if i == len(s) {
		return s // as nearly every URL is
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if mustEscape(c) {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mustEscape reports whether escapeURL percent-encodes c.
func mustEscape(c byte) bool {
	return c <= ' ' || c >= 0x7f || strings.IndexByte("\"'<>\\`{}|^", c) >= 0
}
