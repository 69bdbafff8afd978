// backstory boot: starts the WebAssembly UI over the page the server
// rendered. The page is complete without it: cards are <details> that open
// with no script at all. This file does what must happen before the wasm
// and what the wasm needs from JavaScript, and nothing else.
(() => {
  "use strict";
  const html = document.documentElement;
  const me = document.currentScript;

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

  // The reader's theme, as early as this script can set it.
  try {
    const theme = localStorage.getItem("backstory-theme");
    if (theme === "dark" || theme === "light") html.dataset.theme = theme;
  } catch (e) { /* no storage: follow the system */ }

  // A link to a card (#one-china) opens it now, not when the wasm arrives.
  openTargetCard();

  // What go-app's wasm calls in JavaScript (its app.js defines the same).
  const env = {
    GOAPP_VERSION: me.dataset.version || "",
    GOAPP_STATIC_RESOURCES_URL: "/web",
    GOAPP_ROOT_PREFIX: "",
    // Paths go-app must load from the server rather than route in the page.
    GOAPP_INTERNAL_URLS: JSON.stringify(["/web/", "/api/", "/embed.js", "/manifest.webmanifest", "/oembed"].map((p) => location.origin + p)),
  };
  window.goappGetenv = (k) => env[k];
  window.goappUpdatedBeforeWasmLoaded = false;
  window.goappOnUpdate = () => { window.goappUpdatedBeforeWasmLoaded = true; };
  window.goappAppInstallChangedBeforeWasmLoaded = false;
  window.goappOnAppInstallChange = () => { window.goappAppInstallChangedBeforeWasmLoaded = true; };
  window.goappNav = () => {};
  window.goappTryUpdate = () => {};
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
  window.backstoryShare = (url, title, text) => {
    if (navigator.share) {
      return navigator.share({ url, title, text }).then(() => "shared", (e) => (e && e.name === "AbortError" ? "cancelled" : copy(url)));
    }
    return copy(url);
  };

  startWasm(me.dataset.wasm);

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
      instantiate
        .then((result) => go.run(result.instance))
        .catch((err) => {
          html.dataset.wasm = "failed";
          console.warn("backstory: the interactive layer did not load:", err);
          notice("Interactive features could not load. The article is complete: tap a card to open it.");
        });
    };
    // Reading comes first: start once the page has loaded.
    if (document.readyState === "complete") run();
    else window.addEventListener("load", run, { once: true });
  }

  function openTargetCard() {
    const id = decodeURIComponent(location.hash.slice(1));
    const card = id && document.getElementById(id);
    if (card && card.matches("details[data-card]")) card.open = true;
  }

  function copy(url) {
    if (!navigator.clipboard) return Promise.resolve("failed");
    return navigator.clipboard.writeText(url).then(() => "copied", () => "failed");
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
