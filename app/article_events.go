package app

import (
	"cmp"

	"backstory/content"
	"backstory/i18n"
	"backstory/internal/embedcode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// onClick handles, for the whole article, taps on card references, on
// "Share quote" and on the card tools.
func (v *ArticleView) onClick(ctx app.Context, e app.Event) {
	if ref, id, ok := closestData(e, "[data-card-ref]", "cardRef"); ok {
		// go-app follows every link itself (window.onclick); this one is
		// ours, so it must not.
		e.PreventDefault()
		safely(func() { e.Call("stopPropagation") })
		at := refPlace{Block: dataInt(ref, "from"), InCard: dataString(ref, "inCard")}
		v.tapRef(ctx, id, at)
		return
	}
	if _, id, ok := closestData(e, "[data-share]", "share"); ok {
		v.share(ctx, id)
		return
	}
	if _, id, ok := closestData(e, "[data-embed-card]", "embedCard"); ok {
		v.copyEmbed(ctx, id)
		return
	}
	if _, action, ok := closestData(e, "[data-action]", "action"); ok {
		v.state.setAll(v.plan, action == "expand-all")
		if action == "collapse-all" {
			replaceHash("")
		}
	}
}

func (v *ArticleView) tapRef(ctx app.Context, id string, at refPlace) {
	open := v.state.tapRef(v.plan, id, at)
	v.syncHash(id, open)
	if open {
		ctx.Defer(func(app.Context) { revealCard(id) })
	}
}

// onToggle keeps the state true to a card the reader opened or closed
// natively, by its summary.
func (v *ArticleView) onToggle(ctx app.Context, e app.Event) {
	var id string
	var open bool
	safely(func() {
		el := e.Get("currentTarget")
		id, open = el.Get("id").String(), el.Get("open").Bool()
	})
	if id == "" || v.state.open[id] == open {
		ctx.PreventUpdate()
		return
	}
	if open {
		v.state.open[id] = true
	} else {
		delete(v.state.open, id)
	}
	v.syncHash(id, open)
}

// syncHash puts the id of the card just opened in the URL, so that sharing
// the URL shares the open card, and takes it out when that card closes.
func (v *ArticleView) syncHash(id string, open bool) {
	switch {
	case open:
		replaceHash(id)
	case locationHash() == id:
		replaceHash("")
	}
}

// openDeepLink opens the card a URL's fragment names and scrolls to it.
func (v *ArticleView) openDeepLink(ctx app.Context, id string) {
	if _, ok := v.plan.home[id]; !ok {
		return
	}
	v.state.open[id] = true
	ctx.Defer(func(app.Context) {
		safely(func() { document().Call("getElementById", id).Call("scrollIntoView", map[string]any{"block": "start"}) })
	})
}

// share shares a card's link, and says what happened in the card. In an
// embed whose host page links to its cards, the link is the host page's.
func (v *ArticleView) share(ctx app.Context, id string) {
	c, ok := v.Article.Card(id)
	if !ok {
		return
	}
	url := siteURL(v.Prefix.URL(ArticlePath(v.Article.Slug))) + "#" + id
	if v.Embedded {
		url = cmp.Or(hostCardLink(id), url)
	}
	text := c.Label()
	if spec, _ := content.LookupCardKind(c.Kind); spec.Quoted {
		text = c.By + ": " + i18n.Quote(cmp.Or(c.Lang, v.Article.Lang), teaser(content.PlainText(firstText(c.Blocks)), 200))
	}
	w := v.Words
	shareLink(url, v.Article.Title, text, func(result string) {
		v.note(ctx, id, map[string]string{"shared": w.T("share_done"), "copied": w.T("share_copied")}[result], w.T("share_failed", "url", url))
	})
}

// copyEmbed copies the code that embeds a card on another site.
func (v *ArticleView) copyEmbed(ctx app.Context, id string) {
	c, ok := v.Article.Card(id)
	if !ok {
		return
	}
	snippet := embedcode.Snippet(embedcode.Embed{
		URL:    siteURL(v.Prefix.URL(CardEmbedPath(v.Article.Slug, id))),
		Title:  CardEmbedTitle(v.Words, c),
		Script: siteURL(v.Prefix.URL(PathOf(RouteEmbedScript))),
		Height: func(w int) int { return embedcode.CardHeight(v.Article, id, w, true) },
	})
	copyText(snippet, func(result string) {
		v.note(ctx, id, map[string]string{"copied": v.Words.T("embed_copied")}[result], v.Words.T("embed_failed"))
	})
}

// note says in a card what became of what the reader asked; failed when
// ok is "".
func (v *ArticleView) note(ctx app.Context, id, ok, failed string) {
	ctx.Dispatch(func(app.Context) { v.notes[id] = cmp.Or(ok, failed) })
}
