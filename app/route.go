package app

import (
	"fmt"
	"maps"
	"net/url"
	"strings"
)

// RouteName names a route of the table Routes.
type RouteName string

// Route is one kind of URL the site answers: everything the server, the
// wasm, the export and the service worker need to know about it.
type Route struct {
	Name RouteName
	// Pattern is the route's site path, as http.ServeMux writes one: a
	// segment is literal, a wildcard {name}, a wildcard with a literal
	// suffix {name}.json, or, last, {name...} for the rest of the path.
	Pattern string
	// About names the route's URLs for people: "articles".
	About string
	// Page is the kind of HTML page the route shows, if it is a page. A
	// static export writes a page as path/index.html (unless File), and
	// it is reachable at path, path/ and path/index.html.
	Page PageKind
	// File says a page is a file of its own name (404.html).
	File bool
	// Wasm says the wasm shows the route's pages by itself when the reader
	// navigates to one, from the route's JSON (JSON, with the page's
	// parameters and JSONParams).
	Wasm       bool
	JSON       RouteName
	JSONParams Params
	// Static says a static host can serve the route's URLs from files:
	// the export writes every one.
	Static bool
	// RedirectTo makes the route an alias: its URLs redirect, for good,
	// to the same parameters in the route named.
	RedirectTo RouteName
	// Offline is what the service worker does with the route's URLs.
	Offline OfflinePolicy
	// HeadersPerFile says the route's files do not all get the same
	// headers (assets by versioned and by plain name): a host is told the
	// headers of each file.
	HeadersPerFile bool
	// ContentType is the type a host must send for the route's files, if
	// hosts may not know it by the file's extension.
	ContentType string
	// Status is the route's HTTP status, if not 200.
	Status int
	// Dev says the route exists only for editors (serve -dev).
	Dev bool
	// Valid accepts or refuses the parameters a path gives, if set.
	Valid func(Params) bool

	segs []segment // Pattern, parsed once (see init)
}

// init parses the table's patterns once.
func init() {
	for i := range Routes {
		Routes[i].segs = parsePattern(Routes[i].Pattern)
	}
}

// segments is the parsed pattern.
func (r Route) segments() []segment {
	if r.segs == nil && r.Pattern != "/" {
		return parsePattern(r.Pattern)
	}
	return r.segs
}

// OfflinePolicy is how the service worker treats a route's URLs.
type OfflinePolicy string

// The service worker's policies.
const (
	// OfflinePage: saved and served stale-while-revalidate; offline, a page
	// never saved gets the offline page (navigations).
	OfflinePage OfflinePolicy = "page"
	// OfflineData: JSON saved and served stale-while-revalidate.
	OfflineData OfflinePolicy = "data"
	// OfflineAsset: the release's files, saved at install.
	OfflineAsset OfflinePolicy = "asset"
	// OfflineNetwork: always from the network.
	OfflineNetwork OfflinePolicy = "network"
)

// Params are the values of a path's wildcards, by name.
type Params map[string]string

// segment is one segment of a pattern.
type segment struct {
	literal  string // a literal segment, or the wildcard's suffix
	wildcard string // the wildcard's name, if any
	rest     bool   // {name...}
}

func parsePattern(pattern string) []segment {
	if pattern == "/" {
		return nil
	}
	var segs []segment
	for _, s := range strings.Split(strings.TrimPrefix(pattern, "/"), "/") {
		if !strings.HasPrefix(s, "{") {
			segs = append(segs, segment{literal: s})
			continue
		}
		end := strings.Index(s, "}")
		name, suffix := s[1:end], s[end+1:]
		name, rest := strings.CutSuffix(name, "...")
		segs = append(segs, segment{wildcard: name, literal: suffix, rest: rest})
	}
	return segs
}

// Path makes the route's path from its parameters, in the pattern's
// order, each escaped as one segment (the rest, {name...}, as a path).
func (r Route) Path(values ...string) string {
	segs := r.segments()
	if len(segs) == 0 {
		return "/"
	}
	var b strings.Builder
	i := 0
	for _, s := range segs {
		b.WriteByte('/')
		if s.wildcard == "" {
			b.WriteString(s.literal)
			continue
		}
		v := ""
		if i < len(values) {
			v = values[i]
		}
		i++
		if s.rest {
			b.WriteString((&url.URL{Path: v}).EscapedPath())
		} else {
			b.WriteString(url.PathEscape(v))
		}
		b.WriteString(s.literal)
	}
	return b.String()
}

// PathFrom makes the route's path from parameters by name.
func (r Route) PathFrom(params Params) string {
	var values []string
	for _, s := range r.segments() {
		if s.wildcard != "" {
			values = append(values, params[s.wildcard])
		}
	}
	return r.Path(values...)
}

// DataPath is the path of the JSON of a Wasm route's page with params.
func (r Route) DataPath(params Params) string {
	all := maps.Clone(r.JSONParams)
	if all == nil {
		all = Params{}
	}
	maps.Copy(all, params)
	return route(r.JSON).PathFrom(all)
}

// IsPage says whether the route is an HTML page at a path of its own, to
// be written as path/index.html.
func (r Route) IsPage() bool { return r.Page != "" && !r.File }

// Values reads the parameters of path if it is a path of the route's. It
// allocates nothing unless the path matches: the server matches every
// request.
func (r Route) Values(path string) (Params, bool) {
	segs := r.segments()
	if len(segs) == 0 {
		return nil, path == "/"
	}
	if !strings.HasPrefix(path, "/") {
		return nil, false
	}
	rest := path[1:]
	var values [4]string // by wildcard, in order; patterns have fewer
	n := 0
	for i, s := range segs {
		if s.rest {
			if rest == "" || n == len(values) {
				return nil, false
			}
			values[n], n, rest = rest, n+1, ""
			break
		}
		part, after, more := strings.Cut(rest, "/")
		if more == (i == len(segs)-1) {
			return nil, false // the path is longer or shorter than the pattern
		}
		rest = after
		if s.wildcard == "" {
			if part != s.literal {
				return nil, false
			}
			continue
		}
		v, ok := strings.CutSuffix(part, s.literal)
		if !ok || v == "" || n == len(values) {
			return nil, false
		}
		values[n], n = v, n+1
	}
	var params Params
	if n > 0 {
		params = make(Params, n)
		n = 0
		for _, s := range segs {
			if s.wildcard != "" {
				params[s.wildcard], n = values[n], n+1
			}
		}
	}
	return params, r.valid(params)
}

func (r Route) valid(p Params) bool { return r.Valid == nil || r.Valid(p) }

// MuxPattern is the route's pattern for http.ServeMux, without the method:
// a wildcard with a suffix stands for its whole segment (the handler reads
// it with Values), and "/" is the index alone.
func (r Route) MuxPattern() string {
	if r.Pattern == "/" {
		return "/{$}"
	}
	var b strings.Builder
	for _, s := range r.segments() {
		b.WriteByte('/')
		switch {
		case s.rest:
			b.WriteString("{" + s.wildcard + "...}")
		case s.wildcard != "":
			b.WriteString("{" + s.wildcard + "}")
		default:
			b.WriteString(s.literal)
		}
	}
	return b.String()
}

// Literal is the part of the pattern before its first wildcard: the whole
// path of a route without parameters, else a prefix ending in "/".
func (r Route) Literal() string {
	if i := strings.Index(r.Pattern, "{"); i >= 0 {
		return r.Pattern[:i]
	}
	return r.Pattern
}

// HasParams says whether the route's pattern has wildcards.
func (r Route) HasParams() bool { return strings.Contains(r.Pattern, "{") }

// Match finds the route of a site path. Path must be canonical (see
// Canonical) and unescaped.
func Match(path string) (Route, Params, bool) {
	for _, r := range Routes {
		if params, ok := r.Values(path); ok {
			return r, params, true
		}
	}
	return Route{}, nil, false
}

// LookupRoute returns the route named name.
func LookupRoute(name RouteName) (Route, bool) {
	for _, r := range Routes {
		if r.Name == name {
			return r, true
		}
	}
	return Route{}, false
}

// route returns a route the program names, which must exist.
func route(name RouteName) Route {
	r, ok := LookupRoute(name)
	if !ok {
		panic(fmt.Sprintf("no route %q", name))
	}
	return r
}

func paramOf(name RouteName, path, param string) (string, bool) {
	params, ok := route(name).Values(path)
	if !ok {
		return "", false
	}
	return params[param], true
}

// Canonical is the canonical form of a page's site path as a host may
// have answered it: without a last "/index.html" and without a trailing
// slash (but "/" for the index).
func Canonical(path string) string {
	path = strings.TrimSuffix(path, "/index.html")
	if path == "" {
		return "/"
	}
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/")
	}
	return path
}

// Prefix is the path a site is served under: "" at a host's root, or a
// path such as "/news", with no trailing slash. Site paths get it where
// they become URLs.
type Prefix string

// ParsePrefix returns the prefix of a base URL's path: "/news" for
// "https://example.org/news/", "" for a root.
func ParsePrefix(path string) Prefix {
	return Prefix(strings.TrimRight(path, "/"))
}

// URL is the URL path of a site path ("/articles/x" → "/news/articles/x");
// a URL that is not a site path (https://…, #card, mailto:…, //host/…) is
// returned as it is.
func (p Prefix) URL(sitePath string) string {
	if p == "" || !strings.HasPrefix(sitePath, "/") || strings.HasPrefix(sitePath, "//") {
		return sitePath
	}
	return string(p) + sitePath
}

// SitePath is the site path of a URL path under the prefix, and whether
// the URL path is under it at all. The prefix alone is the index.
func (p Prefix) SitePath(urlPath string) (string, bool) {
	rest, ok := strings.CutPrefix(urlPath, string(p))
	switch {
	case !ok:
		return "", false
	case rest == "":
		return "/", true
	case rest[0] != '/':
		return "", false
	}
	return rest, true
}
