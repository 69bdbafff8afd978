package app

import (
	"time"

	"backstory/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateCheckInterval is how often a page left open asks for a new release.
const updateCheckInterval = 30 * time.Minute

// StatusBar tells the reader, at the bottom of the screen, that they are
// offline, and that a new release is ready. It renders empty until the
// wasm runs, and takes no space: nothing moves when it shows.
type StatusBar struct {
	app.Compo

	// Words are the page's.
	Words i18n.Words

	offline bool
	update  bool
	release func()
	stop    chan struct{}
}

// OnMount follows the connection and checks for releases: when the
// connection comes back, when the page is shown again, and every half hour.
func (b *StatusBar) OnMount(ctx app.Context) {
	b.offline = !online()
	setRootFlag("data-offline", b.offline)
	b.update = ctx.AppUpdateAvailable()
	b.release = onWindowEvents([]string{"online", "offline", "visibilitychange"}, func(event string) {
		ctx.Dispatch(func(app.Context) {
			b.offline = !online()
			setRootFlag("data-offline", b.offline)
			if event != "offline" {
				app.TryUpdate()
			}
		})
	})
	b.stop = make(chan struct{})
	go func(stop chan struct{}) {
		tick := time.NewTicker(updateCheckInterval)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				app.TryUpdate()
			case <-stop:
				return
			}
		}
	}(b.stop)
}

// OnDismount stops listening.
func (b *StatusBar) OnDismount() {
	if b.release != nil {
		b.release()
	}
	if b.stop != nil {
		close(b.stop)
	}
}

// OnAppUpdate is go-app's word that a new release is installed.
func (b *StatusBar) OnAppUpdate(ctx app.Context) {
	b.update = ctx.AppUpdateAvailable()
}

// Render renders the messages that apply.
func (b *StatusBar) Render() app.UI {
	var msgs []app.UI
	if b.offline {
		msgs = append(msgs, el("p", attrs{"class", "status status-offline"}, text(b.Words.T("status_offline"))))
	}
	if b.update {
		msgs = append(msgs, el("p", attrs{"class", "status status-update"},
			text(b.Words.T("status_update")+" "),
			el("button", attrs{"type", "button", "class", "status-action"}, text(b.Words.T("status_reload"))).OnClick(reload),
		))
	}
	return el("div", attrs{"class", "status-bar", "role", "status"}, msgs...)
}

func reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}
