package live

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"backstory/content"

	"github.com/fsnotify/fsnotify"
)

const (
	// quietPeriod is how long the directory must be still, after a change,
	// before Watch rescans it: an editor's save is a burst of events
	// (truncate, write, rename…), and rescanning in its middle would report
	// a half-written file.
	quietPeriod = 50 * time.Millisecond
	// maxDelay is the longest Watch waits after the first change of a
	// burst, so that a directory that never stays still is still rescanned.
	maxDelay = 250 * time.Millisecond
)

// Watch watches the directory, its cards folder, and the settings' logo,
// with fsnotify until ctx is done, and after each
// burst of changes (debounced, ~50 ms) rescans it and calls changed with the new
// store and problems if anything changed. It returns nil when ctx is done, or
// an error if watching fails.
//
// A burst is rescanned once no change has come for 50 ms, or 250 ms after its
// first change if changes keep coming. Watch also rescans once when it
// starts, so that no change made since Open is missed. changed runs on
// Watch's goroutine: Watch waits for it. The directory itself being removed
// or renamed, or failing to be read, ends Watch with an error.
func (d *Dir) Watch(ctx context.Context, changed func(*content.Store, content.Problems)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return watchError(d.dir, err)
	}
	defer w.Close()
	watched := filepath.Clean(d.dir)
	if err := w.Add(watched); err != nil {
		return watchError(d.dir, err)
	}
	// The shared cards' folder is watched too, from when it exists.
	cardsDir := filepath.Join(watched, content.SharedCardsDir)
	watchCards := func() error {
		if err := w.Add(cardsDir); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return watchError(cardsDir, err)
		}
		return nil
	}
	if err := watchCards(); err != nil {
		return err
	}
	// The settings' logo may be in a folder of its own: the folders on its
	// way are watched too, from when they exist.
	logo := logoWatch{w: w, watched: map[string]bool{}}

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time // of the burst waiting for a rescan; zero if none
	schedule := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		timer.Reset(min(quietPeriod, first.Add(maxDelay).Sub(now)))
	}
	rescan := func() error {
		ok, err := d.Rescan()
		if err != nil {
			return fmt.Errorf("watching for changes: %w", err)
		}
		if ok {
			changed(d.snapshot())
		}
		// A folder watched from now on may have changed before: look again.
		if added, err := logo.sync(d); err != nil {
			return err
		} else if added {
			schedule()
		}
		return nil
	}
	if err := rescan(); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return fmt.Errorf("watching %s for changes: the watcher stopped", d.dir)
			}
			if ev.Name == watched {
				if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
					return fmt.Errorf("watching %s for changes: the directory was removed or renamed", d.dir)
				}
				continue
			}
			if ev.Name == cardsDir {
				if ev.Has(fsnotify.Create) {
					if err := watchCards(); err != nil {
						return err
					}
				}
				schedule()
				continue
			}
			if filepath.Dir(ev.Name) == cardsDir && isArticleName(filepath.Base(ev.Name)) ||
				filepath.Dir(ev.Name) == watched && isArticleName(filepath.Base(ev.Name)) ||
				d.isSettings(ev.Name) {
				schedule()
			}
		case err, ok := <-w.Errors:
			if !ok {
				return fmt.Errorf("watching %s for changes: the watcher stopped", d.dir)
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost; a rescan finds what they said.
				schedule()
				continue
			}
			return fmt.Errorf("watching %s for changes: %w", d.dir, err)
		case <-timer.C:
			first = time.Time{}
			if err := rescan(); err != nil {
				return err
			}
		}
	}
}

// watchError explains an error from starting to watch dir, with the
// system's limit to raise when it is one.
func watchError(dir string, err error) error {
	switch {
	case errors.Is(err, syscall.EMFILE):
		return fmt.Errorf("watching %s for changes: %w (on Linux, raise fs.inotify.max_user_instances or the limit of open files)", dir, err)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("watching %s for changes: %w (on Linux, raise fs.inotify.max_user_watches)", dir, err)
	}
	return fmt.Errorf("watching %s for changes: %w", dir, err)
}

// logoWatch keeps the folders on the way to the settings' logo watched.
type logoWatch struct {
	w       *fsnotify.Watcher
	watched map[string]bool
}

// sync watches the folders on the way to the logo the settings name now,
// those that exist, and stops watching others. It reports whether it
// added a watch.
func (l *logoWatch) sync(d *Dir) (added bool, err error) {
	_, logo := d.settingsPaths()
	want := map[string]bool{}
	for _, dir := range d.logoFolders(logo) {
		want[dir] = true
		if l.watched[dir] {
			continue
		}
		switch err := l.w.Add(dir); {
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
			// Watched once it is made: its parent's event says when.
		case err != nil:
			return added, watchError(dir, err)
		default:
			l.watched[dir], added = true, true
		}
	}
	for dir := range l.watched {
		if !want[dir] {
			_ = l.w.Remove(dir) // fails only if the folder went, and its watch with it
			delete(l.watched, dir)
		}
	}
	return added, nil
}

// isSettings reports whether a change at path may change the settings: the
// settings file, the logo it names, or a folder on the logo's way.
func (d *Dir) isSettings(path string) bool {
	file, logo := d.settingsPaths()
	return path == file || path == logo || slices.Contains(d.logoFolders(logo), path)
}
