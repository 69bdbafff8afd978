package live

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"backstory/content"
	"backstory/content/markdown"
)

// racyWindow is how recent a file's modification time may be, when it is
// read, for a later change to leave its size and modification time as they
// were: file systems keep times in ticks (a few milliseconds on Linux, two
// seconds on FAT), and two writes in one tick get one time. Such a file is
// read again at each rescan (but parsed only if its bytes changed) until
// its modification time is older than this when it is read.
const racyWindow = 2 * time.Second

// Dir is a directory of articles (the *.md files at its top), parsed, with
// the last good version of each file kept while its current text is broken,
// and the site's settings (site.yaml, and the logo it names), kept alike.
// Its methods are safe for concurrent use.
type Dir struct {
	dir  string
	base *markdown.Parser // as given to Open
	racy time.Duration    // racyWindow; tests change it

	scan     sync.Mutex       // held by Rescan
	parser   *markdown.Parser // base, in the site's language; guarded by scan
	files    map[string]*file // by name in dir; guarded by scan
	cards    map[string]*file // shared cards, by name in dir/cards; guarded by scan
	settings settings         // guarded by scan

	mu       sync.Mutex // guards store and problems
	store    *content.Store
	problems content.Problems

	// reads and parses count the files read and parsed, for tests.
	reads, parses atomic.Int64
}

// file is what a Dir knows of one file.
type file struct {
	stat   stat      // when last read
	readAt time.Time // when last read
	sum    [sha256.Size]byte
	hasSum bool // whether the last read succeeded and sum is its hash

	// parsed is the file's last version that parsed, nil if none did;
	// broken lists the problems of its current text, nil if it parses.
	// A shared card's file has card instead of parsed.
	parsed *content.Entry
	card   *content.Card
	broken content.Problems
	// served is the file's article in the store: parsed, or an older
	// version while parsed's slug is another file's, or nil.
	served *content.Entry
	// taken is the file that holds parsed's slug when served is not
	// parsed; empty otherwise.
	taken string
}

// stat is what a stat call says of a file that tells whether it changed.
type stat struct {
	size  int64
	mtime time.Time
	ino   uint64
	ctime time.Time
}

func statOf(info fs.FileInfo) stat {
	ino, ctime := identity(info)
	return stat{size: info.Size(), mtime: info.ModTime(), ino: ino, ctime: ctime}
}

func (s stat) equal(t stat) bool {
	return s.size == t.size && s.mtime.Equal(t.mtime) && s.ino == t.ino && s.ctime.Equal(t.ctime)
}

// racy reports whether f may have changed since it was read without its
// stat showing it; see racyWindow.
func (f *file) racy(window time.Duration) bool {
	return f.readAt.Sub(f.stat.mtime) < window
}

// Open reads and parses every *.md file at the top of dir, and the site's
// settings, dir/site.yaml, if there is one. Articles that name no language
// are in the site's. It fails only if dir cannot be read; broken files are
// reported by Problems. A nil p means markdown.NewParser().
func Open(dir string, p *markdown.Parser) (*Dir, error) {
	if p == nil {
		p = markdown.NewParser()
	}
	empty, err := content.NewStore(nil)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", dir, err)
	}
	d := &Dir{dir: dir, base: p, parser: p, racy: racyWindow, files: map[string]*file{}, cards: map[string]*file{}, store: empty,
		settings: settings{site: content.DefaultSite()}}
	if _, err := d.Rescan(); err != nil {
		return nil, err
	}
	return d, nil
}

// Store is the articles, shared cards and settings now: for each file, its
// last version that parsed.
// A file whose slug another file held first is left out (or, if an older
// version of it had another slug, that version stays); Problems says so.
func (d *Dir) Store() *content.Store {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.store
}

// Problems lists what is wrong now, sorted: files whose current text does not
// parse (each problem as file:line:col: message), and duplicate slugs. Files
// are named filepath.Join(dir, name), dir as given to Open.
func (d *Dir) Problems() content.Problems {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.problems)
}

// snapshot returns the store and the problems of one moment.
func (d *Dir) snapshot() (*content.Store, content.Problems) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.store, slices.Clone(d.problems)
}

// Rescan looks at the directory again: re-parses files that changed, adds new
// ones, drops deleted ones. It reports whether the store or the problems changed.
// It stats every file (and the settings and logo), reads only those whose
// stat changed and parses only those whose bytes did; all articles, when
// the site's language changes. On error (the directory cannot be read),
// nothing changes.
func (d *Dir) Rescan() (changed bool, err error) {
	d.scan.Lock()
	defer d.scan.Unlock()
	d.updateSettings()
	dirty, err := d.update("", d.files)
	if err != nil {
		return false, err
	}
	cardsDirty, err := d.update(content.SharedCardsDir, d.cards)
	if err != nil || !dirty && !cardsDirty && !d.settings.dirty {
		return false, err
	}
	return d.rebuild()
}

// isArticleName reports whether a file of the directory is an article: a
// name ending in ".md", not hidden and not an editor's temporary file
// (".x.md.swp", ".#x.md", "#x.md#", "x.md~", "~$x.md").
func isArticleName(name string) bool {
	if !strings.HasSuffix(name, ".md") {
		return false
	}
	switch name[0] {
	case '.', '#', '~':
		return false
	}
	return true
}

// readJob is a file to read, and what was known of it.
type readJob struct {
	name string
	stat stat
	old  *file // nil for a new file
	path string
	card bool // a shared card's file

	// Set by readOne:
	gone       bool              // deleted since it was listed
	sum        [sha256.Size]byte // of the bytes read; zero on error
	readErr    error
	same       bool             // the bytes are the old ones
	entry      content.Entry    // the article, encoded for the store
	parsedCard content.Card     // or the shared card
	broken     content.Problems // from the parser, or the read error
	readAt     time.Time
}

// update brings files up to date with the folder sub of the directory
// ("" for the articles, "cards" for the shared cards) and reports whether
// any file's article, card or problems may have changed. The articles'
// folder must exist; a missing cards folder holds no cards.
func (d *Dir) update(sub string, files map[string]*file) (dirty bool, err error) {
	folder := filepath.Join(d.dir, sub)
	entries, err := os.ReadDir(folder)
	if sub != "" && errors.Is(err, fs.ErrNotExist) {
		entries, err = nil, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading the articles in %s: %w", folder, err)
	}
	seen := make(map[string]bool, len(entries))
	var jobs []*readJob
	for _, e := range entries {
		name := e.Name()
		if !isArticleName(name) {
			continue
		}
		info, err := d.stat(folder, e)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // deleted since listed, or a dangling link
		case err != nil:
			// Read it to report the error; its stat stays unknown, so it
			// is tried again at the next rescan.
			seen[name] = true
			jobs = append(jobs, &readJob{name: name, path: filepath.Join(folder, name), card: sub != "", stat: stat{size: -1}, old: files[name]})
			continue
		case !info.Mode().IsRegular():
			continue
		}
		seen[name] = true
		st := statOf(info)
		old := files[name]
		if old != nil && old.hasSum && old.stat.equal(st) && !old.racy(d.racy) {
			continue
		}
		jobs = append(jobs, &readJob{name: name, path: filepath.Join(folder, name), card: sub != "", stat: st, old: old})
	}
	forEach(len(jobs), func(i int) { d.readOne(jobs[i]) })

	for _, j := range jobs {
		switch {
		case j.gone:
			seen[j.name] = false
			continue
		case j.same:
			j.old.stat, j.old.readAt = j.stat, j.readAt
			continue
		}
		f := j.old
		if f == nil {
			f = &file{}
			files[j.name] = f
		}
		f.stat, f.readAt, f.sum, f.hasSum = j.stat, j.readAt, j.sum, j.readErr == nil
		switch {
		case j.broken != nil:
			f.broken = j.broken
		case j.card:
			f.card, f.broken = &j.parsedCard, nil
		default:
			f.parsed, f.broken = &j.entry, nil
		}
		dirty = true
	}
	for name := range files {
		if !seen[name] {
			delete(files, name)
			dirty = true
		}
	}
	return dirty, nil
}

// stat returns the information of a file of folder, following a symbolic
// link.
func (d *Dir) stat(folder string, e fs.DirEntry) (fs.FileInfo, error) {
	if e.Type()&fs.ModeSymlink != 0 {
		return os.Stat(filepath.Join(folder, e.Name()))
	}
	return e.Info()
}

// forEach calls f(0) to f(n-1), in parallel.
func forEach(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

// readOne reads the job's file, and parses it if its bytes changed.
func (d *Dir) readOne(j *readJob) {
	path := j.path
	j.readAt = time.Now()
	src, err := os.ReadFile(path)
	d.reads.Add(1)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		j.gone = true
		return
	case err != nil:
		j.readErr = err
		j.stat.size = -1 // unknown: read it again next time
		j.broken = content.Problems{{File: path, Message: fmt.Sprintf("cannot read: %v", err)}}
		return
	}
	j.sum = sha256.Sum256(src)
	if j.old != nil && j.old.hasSum && j.old.sum == j.sum {
		j.same = true
		return
	}
	d.parses.Add(1)
	if j.card {
		j.parsedCard, err = d.parser.ParseCard(path, src)
		j.broken = problemsOf(err, path)
		return
	}
	a, err := d.parser.Parse(path, src)
	if err != nil {
		ps, ok := errors.AsType[content.Problems](err)
		if !ok || len(ps) == 0 {
			ps = content.Problems{{File: path, Message: err.Error()}}
		}
		j.broken = ps
		return
	}
	if j.entry, err = content.NewEntry(&a); err != nil {
		j.broken = content.Problems{{File: path, Message: err.Error()}}
	}
}

// rebuild decides which article each file serves, and publishes the store
// and problems if they changed.
func (d *Dir) rebuild() (changed bool, err error) {
	names := slices.Sorted(maps.Keys(d.files))
	assignSlugs(names, d.files)

	cards := content.SharedCards{}
	problems := slices.Clone(d.settings.broken)
	for _, f := range d.cards {
		if f.card != nil {
			cards[f.card.ID] = *f.card
		}
		problems = append(problems, f.broken...)
	}
	var entries []content.Entry
	for _, name := range names {
		f := d.files[name]
		if f.served != nil {
			resolved, ps := f.served.Resolve(cards)
			*f.served = resolved // keeps what it was resolved with
			for _, p := range ps {
				p.File = filepath.Join(d.dir, name)
				problems = append(problems, p)
			}
			entries = append(entries, resolved)
		}
		problems = append(problems, f.broken...)
		if f.taken != "" && f.broken == nil {
			problems = append(problems, content.Problem{
				File: filepath.Join(d.dir, name), Line: 1, Col: 1,
				Message: fmt.Sprintf("slug %q is taken by %s: give this article another slug", f.parsed.Slug(), filepath.Join(d.dir, f.taken)),
			})
		}
	}
	problems.Sort()
	store, err := content.NewStoreOfEntries(entries, cards)
	if err != nil {
		// assignSlugs gives each slug to one file: this is a bug.
		return false, fmt.Errorf("building the articles of %s: %w", d.dir, err)
	}
	store = store.WithSite(d.settings.site)
	d.settings.dirty = false

	d.mu.Lock()
	defer d.mu.Unlock()
	if store.Revision() != d.store.Revision() {
		d.store, changed = store, true
	}
	if !slices.Equal(problems, d.problems) {
		d.problems, changed = problems, true
	}
	return changed, nil
}

// problemsOf is a parser's error as problems in the file at path; nil for
// nil.
func problemsOf(err error, path string) content.Problems {
	if err == nil {
		return nil
	}
	ps, ok := errors.AsType[content.Problems](err)
	if !ok || len(ps) == 0 {
		ps = content.Problems{{File: path, Message: err.Error()}}
	}
	return ps
}
