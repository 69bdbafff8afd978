package export

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	ui "backstory/app"
)

// documented are the response headers a host of the export should send,
// as the server sends them. Content-Type is the host's, by extension;
// Content-Encoding and Vary come with the .br and .gz files.
var documented = []string{
	"Content-Security-Policy",
	"Cache-Control",
	"Access-Control-Allow-Origin",
	"X-Backstory-Version",
	"X-Content-Type-Options",
	"Referrer-Policy",
	"Permissions-Policy",
}

// rule is what a host must do for the files of one route: the headers
// they were sent, all the same; or, for a route whose files differ
// (HeadersPerFile), each file's.
type rule struct {
	route   ui.Route
	headers [][2]string
	files   []fileHeaders // for HeadersPerFile, by path
}

type fileHeaders struct {
	path    string
	headers [][2]string
}

// headerRules groups the files by route, in the route table's order, and
// checks that every file of a route got the same documented headers: the
// rule is then true of each.
func headerRules(files []file) ([]rule, error) {
	byRoute := map[ui.RouteName]*rule{}
	for _, f := range files {
		var hs [][2]string
		for _, name := range documented {
			if v := f.header.Get(name); v != "" {
				hs = append(hs, [2]string{name, v})
			}
		}
		r, seen := byRoute[f.Route.Name]
		if !seen {
			r = &rule{route: f.Route, headers: hs}
			byRoute[f.Route.Name] = r
		}
		switch {
		case f.Route.HeadersPerFile:
			r.files = append(r.files, fileHeaders{f.Path, hs})
		case !slices.Equal(r.headers, hs):
			return nil, fmt.Errorf("exporting %s: its headers differ from those of other %s", f.Path, f.Route.About)
		}
	}
	// Routes whose paths start alike (/embed/{slug}, /embed/{slug}/{card})
	// share one rule: a host matches paths by their start.
	var rules []rule
	byLocation := map[string]int{}
	for _, rt := range ui.Routes {
		r, ok := byRoute[rt.Name]
		if !ok {
			continue
		}
		slices.SortFunc(r.files, func(a, b fileHeaders) int { return strings.Compare(a.path, b.path) })
		loc := globPattern("", rt)
		if i, shared := byLocation[loc]; shared && !rt.HeadersPerFile {
			if !slices.Equal(rules[i].headers, r.headers) {
				return nil, fmt.Errorf("%s and %s share the paths %s but not their headers", rules[i].route.About, rt.About, loc)
			}
			rules[i].route.About += " and " + rt.About
			continue
		}
		byLocation[loc] = len(rules)
		rules = append(rules, *r)
	}
	return rules, nil
}

// globPattern is a route's pattern as _headers writes it: from its first
// wildcard on, "*".
func globPattern(prefix ui.Prefix, rt ui.Route) string {
	if !rt.HasParams() {
		return prefix.URL(rt.Pattern)
	}
	return prefix.URL(rt.Literal()) + "*"
}

// netlifyHeaders writes the rules in the _headers format of Netlify and
// Cloudflare Pages.
func netlifyHeaders(prefix ui.Prefix, rules []rule) []byte {
	var b bytes.Buffer
	b.WriteString("# The headers to send with this export, as backstory serve sends them\n# (the _headers format of Netlify and Cloudflare Pages; _nginx.conf has the\n# same for nginx). Each path matches one rule: none overlap.")
	if prefix != "" {
		fmt.Fprintf(&b, "\n# The site is under %s/: this file belongs at the host's root.", prefix)
	}
	b.WriteString("\n")
	header := func(pattern string, hs [][2]string) {
		b.WriteString(pattern + "\n")
		for _, h := range hs {
			fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
		}
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n# %s\n", r.route.About)
		if !r.route.HeadersPerFile {
			header(globPattern(prefix, r.route), r.headers)
			continue
		}
		for _, f := range r.files {
			header(prefix.URL(f.path), f.headers)
		}
	}
	return b.Bytes()
}

// nginxLocation is the location of a route's files: the exact path, or
// the literal start of its pattern.
func nginxLocation(prefix ui.Prefix, rt ui.Route) string {
	if !rt.HasParams() {
		return "= " + prefix.URL(rt.Pattern)
	}
	return prefix.URL(rt.Literal())
}

// wildcard matches a path segment in an alias's nginx location; slugs and
// page numbers have no dot, so "x.json" is never an alias.
var wildcard = regexp.MustCompile(`\{[^}]+\}`)

// nginxRedirect is the location of an alias route: its paths redirect to
// the route it names, with the same parameters.
func nginxRedirect(prefix ui.Prefix, alias ui.Route) string {
	to, _ := ui.LookupRoute(alias.RedirectTo)
	if !alias.HasParams() {
		return fmt.Sprintf("location = %s {\n\treturn 301 %s;\n}\n", prefix.URL(alias.Pattern), prefix.URL(to.Path()))
	}
	params := ui.Params{}
	pattern := prefix.URL(alias.Pattern)
	var re strings.Builder
	last := 0
	for i, m := range wildcard.FindAllStringIndex(pattern, -1) {
		params[pattern[m[0]+1:m[1]-1]] = fmt.Sprintf("$%d", i+1)
		re.WriteString(regexp.QuoteMeta(pattern[last:m[0]]) + "([^/.]+)")
		last = m[1]
	}
	re.WriteString(regexp.QuoteMeta(pattern[last:]))
	return fmt.Sprintf("location ~ \"^%s$\" {\n\treturn 301 %s;\n}\n", re.String(), prefix.URL(to.PathFrom(params)))
}

// nginxConf writes the rules as nginx locations, for a server block whose
// root is the export (or, under a prefix, the directory that holds the
// export as the prefix's directory: see deploy/nginx/backstory.conf).
func nginxConf(prefix ui.Prefix, rules []rule) []byte {
	index := prefix.URL(ui.IndexPath(1))
	notFound := prefix.URL(ui.PathOf(ui.RouteNotFound))
	var b bytes.Buffer
	b.WriteString("# Written by backstory export: this export's locations and the headers to\n# send, as backstory serve sends them. Include it in a server block whose root\n# is the export's directory")
	if prefix != "" {
		fmt.Fprintf(&b, " minus its prefix, %s (the export is the root's\n# .%s/ directory)", prefix, prefix)
	}
	b.WriteString("; see deploy/nginx/backstory.conf.\n\n")
	b.WriteString("charset utf-8;\ncharset_types text/css application/javascript application/json application/manifest+json image/svg+xml;\n")
	fmt.Fprintf(&b, "error_page 404 %s;\n\n", notFound)
	fmt.Fprintf(&b, "# The export's own files (_headers, _nginx.conf, .backstory-export).\nlocation ~ \"^%s/[._]\" {\n\treturn 404;\n}\n", regexp.QuoteMeta(string(prefix)))
	b.WriteString("\n# The addresses backstory serve redirects.\n")
	if prefix != "" {
		fmt.Fprintf(&b, "location = %s {\n\treturn 301 %s;\n}\n", prefix, index)
	}
	for _, rt := range ui.Routes {
		if rt.Static && rt.RedirectTo != "" {
			b.WriteString(nginxRedirect(prefix, rt))
		}
	}
	pageN, _ := ui.LookupRoute(ui.RouteIndexPage)
	location := func(loc string, rt ui.Route, hs [][2]string) {
		fmt.Fprintf(&b, "location %s {\n", loc)
		switch {
		case rt.Name == ui.RouteIndex:
			// The index's address as readers guess it: ?page=N.
			fmt.Fprintf(&b, "\tif ($arg_page ~ \"^0*1$\") {\n\t\treturn 301 %s;\n\t}\n", index)
			fmt.Fprintf(&b, "\tif ($arg_page ~ \"^0*([1-9][0-9]*)$\") {\n\t\treturn 301 %s;\n\t}\n", prefix.URL(pageN.Path("$1")))
			fmt.Fprintf(&b, "\ttry_files %sindex.html =404;\n", index)
		case rt.IsPage():
			b.WriteString("\ttry_files $uri $uri/index.html =404;\n")
		case rt.Status == 404:
			b.WriteString("\tinternal;\n")
		}
		if rt.ContentType != "" {
			fmt.Fprintf(&b, "\ttypes { }\n\tdefault_type %s;\n", rt.ContentType)
		}
		always := ""
		if rt.Status >= 400 {
			always = " always" // nginx adds headers to errors only if told
		}
		for _, h := range hs {
			fmt.Fprintf(&b, "\tadd_header %s %q%s;\n", h[0], h[1], always)
		}
		b.WriteString("}\n")
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n# %s\n", r.route.About)
		if !r.route.HeadersPerFile {
			location(nginxLocation(prefix, r.route), r.route, r.headers)
			continue
		}
		for _, f := range r.files {
			location("= "+prefix.URL(f.path), r.route, f.headers)
		}
	}
	return b.Bytes()
}
