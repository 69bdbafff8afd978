// backstory's service worker: offline reading.
//
// The server serves this file at /sw.js with CONFIG defined before it:
//   version   the site's revision: wasm, assets and content
//   static    the versioned assets of this revision (the app shell)
//   byName    plain asset name → this revision's versioned URL
//   pages     pages and their JSON to save at install: "/", the newest
//             articles up to the cap, their /api/articles/SLUG.json
//   offline   the page shown for a page that was never saved
//
// Caches: "backstory-static-<version>" holds this revision's assets and is
// replaced by the next; "backstory-pages" holds pages and JSON and survives
// releases: a page saved by an older release is served offline, and
// replaced from the network when online.
const STATIC = "backstory-static-" + CONFIG.version;
const PAGES = "backstory-pages";
const VERSION_HEADER = "X-Backstory-Version";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const statics = await caches.open(STATIC);
    await statics.addAll([...CONFIG.static, CONFIG.offline]);
    const pages = await caches.open(PAGES);
    await Promise.all(CONFIG.pages.map((url) => store(pages, new Request(url)).catch(() => null)));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("backstory-static-") && key !== STATIC) await caches.delete(key);
    }
    await self.clients.claim();
    for (const client of await self.clients.matchAll({ type: "window" })) {
      client.postMessage({ type: "backstory:cached", version: CONFIG.version });
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === "/sw.js") return;
  if (url.pathname.startsWith("/web/")) {
    event.respondWith(asset(request, url));
  } else if (request.mode === "navigate") {
    event.respondWith(fresh(event, request, () => offlinePage()));
  } else if (url.pathname.startsWith("/api/")) {
    event.respondWith(fresh(event, request, () => new Response('{"error":"offline"}', { status: 503, headers: { "Content-Type": "application/json" } })));
  }
});

// fresh serves a page or its JSON, stale-while-revalidate: a copy saved by
// this release at once (and a new copy saved for next time); a copy saved
// by an older release only when the network fails; nothing saved, the
// network, and then fallback().
async function fresh(event, request, fallback) {
  const pages = await caches.open(PAGES);
  const saved = await pages.match(request, { ignoreVary: true });
  const network = store(pages, request);
  if (saved && saved.headers.get(VERSION_HEADER) === CONFIG.version) {
    event.waitUntil(network.catch(() => null));
    return saved;
  }
  try {
    return await network;
  } catch (e) {
    return saved || fallback();
  }
}

// store fetches request and saves a successful answer.
async function store(cache, request) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    try {
      await cache.put(request, response.clone());
    } catch (e) {
      // Over quota: the reader still gets the page.
    }
  }
  return response;
}

// asset serves a static file: this release's copy, or for an older
// release's versioned URL (app.1a2b3c4d5e.css) this release's file of that
// name, so that a page saved long ago still starts offline.
async function asset(request, url) {
  const statics = await caches.open(STATIC);
  const saved = (await statics.match(request, { ignoreVary: true })) || (await statics.match(current(url), { ignoreVary: true }));
  if (saved) return saved;
  try {
    return await fetch(request);
  } catch (e) {
    return (await caches.match(request, { ignoreVary: true })) || Response.error();
  }
}

// current is this release's URL for the asset url names, under any release.
function current(url) {
  const name = url.pathname.slice("/web/".length).replace(/\.[0-9a-f]{10}(\.[^./]+)$/, "$1");
  return CONFIG.byName[name] || url.pathname;
}

async function offlinePage() {
  return (await caches.match(CONFIG.offline, { ignoreVary: true })) || new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
