// Package embedcode is what publishers paste to embed an article or a
// card: the snippet for /embed.js, with its guess of the embed's height at
// several widths, so that the host page keeps the room the embed takes.
package embedcode

import (
	"math"
	"unicode/utf8"

	"backstory/content"
)

// The embed's layout, in CSS pixels, from web/static/app.css: what
// ArticleHeight and CardHeight need to guess how tall an embed is with every card
// closed. A test compares its guesses with Chromium's layout.
const (
	rootFont      = 16.0
	sidePadding   = 2 * 20.0 // div.embed padding: 0 1.25rem
	narrowPadding = 2 * 12.0 // 0.75rem below narrowScreen
	narrowScreen  = 480      // @media (max-width: 29.99rem)
	measureCh     = 65       // max-width: 65ch (+ the padding)
	chPerEm       = 0.5      // a digit's width, in em, in the serif
	serifCharEm   = 0.42     // an average character's width, in em, in the serif
	sansCharEm    = 0.53     // the same in the sans-serif
	wideScreen    = 768      // @media (min-width: 48rem)
	paraGap       = 1.1 * rootFont
	summaryPadV   = 2 * 0.6 * rootFont
	summaryPadH   = 1*rootFont + 2.5*rootFont
	cardBorder    = 2
	headerTop     = 2 * rootFont
	headerTopWide = 3 * rootFont
	headerBottom  = 0.5 * rootFont
	footerHeight  = 2*rootFont + 44 // .embed-footer: padding, a 44 px link
	cardPadding   = 2 * 4.0         // div.embed-card padding: 0.25rem
	cardInnerH    = 2 * rootFont    // .card-body padding: 0 1rem
	smallLine     = 0.875 * rootFont * 1.6
)

// textHeight is the height of text of n characters set at font px, with
// charEm the average width of a character, in lines of lineHeight times the
// font, in width px.
func textHeight(n int, font, charEm, lineHeight, width float64) float64 {
	if n == 0 {
		return 0
	}
	perLine := math.Max(1, math.Floor(width/(font*charEm)))
	lines := math.Ceil(float64(n) * 1.04 / perLine) // words do not fill lines
	return lines * font * lineHeight
}

// ArticleHeight guesses the height of an article's embed, every card
// closed, in an iframe width px wide.
func ArticleHeight(a *content.Article, width int) int {
	w := float64(width)
	body := 18.0
	top := headerTop
	if width >= wideScreen {
		body, top = 19, headerTopWide
	}
	padding := sidePadding
	if width < narrowScreen {
		padding = narrowPadding
	}
	content := math.Min(w-padding, measureCh*chPerEm*body)
	h := top + headerBottom
	headline := math.Min(math.Max(1.75*rootFont, 0.06*w), 2.6*rootFont)
	h += textHeight(utf8.RuneCountInString(a.Title), headline, serifCharEm*1.05, 1.15, content) + 0.75*rootFont
	if a.Dek != "" {
		h += textHeight(utf8.RuneCountInString(a.Dek), 1.2*rootFont, serifCharEm, 1.45, content) + rootFont
	}
	h += 0.875*rootFont*1.6 + rootFont // the meta line
	e := estimator{article: a, body: body}
	h += e.blocks(a.Blocks, content, true)
	return int(math.Ceil(h + footerHeight))
}

type estimator struct {
	article *content.Article
	body    float64
}

func (e estimator) blocks(blocks []content.Block, width float64, top bool) float64 {
	h := 0.0
	for _, b := range blocks {
		h += e.block(b, width, top)
	}
	return h
}

func (e estimator) block(b content.Block, width float64, top bool) float64 {
	chars := func(runs []content.Inline) int { return utf8.RuneCountInString(content.PlainText(runs)) }
	switch b.Kind {
	case content.BlockParagraph:
		return textHeight(chars(b.Text), e.body, serifCharEm, 1.6, width) + paraGap
	case content.BlockHeading:
		font := 1.45 * rootFont
		if b.Level > 2 {
			font = 1.2 * rootFont
		}
		return 2*rootFont + textHeight(chars(b.Text), font, serifCharEm*1.05, 1.25, width) + 0.75*rootFont
	case content.BlockList:
		h := paraGap
		for _, item := range b.Items {
			for _, c := range item {
				if c.Kind == content.BlockParagraph {
					h += textHeight(chars(c.Text), e.body, serifCharEm, 1.6, width-40)
					if !b.Tight {
						h += paraGap
					}
					continue
				}
				h += e.block(c, width-40, false)
			}
		}
		return h
	case content.BlockQuote:
		return e.blocks(b.Blocks, width-19, false) + paraGap
	case content.BlockCode:
		lines := 1
		for _, c := range b.Code {
			if c == '\n' {
				lines++
			}
		}
		return float64(lines)*0.9*e.body*1.45 + 2*0.9*rootFont + paraGap
	case content.BlockImage:
		return width*9/16 + paraGap
	case content.BlockRule:
		return 4*rootFont + 1
	case content.BlockTable:
		if b.Table == nil {
			return 0
		}
		return float64(len(b.Table.Rows)+1)*(0.95*rootFont*1.6+0.8*rootFont) + paraGap
	case content.BlockCard:
		return e.card(b.ID, width)
	}
	return 0
}

// CardHeight guesses the height of a single-card embed, its card open or
// closed, in an iframe width px wide. It returns 0 for a card a has not.
func CardHeight(a *content.Article, id string, width int, open bool) int {
	c, ok := a.Card(id)
	if !ok {
		return 0
	}
	w := float64(width) - cardPadding
	e := estimator{article: a, body: 18}
	h := cardPadding + e.card(id, w) - paraGap + 0.5*rootFont // the card, its margin
	h += textHeight(len("From ")+utf8.RuneCountInString(a.Title), 0.875*rootFont, sansCharEm, 1.6, w) + 0.75*rootFont
	if !open {
		return int(math.Ceil(h))
	}
	inner := w - cardInnerH - cardBorder
	spec, _ := content.LookupCardKind(c.Kind)
	if spec.Quoted {
		h -= textHeight(62, 0.95*rootFont, serifCharEm, 1.4, w-summaryPadH) // the teaser hides
		e.body = 1.15 * 18
		h += 0.75*rootFont + e.blocks(c.Blocks, inner, false)
		credit := utf8.RuneCountInString(c.By + ", " + c.Role)
		h += textHeight(credit, 0.875*rootFont, sansCharEm, 1.6, inner) + smallLine // who, where
		return int(math.Ceil(h + 44 + 1.25*rootFont))                               // "Share quote"
	}
	if spec.Events {
		return int(math.Ceil(h + e.timeline(c.Events, inner) + 0.25*rootFont))
	}
	return int(math.Ceil(h + e.blocks(c.Blocks, inner, false) - paraGap + 0.75*rootFont + 0.25*rootFont))
}

// timeline is the height of a timeline's list (ol.timeline, its margins
// 0.25rem and 0.75rem): each entry its date on a line of its own, then its
// text, set in from the line and the dots by 1.5rem, entries 0.75rem apart.
func (e estimator) timeline(events []content.TimelineEvent, width float64) float64 {
	h := 0.25*rootFont + 0.75*rootFont
	for i, ev := range events {
		h += smallLine + e.blocks(ev.Blocks, width-1.5*rootFont, false) - paraGap
		if i < len(events)-1 {
			h += 0.75 * rootFont
		}
	}
	return h
}

// card is the height of a closed card: its summary.
func (e estimator) card(id string, width float64) float64 {
	c, ok := e.article.Card(id)
	if !ok {
		return 0
	}
	font := 0.95 * rootFont
	line := font * 1.4
	inner := width - summaryPadH
	kind := 10 + 7*0.75*rootFont*sansCharEm*1.2 // "BACKGROUND", small caps, spaced
	title := textHeight(utf8.RuneCountInString(c.Label()), font, sansCharEm*1.1, 1.4, inner)
	if float64(utf8.RuneCountInString(c.Label()))*font*sansCharEm*1.1+kind > inner {
		title += line // the title wraps below the kind
	}
	h := title
	if spec, _ := content.LookupCardKind(c.Kind); spec.Quoted {
		h += textHeight(62, font, serifCharEm, 1.4, inner) // the teaser, about 60 characters
	}
	return math.Max(44, h+summaryPadV) + cardBorder + paraGap
}
