package server

import (
	"encoding/json"
	"strings"
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
	`function go(){var e=d.documentElement.classList.contains("embed");(e?c.embedScripts.concat(c.scripts):c.scripts).forEach(function(u){var s=d.createElement("script");s.src=u;s.async=false;s.dataset.wasm=c.wasm;s.dataset.version=c.version;if(e)s.dataset.embed="true";d.head.appendChild(s)})}` +
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
