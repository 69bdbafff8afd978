package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// simpleYAMLSeeds are front matters on the edge of simpleYAML's subset.
var simpleYAMLSeeds = []string{
	"title: x\n",
	"title: x",
	"\n\ntitle: x\n\nslug: y\n",
	"title:   spaced\n",
	"title: x \n",
	"title:\n",
	"title: \n",
	"title : x\n",
	"title:x\n",
	"  title: x\n",
	"title: x\n  more\n",
	"title: x\n\n  more\n",
	"title: x\nmore\n",
	"title: a: b\n",
	"title: a:b\n",
	"title: a:\n",
	"title: a #b\n",
	"title: a#b\n",
	"title: # comment\n",
	"# comment\ntitle: x\n",
	"title: -x\n",
	"title: - x\n",
	"title: ?x\n",
	"title: &a x\n",
	"title: *a\n",
	"title: !!str x\n",
	"title: |\n  x\n",
	"title: >\n  x\n",
	"title: {a: b}\n",
	"title: a [b] {c}, d\n",
	"title: China's \"progress\" and 'more'\n",
	"title: \"Every key: a test\"\n",
	"title: \"a \\\" b\"\n",
	"title: \"a\" b\n",
	"title: \"\"\n",
	"title: 'it''s'\n",
	"title: 'it'\n",
	"title: ''\n",
	"title: \"  padded  \"\n",
	"tags: [a, b, c]\n",
	"tags: [a,b]\n",
	"tags: [ a , b ]\n",
	"tags: []\n",
	"tags: [ ]\n",
	"tags: [a, ]\n",
	"tags: [a,, b]\n",
	"tags: [a] x\n",
	"tags: [a b, c  d]\n",
	"tags: [one, \"two words\", 'three']\n",
	"tags: [\"a\"b]\n",
	"tags: [a:b]\n",
	"tags: [a#b]\n",
	"tags: [a, [b]]\n",
	"tags: [é,  ü x , z]\n",
	"tags: [-a]\n",
	"tags: [a\n",
	"title: Ünïcödé\ndek: ü\u00a0ä\n",
	"title: 中文标题\ntags: [中国, 美国]\n",
	"title: a\tb\n",
	"title: a\r\n",
	"title: \u0085\n",
	"title: a\u2028b\n",
	"title: \ufeffa\n",
	"title: a\x00b\n",
	"title: a\x7fb\n",
	"published: 2023-06-19\nupdated: 2023-06-20T09:30:00+02:00\n",
	"a: b\na: c\n",
	"yes: no\nnull: ~\n",
	"a-b_c: d\n",
	"---\n",
	"...\n",
	"%YAML 1.2\n",
}

// FuzzSimpleYAML checks simpleYAML against the YAML library: whatever it
// reads, yaml.Unmarshal reads without error into the same tree.
func FuzzSimpleYAML(f *testing.F) {
	for _, s := range simpleYAMLSeeds {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob("testdata/*/*.md")
	files = append(files, filepath.Join("..", "articles", "blinken-meets-xi.md"), filepath.Join("..", "articles", "how-to-write.md"))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if _, rest, ok := bytes.Cut(src, []byte("---\n")); ok {
			fm, _, _ := bytes.Cut(rest, []byte("\n---"))
			f.Add(append(fm, '\n'))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got yaml.Node
		if !simpleYAML(data, &got) {
			return
		}
		var want yaml.Node
		if err := yaml.Unmarshal(data, &want); err != nil {
			t.Fatalf("simpleYAML read %q, which YAML refuses: %v", data, err)
		}
		if g, w := nodeTree(&got), nodeTree(&want); g != w {
			t.Fatalf("simpleYAML read %q as\n%s\nYAML reads it as\n%s", data, g, w)
		}
	})
}

// TestSimpleYAMLReads checks that the subset covers what articles write.
func TestSimpleYAMLReads(t *testing.T) {
	for _, s := range []string{
		"title: x\n",
		"title: \"Every key: a test\"\ntags: [one, \"two words\"]\n\nlang: en\n",
		"title: 中文标题\ntags: [中国, 美国]\n",
	} {
		var n yaml.Node
		if !simpleYAML([]byte(s), &n) {
			t.Errorf("simpleYAML leaves %q to the YAML library", s)
		}
	}
	front := func(file string) []byte {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := bytes.Cut(src, []byte("---\n"))
		fm, _, _ := bytes.Cut(rest, []byte("\n---"))
		return append(fm, '\n')
	}
	for _, file := range []string{"blinken-meets-xi.md", "how-to-write.md"} {
		var n yaml.Node
		if fm := front(filepath.Join("..", "articles", file)); !simpleYAML(fm, &n) {
			t.Errorf("simpleYAML leaves the front matter of %s to the YAML library:\n%s", file, fm)
		}
	}
}

// nodeTree shows a YAML tree: its nodes' kinds, styles, tags, values and
// places.
func nodeTree(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%s%d %d %s %q %d:%d\n", strings.Repeat("  ", depth), n.Kind, n.Style, n.ShortTag(), n.Value, n.Line, n.Column)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}
