package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Cards is the goldmark extension for card directives.
var Cards goldmark.Extender = cardExtension{}

type cardExtension struct{}

// Extend adds the card parser. No other block parser triggers on ':', so its
// priority only has to sit among the fenced-code (700) and block-quote (800)
// parsers it resembles; 750 says so.
func (cardExtension) Extend(md goldmark.Markdown) {
	md.Parser().AddOptions(parser.WithBlockParsers(
		util.Prioritized(&cardParser{}, 750),
	))
}
