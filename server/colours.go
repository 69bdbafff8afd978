package server

import (
	"backstory/content"
	"backstory/internal/colour"
)

// colourCSS is the stylesheet that gives pages the site's accent, on the
// light theme and the dark one, with text on it in the colour that reads
// best; "" for backstory's own colours, which app.css has.
func colourCSS(settings content.Site) string {
	def := content.DefaultSite()
	if settings.Accent == def.Accent && settings.AccentDark == def.AccentDark {
		return ""
	}
	vars := func(accent string) string {
		c, err := colour.Parse(accent)
		if err != nil {
			return "" // the settings' check refused it already
		}
		return "--accent:" + c.String() + ";--accent-fg:" + colour.OnAccent(c).String()
	}
	light, dark := vars(settings.Accent), vars(settings.AccentDark)
	return ":root{" + light + "}" +
		`:root[data-theme="dark"]{` + dark + "}" +
		`@media (prefers-color-scheme: dark){:root:not([data-theme="light"]){` + dark + "}}"
}
