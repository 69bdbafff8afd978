package export

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/content/markdown"
	"backstory/web"

	"golang.org/x/net/html"
)

// TestExportCarriesTheSitesBrand exports a publisher's site (its own
// name, colours and logo): every page and the manifest name it, none
// names backstory where a reader sees it, and the icons are its logo's.
func TestExportCarriesTheSitesBrand(t *testing.T) {
	const dir = "../e2e/testdata/brand"
	store, problems, err := markdown.NewParser().Load(os.DirFS(dir), dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("loading %s: %v %v", dir, err, problems)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Write(newServer(t, store), out, Options{}); err != nil {
		t.Fatal(err)
	}
	files := tree(t, out)
	pages := 0
	for name, body := range files {
		switch {
		case strings.HasSuffix(name, ".html"):
			pages++
			seen := readerSees(t, body)
			if strings.Contains(strings.ToLower(seen), "backstory") {
				t.Errorf("%s names backstory where a reader sees it:\n%s", name, seen)
			}
			if !strings.Contains(seen, "The Lantern") {
				t.Errorf("%s does not name the site", name)
			}
		case name == "manifest.webmanifest":
			for _, want := range []string{`"name": "The Lantern"`, `"short_name": "Lantern"`, `"theme_color": "#fff8f0"`} {
				if !bytes.Contains(body, []byte(want)) {
					t.Errorf("the manifest lacks %s", want)
				}
			}
		}
	}
	if pages < 6 {
		t.Errorf("only %d pages exported", pages)
	}
	for _, icon := range []string{"icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png"} {
		builtIn, err := fs.ReadFile(web.Static(), "icons/"+icon)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := files["web/icons/"+icon]
		if !ok || bytes.Equal(got, builtIn) {
			t.Errorf("web/icons/%s is missing or backstory's own", icon)
		}
	}
}

// readerSees is the text of a page and the attributes a reader, a
// browser or a link preview shows: titles, labels, alternative texts and
// <meta> contents.
func readerSees(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data + "\n")
		}
		for _, a := range n.Attr {
			if a.Key == "title" || a.Key == "aria-label" || a.Key == "alt" || (n.Data == "meta" && a.Key == "content") {
				b.WriteString(a.Val + "\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}
