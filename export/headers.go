package export

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	ui "backstory/app"
	"backstory/server"
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

// class is a kind of path that shares its headers, as a host names it.
type class struct {
	name string
	// patterns are its paths in _headers (Netlify, Cloudflare Pages); nil
	// to list each of its files, as for assets, whose patterns would
	// overlap.
	patterns []string
	// location is its nginx location; page says whether it is served from
	// path/index.html; types overrides nginx's type for the class.
	location string
	page     bool
	types    string
}

// classes, in the order hosts see them. Regular-expression locations
// come in nginx in the order given.
var classes = []class{
	{name: "the index", patterns: []string{"/"}, location: "= /", page: true},
	{name: "the index's other pages", patterns: []string{"/page/*"}, location: "/page/", page: true},
	{name: "articles", patterns: []string{"/articles/*"}, location: "/articles/", page: true},
	{name: "the offline page", patterns: []string{"/offline"}, location: "= /offline", page: true},
	{name: "the not-found page", patterns: []string{"/404.html"}, location: "= /404.html"},
	{name: "embeds", patterns: []string{"/embed/*"}, location: "/embed/", page: true},
	{name: "JSON", patterns: []string{"/api/*"}, location: "/api/"},
	{name: "oEmbed answers", patterns: []string{"/oembed/*"}, location: "/oembed/"},
	{name: "the embed script", patterns: []string{"/embed.js"}, location: "= /embed.js"},
	{name: "the service worker", patterns: []string{"/sw.js"}, location: "= /sw.js"},
	{name: "the manifest", patterns: []string{"/manifest.webmanifest"}, location: "= /manifest.webmanifest", types: "application/manifest+json"},
	{name: "assets by plain name", location: "/web/"},
	{name: "assets by versioned name", location: `~ "^/web/.+\.[0-9a-f]{10}\.[^./]+$"`},
}

var versioned = regexp.MustCompile(`^/web/.+\.[0-9a-f]{10}\.[^./]+$`)

// classOf returns the index in classes of p's class.
func classOf(p string) int {
	name := ""
	switch _, article := ui.ArticleSlug(p); {
	case p == ui.PathIndex:
		name = "the index"
	case strings.HasPrefix(p, ui.PathIndexPrefix):
		name = "the index's other pages"
	case article:
		name = "articles"
	case p == ui.PathOffline:
		name = "the offline page"
	case p == server.NotFoundPath:
		name = "the not-found page"
	case strings.HasPrefix(p, ui.PathEmbedPrefix):
		name = "embeds"
	case strings.HasPrefix(p, "/api/"):
		name = "JSON"
	case strings.HasPrefix(p, "/oembed/"):
		name = "oEmbed answers"
	case p == "/embed.js":
		name = "the embed script"
	case p == "/sw.js":
		name = "the service worker"
	case p == "/manifest.webmanifest":
		name = "the manifest"
	case versioned.MatchString(p):
		name = "assets by versioned name"
	case strings.HasPrefix(p, "/web/"):
		name = "assets by plain name"
	}
	return slices.IndexFunc(classes, func(c class) bool { return c.name == name })
}

// rule is a class with the headers all its paths were sent and, for
// classes without patterns, its paths.
type rule struct {
	class
	headers [][2]string
	files   []string
}

// headerRules groups the files by class and checks that every file of a
// class got the same documented headers: the rules are then true of each.
func headerRules(files []file) ([]rule, error) {
	rules := make([]rule, len(classes))
	seen := make([]bool, len(classes))
	for _, f := range files {
		i := classOf(f.path)
		if i < 0 {
			return nil, fmt.Errorf("exporting %s: no class of path knows its headers", f.path)
		}
		var hs [][2]string
		for _, name := range documented {
			if v := f.header.Get(name); v != "" {
				hs = append(hs, [2]string{name, v})
			}
		}
		switch {
		case !seen[i]:
			rules[i] = rule{class: classes[i], headers: hs}
			seen[i] = true
		case !slices.Equal(rules[i].headers, hs):
			return nil, fmt.Errorf("exporting %s: its headers differ from those of other %s", f.path, classes[i].name)
		}
		if classes[i].patterns == nil {
			rules[i].files = append(rules[i].files, f.path)
		}
	}
	var used []rule
	for i, r := range rules {
		if seen[i] {
			slices.Sort(r.files)
			used = append(used, r)
		}
	}
	return used, nil
}

// netlifyHeaders writes the rules in the _headers format of Netlify and
// Cloudflare Pages.
func netlifyHeaders(rules []rule) []byte {
	var b bytes.Buffer
	b.WriteString("# The headers to send with this export, as backstory serve sends them\n# (the _headers format of Netlify and Cloudflare Pages; _nginx.conf has the\n# same for nginx). Each path matches one rule: none overlap.\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "\n# %s\n", r.name)
		patterns := r.patterns
		if patterns == nil {
			patterns = r.files
		}
		for _, p := range patterns {
			b.WriteString(p + "\n")
			for _, h := range r.headers {
				fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
			}
		}
	}
	return b.Bytes()
}

// redirects are the addresses backstory serve redirects, as nginx
// locations: the index's page 1, and the JSON without .json. The index's
// own location redirects /?page=N.
const redirects = `
# The addresses backstory serve redirects.
location = /page/1 {
	return 301 /;
}
location = /api/articles {
	return 301 /api/articles.json;
}
location ~ "^/api/articles/([a-z0-9-]+)$" {
	return 301 /api/articles/$1.json;
}
`

// nginxConf writes the rules as nginx locations, for a server block whose
// root is the export (see deploy/nginx/backstory.conf).
func nginxConf(rules []rule) []byte {
	var b bytes.Buffer
	b.WriteString("# Written by backstory export: this export's locations and the headers to\n# send, as backstory serve sends them. Include it in a server block whose root\n# is the export; see deploy/nginx/backstory.conf.\n\n")
	b.WriteString("charset utf-8;\ncharset_types text/css application/javascript application/json application/manifest+json image/svg+xml;\nerror_page 404 /404.html;\n\n")
	b.WriteString("# The export's own files (_headers, _nginx.conf, .backstory-export).\nlocation ~ \"^/[._]\" {\n\treturn 404;\n}\n")
	b.WriteString(redirects)
	for _, r := range rules {
		fmt.Fprintf(&b, "\n# %s\nlocation %s {\n", r.name, r.location)
		switch {
		case r.location == "= /":
			b.WriteString("\tif ($arg_page ~ \"^0*1$\") {\n\t\treturn 301 /;\n\t}\n")
			b.WriteString("\tif ($arg_page ~ \"^0*([1-9][0-9]*)$\") {\n\t\treturn 301 /page/$1;\n\t}\n")
			b.WriteString("\ttry_files /index.html =404;\n")
		case r.page:
			b.WriteString("\ttry_files $uri $uri/index.html =404;\n")
		case r.name == "the not-found page":
			b.WriteString("\tinternal;\n")
		}
		if r.types != "" {
			fmt.Fprintf(&b, "\ttypes { }\n\tdefault_type %s;\n", r.types)
		}
		always := ""
		if r.name == "the not-found page" {
			always = " always"
		}
		for _, h := range r.headers {
			fmt.Fprintf(&b, "\tadd_header %s %q%s;\n", h[0], h[1], always)
		}
		b.WriteString("}\n")
	}
	return b.Bytes()
}
