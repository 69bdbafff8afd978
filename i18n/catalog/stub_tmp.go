// Package catalog: TEMPORARY stand-in until the helper's catalog lands.
package catalog

import (
	"embed"
	"encoding/json"
	"strings"

	"backstory/i18n"
)

//go:embed locales/*.json
var files embed.FS

// Catalog is a stand-in.
type Catalog struct{ langs map[string]map[string]string }

// Load is a stand-in.
func Load() (*Catalog, error) {
	c := &Catalog{langs: map[string]map[string]string{}}
	entries, _ := files.ReadDir("locales")
	for _, e := range entries {
		b, _ := files.ReadFile("locales/" + e.Name())
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, err
		}
		c.langs[strings.TrimSuffix(e.Name(), ".json")] = m
	}
	return c, nil
}

// Words is a stand-in.
func (c *Catalog) Words(lang string) i18n.Words {
	m := map[string]string{}
	for k, v := range c.langs["en"] {
		m[k] = v
	}
	for k, v := range c.langs[i18n.Base(lang)] {
		m[k] = v
	}
	return i18n.Words{Lang: lang, Dir: i18n.Direction(lang), Strings: m}
}

// Languages is a stand-in.
func (c *Catalog) Languages() []string {
	var out []string
	for l := range c.langs {
		out = append(out, l)
	}
	return out
}
