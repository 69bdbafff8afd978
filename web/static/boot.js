// backstory boot: starts the WebAssembly UI over the page the server
// rendered. The page is complete without it: cards are <details> that open
// with no script at all. The page's inline loader (server/loader.go) runs
// this after the first paint, having set the reader's theme before it. This
// file does what must happen before the wasm and what the wasm needs from
// JavaScript, and nothing else.
(() => {
  "use strict";
  const html = document.documentElement;
  const me = document.currentScript;
  // The site's URLs, from the route table (server/loader.go): all under
  // the site's prefix, "" at a host's root.
  const site = JSON.parse(me.dataset.boot || "{}");
  // How long a first visit waits for the reader before starting the wasm.
  const idleStartMs = 3000;

  // Storage throws in sandboxed frames and some private modes. go-app reads
  // localStorage as it starts and would stop: give it a memory stand-in.
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      window[name].getItem("backstory");
    } catch (e) {
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
      } catch (e2) { /* the wasm guards its own storage use */ }
    }
  }

  // What go-app's wasm calls in JavaScript (its app.js defines the same).
  const env = {
    GOAPP_VERSION: me.dataset.version || "",
    GOAPP_STATIC_RESOURCES_URL: site.assets || "/web",
    GOAPP_ROOT_PREFIX: site.prefix || "",
    // None: go-app would reload a page whose own URL is one of them as it
    // starts, again and again. The wasm's Page routes every URL, and
    // leaves those it does not show to the host (app/page.go).
    GOAPP_INTERNAL_URLS: "[]",
  };
  window.goappGetenv = (k) => env[k];
  window.goappUpdatedBeforeWasmLoaded = false;
  window.goappOnUpdate = () => { window.goappUpdatedBeforeWasmLoaded = true; };
  window.goappAppInstallChangedBeforeWasmLoaded = false;
  window.goappOnAppInstallChange = () => { window.goappAppInstallChangedBeforeWasmLoaded = true; };
  window.goappNav = () => {};
  window.goappTryUpdate = () => {}; // set by registerWorker
  window.goappIsAppInstallable = () => false;
  window.goappIsAppInstalled = () => window.matchMedia("(display-mode: standalone)").matches;
  window.goappIsAppleBrowser = () => false;
  window.goappKeepBodyClean = () => () => {};

  // Helpers the wasm calls, so that it needs no promise plumbing (and no
  // net/http client, which would add a megabyte to it).
  window.backstoryFetch = (url) =>
    fetch(url, { headers: { Accept: "application/json" } })
      .then((r) => r.text().then((body) => ({ status: r.status, body })))
      .catch(() => ({ status: 0, body: "" }));
  // backstoryCached tells which of paths the service worker saved.
  window.backstoryCached = async (paths) => {
    try {
      const cache = await caches.open("backstory-pages");
      const saved = await Promise.all(paths.map((p) => cache.match(p, { ignoreVary: true })));
      return JSON.stringify(saved.map((r) => !!r));
    } catch (e) {
      return "[]";
    }
  };
  window.backstoryShare = (url, title, text) => {
    if (navigator.share) {
      return navigator.share({ url, title, text }).then(() => "shared", (e) => (e && e.name === "AbortError" ? "cancelled" : copy(url)));
    }
    return copy(url);
  };

  window.backstoryCopy = (text) => copy(text);

  registerWorker();
  startWasm(me.dataset.wasm);

  // registerWorker installs the service worker that saves pages for
  // offline reading. Where there is none to be had (a sandboxed frame, a
  // private window, an old browser), the page works all the same.
  function registerWorker() {
    // An embed lives in a publisher's page, where the browser partitions
    // storage: offline reading is the full article's, not the embed's.
    if (me.dataset.embed) return;
    // backstory serve -dev: pages must come fresh from the server.
    if (window.backstoryDev) return;
    let sw;
    try {
      sw = navigator.serviceWorker;
    } catch (e) {
      return;
    }
    if (!sw) return;
    let registration = null;
    window.goappTryUpdate = () => {
      if (registration) registration.update().catch(() => {});
    };
    sw.addEventListener("message", (e) => {
      if (e.data && e.data.type === "backstory:cached") dispatchEvent(new Event("backstory:cached"));
    });
    if (!site.worker) return;
    sw.register(site.worker, { scope: site.scope }).then((r) => {
      registration = r;
      r.addEventListener("updatefound", () => {
        const w = r.installing;
        // A worker already in charge means this one is a new release, not
        // the first install.
        const update = !!sw.controller;
        if (!w || !update) return;
        w.addEventListener("statechange", () => {
          // The new release is in place: say so (go-app's update event),
          // but never reload by ourselves.
          if (w.state === "activated") window.goappOnUpdate();
        });
      });
    }).catch(() => {});
  }

  function startWasm(url) {
    if (!url || typeof WebAssembly !== "object" || typeof Go !== "function") return;
    const run = () => {
      html.dataset.wasm = "loading";
      const go = new Go();
      const fetched = fetch(url);
      const instantiate = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(fetched, go.importObject).catch(() =>
            fetch(url).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject)))
        : fetched.then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject));
      performance.mark("backstory:wasm-start");
      instantiate
        .then((result) => {
          performance.mark("backstory:wasm-compiled");
          remember();
          return go.run(result.instance);
        })
        .catch((err) => {
          html.dataset.wasm = "failed";
          console.warn("backstory: the interactive layer did not load:", err);
          notice(word("wasm_failed"));
        });
    };
    // Reading comes first. On a first visit the browser compiles the wasm
    // as it runs, a main-thread task of a few hundred milliseconds on a
    // phone: start it when the reader engages with the page, or once the
    // page has sat idle a while, never during its first paint. When this
    // browser has run it before (its code is cached, the task is short),
    // start as soon as the page has loaded.
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      for (const e of engagements) removeEventListener(e, start, true);
      run();
    };
    const engagements = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll"];
    for (const e of engagements) addEventListener(e, start, { capture: true, passive: true });
    const whenLoaded = (f) => (document.readyState === "complete" ? f() : addEventListener("load", f, { once: true }));
    whenLoaded(() => (warm() ? start() : setTimeout(start, idleStartMs)));
  }

  // warm reports whether the wasm ran in this browser before; remember
  // records that it did.
  function warm() {
    try { return localStorage.getItem("backstory-wasm") === me.dataset.wasm; } catch (e) { return false; }
  }
  function remember() {
    try { localStorage.setItem("backstory-wasm", me.dataset.wasm); } catch (e) { /* no storage */ }
  }

  function copy(url) {
    if (!navigator.clipboard) return Promise.resolve("failed");
    return navigator.clipboard.writeText(url).then(() => "copied", () => "failed");
  }

  // word is the UI's word of key in the page's language, from the words
  // the page carries with its data.
  function word(key) {
    try {
      return JSON.parse(document.getElementById(site.data).textContent).words.strings[key] || key;
    } catch (e) {
      return key;
    }
  }

  function notice(text) {
    const p = document.createElement("p");
    p.className = "boot-notice";
    p.setAttribute("role", "status");
    p.textContent = text;
    document.body.append(p);
    setTimeout(() => p.remove(), 8000);
  }

  function memoryStorage() {
    const items = new Map();
    return {
      get length() { return items.size; },
      key: (i) => Array.from(items.keys())[i] ?? null,
      getItem: (k) => (items.has(String(k)) ? items.get(String(k)) : null),
      setItem: (k, v) => { items.set(String(k), String(v)); },
      removeItem: (k) => { items.delete(String(k)); },
      clear: () => items.clear(),
    };
  }
})();
