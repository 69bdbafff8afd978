package live

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"backstory/content"
	"backstory/content/markdown"
)

// settings is what a Dir knows of the site's settings file, site.yaml, and
// of the logo it names.
type settings struct {
	file, logo probe  // when last read
	logoFile   string // the logo the file named then (even if it could not be read), "" if none
	read       bool   // whether the file was ever looked for

	site   content.Site     // the last good settings; DefaultSite if none
	broken content.Problems // the file's current problems, nil if it has none

	// dirty says the settings changed since the store was last built.
	dirty bool
}

// probe is what a stat said of a file, and when the file was read after.
type probe struct {
	exists bool
	stat   stat // size -1 when unknown
	readAt time.Time
}

// probePath stats the file at path.
func probePath(path string) probe {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return probe{}
	case err != nil:
		return probe{exists: true, stat: stat{size: -1}}
	}
	return probe{exists: true, stat: statOf(info)}
}

// unchanged reports whether the file probed as p when it was read is
// surely as it was, now that it probes as now; see racyWindow.
func (p probe) unchanged(now probe, racy time.Duration) bool {
	if !p.exists || !now.exists {
		return p.exists == now.exists
	}
	return p.stat.size >= 0 && p.stat.equal(now.stat) && p.readAt.Sub(p.stat.mtime) >= racy
}

// settingsPaths are the paths of the settings file and of the logo it
// named when last read ("" if none).
func (d *Dir) settingsPaths() (file, logo string) {
	d.scan.Lock()
	defer d.scan.Unlock()
	file = filepath.Join(d.dir, content.SiteFile)
	if d.settings.logoFile != "" {
		logo = filepath.Join(d.dir, filepath.FromSlash(d.settings.logoFile))
	}
	return file, logo
}

// updateSettings reads the settings file again if it, or the logo it
// names, changed since it was last read, and keeps the settings if they
// are good: d.settings.dirty says then that the store must be built again.
// When the site's language changes, every article is read and parsed again
// in it (their last good versions stay until then). The caller holds scan.
func (d *Dir) updateSettings() {
	s := &d.settings
	file := filepath.Join(d.dir, content.SiteFile)
	nowFile, nowLogo := probePath(file), probe{}
	if s.logoFile != "" {
		nowLogo = probePath(filepath.Join(d.dir, filepath.FromSlash(s.logoFile)))
	}
	if s.read && s.file.unchanged(nowFile, d.racy) && s.logo.unchanged(nowLogo, d.racy) {
		return
	}
	s.read = true
	site, problems, logoFile := d.readSettings(file, &nowFile)
	nowLogo = probe{}
	if logoFile != "" {
		nowLogo = probePath(filepath.Join(d.dir, filepath.FromSlash(logoFile)))
		nowLogo.readAt = nowFile.readAt
	}
	s.file, s.logo, s.logoFile = nowFile, nowLogo, logoFile
	s.broken, s.dirty = problems, true
	if len(problems) == 0 {
		s.site = site
	}
	if s.site.Lang != d.parser.Lang() {
		d.parser = d.base.WithLang(s.site.Lang)
		for _, f := range d.files {
			f.hasSum = false // read and parse it again
		}
	}
}

// readSettings reads and parses the settings file, probed as p (which it
// updates), and returns the settings (DefaultSite if there is no file),
// their problems, and the logo they name.
func (d *Dir) readSettings(file string, p *probe) (content.Site, content.Problems, string) {
	if !p.exists {
		return content.DefaultSite(), nil, ""
	}
	p.readAt = time.Now()
	src, err := os.ReadFile(file)
	d.reads.Add(1)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.exists = false
		return content.DefaultSite(), nil, ""
	case err != nil:
		p.stat.size = -1 // unknown: read it again next time
		return content.Site{}, content.Problems{{File: file, Message: fmt.Sprintf("cannot read: %v", err)}}, ""
	}
	site, problems := markdown.ParseSite(file, src, os.DirFS(d.dir))
	return site, problems, site.LogoFile
}

// logoFolders are the folders between the directory and the logo at path
// (the directory and the cards folder, always watched, left out), from the
// outermost: those Watch watches to see the logo change, or appear.
func (d *Dir) logoFolders(logo string) []string {
	if logo == "" {
		return nil
	}
	root := filepath.Clean(d.dir)
	var folders []string
	for dir := filepath.Dir(logo); dir != root && strings.HasPrefix(dir, root+string(filepath.Separator)); dir = filepath.Dir(dir) {
		if dir != filepath.Join(root, content.SharedCardsDir) {
			folders = append([]string{dir}, folders...)
		}
	}
	return folders
}
