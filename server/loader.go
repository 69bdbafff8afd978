package server

import (
	"encoding/json"
	"strings"

	ui "backstory/app"
)

// loaderTemplate is the page's only inline script, allowed by its hash in
// the Content-Security-Policy. Before the first paint it applies the theme
// the reader chose (no flash of the other theme) and opens the card the URL
// links to (/articles/x#one-china). Once the first paint is on screen (the
// browser reports its timing) it loads wasm_exec.js and boot.js: a script
// that loads and runs before the first paint delays it, by the round trips
// of its request on a phone's connection.
const loaderTemplate = `(function(d,c){try{var t=localStorage.getItem("backstory-theme");if(t==="dark"||t==="light")d.documentElement.dataset.theme=t}catch(e){}` +
	`d.addEventListener("DOMContentLoaded",function(){try{var k=d.getElementById(decodeURIComponent(location.hash.slice(1)));if(k&&k.matches("details[data-card]"))k.open=true}catch(e){}});` +
	`function go(){var e=d.documentElement.classList.contains("embed");(e?c.embedScripts.concat(c.scripts):c.scripts).forEach(function(u){var s=d.createElement("script");s.src=u;s.async=false;s.dataset.wasm=c.wasm;s.dataset.version=c.version;s.dataset.boot=JSON.stringify(c.boot);if(e)s.dataset.embed="true";d.head.appendChild(s)})}` +
	`function later(){var done=false;function run(){if(!done){done=true;go()}}` +
	`try{new PerformanceObserver(function(l,o){o.disconnect();setTimeout(run,0)}).observe({type:"paint",buffered:true})}catch(e){}setTimeout(run,1000)}` +
	`if(d.readyState==="complete")later();else addEventListener("load",later,{once:true})})(document,CONFIG)`

// loaderConfig is what the loader needs: the scripts, in order, and what
// boot.js reads from its script element.
type loaderConfig struct {
	Scripts []string `json:"scripts"`
	// EmbedScripts come first in embed pages (<html class="embed">).
	EmbedScripts []string `json:"embedScripts"`
	Wasm         string   `json:"wasm"`
	Version      string   `json:"version"`
	// Boot is what boot.js needs to know of the site's URLs.
	Boot bootConfig `json:"boot"`
}

// bootConfig is the site's URLs as boot.js needs them: all with the
// site's prefix, all from the route table.
type bootConfig struct {
	Prefix string `json:"prefix"`        // "" at a host's root
	Assets string `json:"assets"`        // the assets' directory, without a trailing slash
	Worker string `json:"worker"`        // the service worker's URL
	Scope  string `json:"scope"`         // the worker's scope: the site's
	Dev    string `json:"dev,omitempty"` // the -dev event stream
	Data   string `json:"data"`          // the id of the page's data element, with its words
}

// loaderConfig is the loader's configuration for the site.
func (s *site) loaderConfig(dev bool) loaderConfig {
	a := s.assets
	lc := loaderConfig{Wasm: s.url(a.url("app.wasm")), Version: s.version, Boot: s.bootConfig(dev)}
	if lc.Wasm != "" {
		lc.Scripts = append(lc.Scripts, s.url(a.url("wasm_exec.js")))
	}
	if dev {
		lc.Scripts = append(lc.Scripts, s.url(a.url("dev.js"))) // before boot.js, which it tells
	}
	lc.Scripts = append(lc.Scripts, s.url(a.url("boot.js")))
	if frame := a.url("frame.js"); frame != "" {
		lc.EmbedScripts = []string{s.url(frame)}
	}
	return lc
}

func (s *site) bootConfig(dev bool) bootConfig {
	c := bootConfig{
		Prefix: string(s.info.Prefix),
		Assets: strings.TrimSuffix(s.url(ui.AssetPath("")), "/"),
		Worker: s.url(ui.PathOf(ui.RouteWorker)),
		Scope:  s.url(ui.PathOf(ui.RouteIndex)),
		Data:   ui.DataElementID,
	}
	if dev {
		c.Dev = s.url(ui.PathOf(ui.RouteDevEvents))
	}
	return c
}

// loaderScript returns the inline loader for the config.
func loaderScript(c loaderConfig) string {
	if c.Scripts == nil {
		c.Scripts = []string{}
	}
	if c.EmbedScripts == nil {
		c.EmbedScripts = []string{}
	}
	cfg, _ := json.Marshal(c) // strings and a slice of strings: cannot fail
	return strings.Replace(loaderTemplate, "CONFIG", string(cfg), 1)
}
