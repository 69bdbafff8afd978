package app

import (
	"testing"

	"backstory/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestEveryCardKindRenders: each declared kind has a renderer, and renders
// as itself; a kind without one renders as nothing, never as another kind.
func TestEveryCardKindRenders(t *testing.T) {
	kinds := append([]content.CardSpec{}, content.CardKinds...)
	kinds = append(kinds, content.CardSpec{Kind: "gallery"}) // undeclared, unrendered
	for _, spec := range kinds {
		_, declared := content.LookupCardKind(spec.Kind)
		if _, ok := cardRendererOf(spec.Kind); ok != declared {
			t.Errorf("the kind %q: declared %t, has a renderer %t", spec.Kind, declared, ok)
		}
		a := article("c:x")
		a.Cards[0].Kind, a.Cards[0].Title, a.Cards[0].By = spec.Kind, "A title", "Someone"
		e := app.NewTestEngine()
		v := &ArticleView{Article: a, Words: wordsIn(t, "en")}
		if err := e.Load(v); err != nil {
			t.Fatal(err)
		}
		e.ConsumeAll()
		want := el("details", attrs{"id", "x", "class", "card card-" + string(spec.Kind), "data-card", string(spec.Kind)}).On("toggle", noop)
		if !declared {
			want = el("div", attrs{"class", "card-unknown", "hidden", "true"})
		}
		if err := app.Match(want, v, 0, 1, 0); err != nil {
			t.Errorf("the kind %q: %v", spec.Kind, err)
		}
		if declared {
			if err := app.Match(textEl("span", "card-kind", spec.Name), v, 0, 1, 0, 0, 0); err != nil {
				t.Errorf("the kind %q is not called %q: %v", spec.Kind, spec.Name, err)
			}
		}
	}
}

// TestCardClasses: a card's classes ({.pull}) follow its own.
func TestCardClasses(t *testing.T) {
	a := article("c:x")
	a.Cards[0].Classes = []string{"pull", "wide"}
	e := app.NewTestEngine()
	v := &ArticleView{Article: a, Words: wordsIn(t, "en")}
	if err := e.Load(v); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	want := el("details", attrs{"id", "x", "class", "card card-background pull wide", "data-card", "background"}).On("toggle", noop)
	if err := app.Match(want, v, 0, 1, 0); err != nil {
		t.Error(err)
	}
}

// TestCardTitles: a card's summary names it by its title's inline content
// when the title has formatting, else by its title or a quote's speaker, as
// text; in the article and in a single-card embed alike.
func TestCardTitles(t *testing.T) {
	txt := func(s string) content.Inline { return content.Inline{Kind: content.InlineText, Text: s} }
	formatted := []content.Inline{txt("The "), {Kind: content.InlineEmphasis, Children: []content.Inline{txt("One China")}}, txt(" principle, "), {Kind: content.InlineCode, Text: "code"}}
	tests := []struct {
		name  string
		card  content.Card
		title []app.UI // the children of <span class="card-title">
	}{
		{"a plain title", content.Card{Kind: content.CardBackground, Title: "The One China principle"},
			[]app.UI{app.Text("The One China principle")}},
		{"a formatted title", content.Card{Kind: content.CardBackground, Title: "The One China principle, code", TitleText: formatted},
			[]app.UI{app.Text("The "), el("em", nil), app.Text(" principle, "), textEl("code", "", "code")}},
		{"a quote without a title", content.Card{Kind: content.CardQuote, By: "Wang Yi"},
			[]app.UI{app.Text("Wang Yi")}},
		{"a quote with a formatted title", content.Card{Kind: content.CardQuote, By: "Wang Yi", Title: "The One China principle, code", TitleText: formatted},
			[]app.UI{app.Text("The "), el("em", nil), app.Text(" principle, "), textEl("code", "", "code")}},
	}
	for _, tt := range tests {
		for _, single := range []bool{false, true} {
			a := article("c:x")
			tt.card.ID, tt.card.Blocks = "x", a.Cards[0].Blocks
			a.Cards[0] = tt.card
			v := &ArticleView{Article: a, Words: wordsIn(t, "en")}
			summary := []int{0, 1, 0, 0} // article, body, details, summary
			if single {
				v.Card, v.Embedded = "x", true
				summary = []int{0, 0, 0} // article, details, summary
			}
			e := app.NewTestEngine()
			if err := e.Load(v); err != nil {
				t.Fatal(err)
			}
			e.ConsumeAll()
			span := append(summary, 2)
			if err := app.Match(el("span", attrs{"class", "card-title"}), v, span...); err != nil {
				t.Errorf("%s (single %t): %v", tt.name, single, err)
				continue
			}
			for i, want := range tt.title {
				if err := app.Match(want, v, append(span, i)...); err != nil {
					t.Errorf("%s (single %t): child %d: %v", tt.name, single, i, err)
				}
			}
			if err := app.Match(app.Text("One China"), v, append(span, 1, 0)...); len(tt.card.TitleText) > 0 && err != nil {
				t.Errorf("%s (single %t): the emphasis: %v", tt.name, single, err)
			}
		}
	}
}
