package content

// SiteFile is the name of the site's settings file, next to the articles.
const SiteFile = "site.yaml"

// Site is a publisher's settings for the whole site: its name and words,
// its colours and logo, who publishes it. The zero value is not useful:
// start from DefaultSite, which a missing settings file means.
type Site struct {
	// Name is the site's name; ShortName the one under an installed
	// app's icon (Name if empty).
	Name      string `json:"name"`
	ShortName string `json:"shortName,omitempty"`
	// Tagline says what the site is, after its name.
	Tagline string `json:"tagline,omitempty"`
	// Lang is the site's language, a BCP 47 tag: the language of the
	// index and of articles that name none. Dir is its direction.
	Lang string `json:"lang"`
	Dir  string `json:"dir"`
	// Accent is the colour of links and controls, as CSS hex (#0b5cad);
	// AccentDark the same on the dark theme (derived from Accent if
	// empty).
	Accent     string `json:"accent"`
	AccentDark string `json:"accentDark,omitempty"`
	// ThemeLight and ThemeDark are the colours browsers paint around the
	// page (the manifest's theme_color, <meta name="theme-color">).
	ThemeLight string `json:"themeLight,omitempty"`
	ThemeDark  string `json:"themeDark,omitempty"`
	// Logo is the site's logo, an SVG, as read from the file named in the
	// settings (LogoFile): the favicon and the installed app's icons are
	// made from it. Nil means the built-in icon.
	Logo     []byte `json:"-"`
	LogoFile string `json:"-"`
	// Publisher is who publishes the site: the NewsArticle JSON-LD's
	// publisher and oEmbed's provider.
	Publisher Link `json:"publisher"`
	// Footer is a text shown at the foot of every page, and where it
	// links to, if anywhere.
	Footer Link `json:"footer,omitzero"`
}

// Link is a name and, optionally, the URL it links to.
type Link struct {
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// DefaultSite is the site without settings: backstory's own.
func DefaultSite() Site {
	return Site{
		Name:       "backstory",
		Tagline:    "news with the context you need",
		Lang:       "en",
		Dir:        "ltr",
		Accent:     "#0b5cad",
		AccentDark: "#7cb8ff",
		ThemeLight: "#fbfaf7",
		ThemeDark:  "#151515",
		Publisher:  Link{Name: "backstory"},
	}
}

// Short is the site's short name.
func (s Site) Short() string {
	if s.ShortName != "" {
		return s.ShortName
	}
	return s.Name
}
