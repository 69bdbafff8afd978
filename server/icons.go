package server

import (
	"context"
	"crypto/sha256"
	"log/slog"
	"maps"
	"sync"

	"backstory/content"
	"backstory/internal/colour"
	"backstory/internal/icons"
	"backstory/internal/precompress"
)

// iconCache keeps the assets with the icons made from the site's logo,
// for as long as the logo does not change: made once, not at every
// change of the articles. The base assets are the server's, which never
// change.
type iconCache struct {
	mu   sync.Mutex
	logo [32]byte // the hash of the logo the assets were made from
	made *assets
}

// assets are base with the icons made from the settings' logo in place of
// the built-in ones; base itself when the site has no logo of its own, or
// when its icons cannot be made (logged: the settings' check reports why).
func (c *iconCache) assets(base *assets, settings content.Site, log *slog.Logger) *assets {
	if settings.Logo == nil {
		return base
	}
	sum := sha256.Sum256(settings.Logo)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.made != nil && c.logo == sum {
		return c.made
	}
	files, err := siteIcons(settings)
	if err != nil {
		log.Warn("the site's logo cannot be made into icons: the built-in ones are served", "logo", settings.LogoFile, "err", err)
		return base
	}
	c.logo, c.made = sum, base.with(files)
	return c.made
}

// with is a copy of a with files added or replacing its own, by name.
func (a *assets) with(files map[string][]byte) *assets {
	b := &assets{byName: maps.Clone(a.byName), byPath: maps.Clone(a.byPath)}
	for name, body := range files {
		if old, ok := b.byName[name]; ok {
			delete(b.byPath, old.versionedName())
		}
		enc := precompress.Encoded{Identity: body}
		if compressible(contentType(name)) {
			enc = precompress.Encode(body, precompress.Fast)
		}
		b.add(name, enc)
	}
	return b
}

// siteIcons are the icons made from the site's logo, on its accent where
// an icon needs a background, by asset name.
func siteIcons(settings content.Site) (map[string][]byte, error) {
	accent, err := colour.Parse(settings.Accent)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), icons.TimeLimit)
	defer cancel()
	set, err := icons.Make(ctx, settings.Logo, accent)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(set))
	for _, ic := range set {
		files["icons/"+ic.Name] = ic.Data
	}
	return files, nil
}
