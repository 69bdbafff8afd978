package live

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"backstory/content"

	"github.com/google/go-cmp/cmp"
)

// latency is how soon a change must reach the changed callback.
const latency = time.Second

// watcher runs Watch on a Dir and records what it reports.
type watcher struct {
	t   *testing.T
	dir string

	mu    sync.Mutex
	calls int
	last  state
	store *content.Store // the last store reported
	rev   string         // of the last store reported
	probs content.Problems
	wake  chan struct{} // receives after each call, if not full

	done     chan error // Watch's result
	stopFunc func() error
}

// watch opens dir and watches it until the test ends, checking then that
// Watch returned nil.
func watch(t *testing.T, dir string) (*Dir, *watcher) {
	t.Helper()
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	w := startWatch(t, d)
	t.Cleanup(func() {
		if err := w.stop(); err != nil {
			t.Errorf("Watch: %v", err)
		}
	})
	return d, w
}

// startWatch runs d.Watch; stop cancels it and returns its error.
func startWatch(t *testing.T, d *Dir) *watcher {
	w := &watcher{t: t, dir: d.dir, wake: make(chan struct{}, 1), done: make(chan error, 1)}
	w.last = d.state()
	w.store = d.Store()
	w.rev = w.store.Revision()
	w.probs = d.Problems()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		w.done <- d.Watch(ctx, w.changed)
	}()
	w.stopFunc = func() error {
		cancel()
		select {
		case <-stopped:
		case <-time.After(5 * time.Second):
			return errors.New("still running 5 s after its context was cancelled")
		}
		return <-w.done
	}
	return w
}

func (w *watcher) stop() error { return w.stopFunc() }

// changed is the callback given to Watch. Each call must report a change.
func (w *watcher) changed(s *content.Store, ps content.Problems) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if s.Revision() == w.rev && slices.Equal(ps, w.probs) {
		w.t.Errorf("changed called with the store and problems it had before")
	}
	w.calls++
	w.rev, w.probs = s.Revision(), ps
	w.last = stateOf(w.dir, s, ps)
	w.store = s
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *watcher) state() (state, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last, w.calls
}

// waitFor waits until Watch has reported want, at most latency after start,
// and returns how long it took.
func (w *watcher) waitFor(t *testing.T, start time.Time, want state) time.Duration {
	t.Helper()
	timeout := time.NewTimer(time.Until(start.Add(latency)))
	defer timeout.Stop()
	for {
		got, _ := w.state()
		if cmp.Equal(want, got) {
			return time.Since(start)
		}
		select {
		case <-w.wake:
		case <-timeout.C:
			got, _ := w.state()
			t.Fatalf("not reported within %v (-want +got):\n%s", latency, cmp.Diff(want, got))
		}
	}
}

// ready waits until Watch watches the directory: once it reports a change
// made after it started, its first rescan is over and its watch added, so
// later changes reach it only through events. The change is a file added,
// then removed.
func (w *watcher) ready(t *testing.T) {
	t.Helper()
	start := time.Now()
	write("ready.md", article("Ready"))(t, w.dir)
	w.until(t, start, func(s state) bool { return s.Titles["ready"] == "Ready" })
	remove("ready.md")(t, w.dir)
	w.until(t, start, func(s state) bool { _, ok := s.Titles["ready"]; return !ok })
}

// until waits until Watch has reported a state for which ok is true, at
// most latency after start.
func (w *watcher) until(t *testing.T, start time.Time, ok func(state) bool) {
	t.Helper()
	timeout := time.NewTimer(time.Until(start.Add(latency)))
	defer timeout.Stop()
	for {
		if got, _ := w.state(); ok(got) {
			return
		}
		select {
		case <-w.wake:
		case <-timeout.C:
			t.Fatalf("Watch did not report a change within %v", latency)
		}
	}
}

// TestWatch makes each kind of change an editor makes, and checks that each
// reaches the callback within a second, while other goroutines read the
// store.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	d, w := watch(t, dir)
	w.ready(t)

	// Readers, as the server's handlers, a read a millisecond each: enough
	// for the race detector, without taking the CPU from Watch.
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stop:
					return
				case <-tick.C:
					d.Store().Articles()
					d.Problems()
				}
			}
		})
	}
	defer func() { close(stop); readers.Wait() }()

	steps := []struct {
		name string
		do   op
		want state
	}{
		{"edit", write("a.md", article("A2")), state{Titles: titles{"a": "A2"}}},
		{"add", write("b.md", article("B")), state{Titles: titles{"a": "A2", "b": "B"}}},
		{"delete", remove("b.md"), state{Titles: titles{"a": "A2"}}},
		{"broken", write("a.md", badDate), state{titles{"a": "A2"}, []string{"a.md:" + badDateProblem}}},
		{"fix", write("a.md", article("A3")), state{Titles: titles{"a": "A3"}}},
		{"new broken file", write("c.md", noTitle), state{titles{"a": "A3"}, []string{"c.md:" + noTitleProblem}}},
		{"broken file deleted", remove("c.md"), state{Titles: titles{"a": "A3"}}},
		{"temporary file renamed over", all(write(".a.md.tmp", article("A4")), rename(".a.md.tmp", "a.md")),
			state{Titles: titles{"a": "A4"}}},
		{"vim backup rename and write", all(rename("a.md", "a.md~"), write("a.md", article("A5")), remove("a.md~")),
			state{Titles: titles{"a": "A5"}}},
		{"delete and create", all(remove("a.md"), write("a.md", article("A6"))), state{Titles: titles{"a": "A6"}}},
		{"written in place, same length", overwrite("a.md", article("A7")), state{Titles: titles{"a": "A7"}}},
		{"duplicate slug", write("d.md", article("D", "slug: a")),
			state{titles{"a": "A7"}, []string{"d.md:" + takenProblem("a", filepath.Join(dir, "a.md"))}}},
		{"renamed", rename("d.md", "e.md"),
			state{titles{"a": "A7"}, []string{"e.md:" + takenProblem("a", filepath.Join(dir, "a.md"))}}},
		{"removed", remove("e.md"), state{Titles: titles{"a": "A7"}}},
	}
	var worst time.Duration
	for _, s := range steps {
		start := time.Now()
		s.do(t, dir)
		took := w.waitFor(t, start, s.want)
		t.Logf("%-32s reported after %v", s.name, took.Round(time.Millisecond))
		worst = max(worst, took)
	}
	t.Logf("slowest: %v", worst.Round(time.Millisecond))
}

// TestWatchFollowsSharedCards: the cards folder, made after Watch starts,
// is watched; a card's edit reaches the articles that place it; a broken
// card keeps its last good version; a card removed leaves the article
// readable and a problem.
func TestWatchFollowsSharedCards(t *testing.T) {
	dir := t.TempDir()
	write("p.md", placing)(t, dir)
	_, w := watch(t, dir)
	w.ready(t)
	missing := `p.md:8:1: there is no shared card "w": write cards/w.md (backstory new -card w), or define the card in the article`
	steps := []struct {
		name string
		do   op
		want state
	}{
		{"the folder and a card", all(mkdir("cards"), write("cards/w.md", sharedCard("One."))),
			state{Titles: titles{"p": "P", "p#w": "One."}}},
		{"edit", write("cards/w.md", sharedCard("Two.")), state{Titles: titles{"p": "P", "p#w": "Two."}}},
		{"broken", write("cards/w.md", "---\ntitle: W\n---\n\nThree.\n"), state{titles{"p": "P", "p#w": "Two."},
			[]string{`cards/w.md:1:1: the front matter needs the card's kind: add a line "kind: …" (background, quote or timeline)`}}},
		{"fixed", write("cards/w.md", sharedCard("Four.")), state{Titles: titles{"p": "P", "p#w": "Four."}}},
		{"removed", remove("cards/w.md"), state{Titles: titles{"p": "P"}, Problems: []string{missing}}},
		{"the folder removed", remove("cards"), state{Titles: titles{"p": "P"}, Problems: []string{missing}}},
		{"back", all(mkdir("cards"), write("cards/w.md", sharedCard("Five."))),
			state{Titles: titles{"p": "P", "p#w": "Five."}}},
	}
	for _, s := range steps {
		start := time.Now()
		s.do(t, dir)
		took := w.waitFor(t, start, s.want)
		t.Logf("%-24s reported after %v", s.name, took.Round(time.Millisecond))
	}
}

// TestWatchIgnoresOtherFiles checks that files Watch ignores do not make it
// call changed.
func TestWatchIgnoresOtherFiles(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	_, w := watch(t, dir)
	w.ready(t)
	_, before := w.state()
	all(write(".a.md.swp", "swap"), write("notes.txt", "notes"), mkdir("sub"), write("sub/b.md", article("B")),
		write("a.md~", "backup"))(t, dir)
	// The next change shows every earlier one was seen: it must make the
	// only call.
	start := time.Now()
	write("z.md", article("Z"))(t, dir)
	w.waitFor(t, start, state{Titles: titles{"a": "A", "z": "Z"}})
	if _, calls := w.state(); calls != before+1 {
		t.Errorf("changed called %d times, want 1", calls-before)
	}
}

// TestWatchSeesChangesBeforeItStarts checks that a change between Open and
// Watch is reported.
func TestWatchSeesChangesBeforeItStarts(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	write("a.md", article("A2"))(t, dir)
	w := startWatch(t, d)
	w.waitFor(t, start, state{Titles: titles{"a": "A2"}})
	if err := w.stop(); err != nil {
		t.Errorf("Watch: %v", err)
	}
}

// TestWatchFlushesAConstantStream writes every 10 ms, faster than the quiet
// period: changes must still be reported within a second. It writes each
// version whole (a temporary file renamed over), so that no rescan can find
// one half-written: Watch would keep the last good version then, and report
// the new one only at its next rescan.
func TestWatchFlushesAConstantStream(t *testing.T) {
	dir := t.TempDir()
	write("a.md", article("A"))(t, dir)
	_, w := watch(t, dir)
	w.ready(t)
	start := time.Now()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		if got, _ := w.state(); got.Titles["a"] != "A" {
			t.Logf("first change of the stream reported after %v", time.Since(start).Round(time.Millisecond))
			return
		}
		if time.Since(start) > latency {
			t.Fatalf("writes every 10 ms: nothing reported for %v", latency)
		}
		all(write(".a.md.tmp", article(fmt.Sprintf("A%d", i))), rename(".a.md.tmp", "a.md"))(t, dir)
		<-tick.C
	}
}

func TestWatchFailsWhenDirectoryGoes(t *testing.T) {
	for _, tt := range []struct {
		name string
		do   func(dir string) error
	}{
		{"removed", os.RemoveAll},
		{"renamed", func(dir string) error { return os.Rename(dir, dir+"-moved") }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "articles")
			mkdir("")(t, dir)
			write("a.md", article("A"))(t, dir)
			d, err := Open(dir, parser)
			if err != nil {
				t.Fatal(err)
			}
			w := startWatch(t, d)
			w.ready(t)
			start := time.Now()
			if err := tt.do(dir); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-w.done:
				if err == nil || !strings.Contains(err.Error(), dir) {
					t.Errorf("Watch = %v, want an error naming %s", err, dir)
				}
				t.Logf("Watch returned after %v: %v", time.Since(start).Round(time.Millisecond), err)
			case <-time.After(latency):
				t.Fatalf("Watch still running %v after the directory was %s", latency, tt.name)
			}
		})
	}
}

func TestWatchReturnsNilWhenCancelled(t *testing.T) {
	d, err := Open(t.TempDir(), parser)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := d.Watch(ctx, func(*content.Store, content.Problems) {}); err != nil {
		t.Errorf("Watch with a cancelled context = %v, want nil", err)
	}
}

func TestWatchFailsWithoutDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "articles")
	mkdir("")(t, dir)
	d, err := Open(dir, parser)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	err = d.Watch(t.Context(), func(*content.Store, content.Problems) {})
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("Watch = %v, want an error naming %s", err, dir)
	}
}
