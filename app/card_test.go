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
		v := &ArticleView{Article: a}
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
	v := &ArticleView{Article: a}
	if err := e.Load(v); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	want := el("details", attrs{"id", "x", "class", "card card-background pull wide", "data-card", "background"}).On("toggle", noop)
	if err := app.Match(want, v, 0, 1, 0); err != nil {
		t.Error(err)
	}
}
