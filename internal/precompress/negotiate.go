package precompress

import (
	"strconv"
	"strings"
)

// Pick chooses the encoding of a response from a request's Accept-Encoding:
// "br" or "gzip" if the client accepts it and the form exists, else ""
// (identity). It honours q-values, q=0 included, and "*".
func (e *Encoded) Pick(acceptEncoding string) (encoding string, body []byte) {
	q := accepted(acceptEncoding)
	best, bestQ := "", 0.0
	if e.Brotli != nil && q("br") > bestQ {
		best, bestQ = "br", q("br")
	}
	if e.Gzip != nil && q("gzip") > bestQ {
		best, bestQ = "gzip", q("gzip")
	}
	switch best {
	case "br":
		return "br", e.Brotli
	case "gzip":
		return "gzip", e.Gzip
	}
	return "", e.Identity
}

// accepted parses an Accept-Encoding header into a func that gives the
// q-value of a coding (0 if not accepted).
func accepted(header string) func(string) float64 {
	values := map[string]float64{}
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
					q = f
				} else {
					q = 0
				}
			}
		}
		values[name] = q
	}
	return func(coding string) float64 {
		if q, ok := values[coding]; ok {
			return q
		}
		return values["*"]
	}
}
