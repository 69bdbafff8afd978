package prerender

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

type wrapper struct {
	app.Compo
	Title string
}

func (w *wrapper) Render() app.UI {
	return app.Section().Title(w.Title).Body(app.Text("in a component"), app.Em().Text("!"))
}

func TestRender(t *testing.T) {
	hostile := `x" onmouseover="alert(1)" data-x="\ & <b> ` + "\u00a0é\n\t"
	tests := []struct {
		name string
		ui   app.UI
		want string
	}{
		{"empty", app.P(), `<p></p>`},
		{"one text", app.P().Text("a < b & c"), `<p>a &lt; b &amp; c</p>`},
		{"inline without spaces", app.P().Body(app.Text("foo"), app.Em().Text("bar"), app.Text(".")), `<p>foo<em>bar</em>.</p>`},
		{"inline with spaces", app.P().Body(app.Text("a "), app.Strong().Text("b"), app.Text(" c")), `<p>a <strong>b</strong> c</p>`},
		{"adjacent texts", app.P().Body(app.Text("a"), app.Text(""), app.Text("b")), `<p>ab</p>`},
		{"deep", app.Div().Body(app.Ul().Body(app.Li().Body(app.P().Body(app.Code().Text("x"), app.Text(" y"))))), `<div><ul><li><p><code>x</code> y</p></li></ul></div>`},
		{"void", app.P().Body(app.Text("a"), app.Br(), app.Img().Src("/i.png").Alt("i"), app.Text("b")), `<p>a<br><img alt="i" src="/i.png">b</p>`},
		{"sorted attributes", app.A().Href("/x").ID("i").Class("c").DataSet("card-ref", "one"), `<a class="c" data-card-ref="one" href="/x" id="i"></a>`},
		{"boolean", app.Details().Open(true).Body(app.Summary().Text("s")), `<details open><summary>s</summary></details>`},
		{"hostile attribute", app.A().Title(hostile).Href("https://e.com/?q=\"\\"), `<a href="https://e.com/?q=&#34;\" title="x&#34; onmouseover=&#34;alert(1)&#34; data-x=&#34;\ &amp; &lt;b&gt; ` + "\u00a0" + `é"></a>`},
		{"code keeps its lines", app.Pre().Body(app.Code().Text("a\n  b\n")), "<pre><code>a\n  b\n</code></pre>"},
		{"component", app.Div().Body(&wrapper{Title: `"q"`}, app.Text("after")), `<div><section title="&#34;q&#34;">in a component<em>!</em></section>after</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(tt.ui)
			if err != nil {
				t.Fatalf("Render: %v\ngo-app wrote:\n%s", err, app.HTMLString(tt.ui))
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestHostileAttributeStaysInside parses the output with an HTML parser:
// whatever the value, it is one attribute holding exactly that value.
func TestHostileAttributeStaysInside(t *testing.T) {
	for _, v := range []string{`"`, `\"`, `" onload="x`, `\" onload=\"x`, "\\", "\x00", `'`, "</p><script>", "\u2028"} {
		out, err := Render(app.Img().Alt(v).Src("/a.png"))
		if err != nil {
			t.Fatalf("%q: %v", v, err)
		}
		doc, err := html.Parse(strings.NewReader(string(out)))
		if err != nil {
			t.Fatal(err)
		}
		// go-app trims attribute values and drops empty ones.
		want := strings.TrimSpace(strings.ReplaceAll(v, "\x00", "\ufffd"))
		attrs := 2
		if want == "" {
			attrs = 1
		}
		img := find(doc, "img")
		if img == nil || len(img.Attr) != attrs {
			t.Fatalf("%q: want one img with %d attributes, got %s", v, attrs, out)
		}
		for _, a := range img.Attr {
			if a.Key == "alt" && a.Val != want {
				t.Errorf("alt = %q, want %q (html %s)", a.Val, want, out)
			}
		}
	}
}

func TestBareARIAIsAnError(t *testing.T) {
	if _, err := Render(app.A().Aria("expanded", true)); err == nil {
		t.Error(`aria-expanded="true" rendered without an error, but the server cannot write it faithfully`)
	}
}

func find(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, tag); f != nil {
			return f
		}
	}
	return nil
}
