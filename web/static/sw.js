// backstory's service worker: offline reading.
//
// The server serves this file with CONFIG defined before it (server/pwa.go);
// every URL in it carries the site's prefix:
//   version   the site's revision: wasm, assets and content
//   scope     the site's root, its index ("/" or "/news/")
//   assets    the assets' directory ("/web/")
//   static    the versioned assets of this revision (the app shell)
//   byName    plain asset name → this revision's versioned URL
//   pages     pages and their JSON to save at install: the index, the
//             newest articles up to the cap, and their JSON
//   offline   the page shown for a page that was never saved
//   routes    the route table: {path, exact, policy}, in order; policy is
//             "page", "data", "asset" or "network"
//   cards     the list of shared cards and their revisions ([{id, rev}])
//
// Caches: "backstory-static-<version>" holds this revision's assets and the
// offline page, and is replaced by the next; "backstory-pages" holds pages
// and JSON and survives releases: a page saved by an older release is
// served offline, and replaced from the network when online.
//
// A shared card changed is a new release; when it activates, every saved
// page and JSON that shows an older version of a card is saved anew (see
// refreshCards), so that a reader's offline copies stay current.
//
// A page is saved under its canonical URL: hosts answer /x, /x/ and
// /x/index.html alike (some by a redirect), and a copy saved under one
// serves them all.
const STATIC = "backstory-static-" + CONFIG.version;
const PAGES = "backstory-pages";
const VERSION_HEADER = "X-Backstory-Version";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const statics = await caches.open(STATIC);
    await statics.addAll(CONFIG.static);
    const offline = await store(statics, new Request(CONFIG.offline));
    if (!offline.ok) throw new Error("the offline page answered " + offline.status);
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
    const refreshed = await refreshCards();
    for (const client of await self.clients.matchAll({ type: "window" })) {
      client.postMessage({ type: "backstory:refreshed", version: CONFIG.version, urls: refreshed });
    }
  })());
});

// refreshCards saves anew each saved page or JSON that shows a shared card
// whose revision is no longer the current one, and returns their URLs. A
// copy is replaced only by a complete, successful answer (see store).
async function refreshCards() {
  let current;
  try {
    const response = await fetch(CONFIG.cards, { cache: "no-store" });
    if (!response.ok) return [];
    current = new Map((await response.json()).map((c) => [c.id, c.rev]));
  } catch (e) {
    return []; // offline: the next release tries again
  }
  const pages = await caches.open(PAGES);
  const stale = [];
  for (const request of await pages.keys()) {
    const saved = await pages.match(request);
    if (!saved) continue;
    const cards = sharedCardsOf(await saved.text());
    if (cards.some((c) => current.get(c.id) !== c.rev)) stale.push(request.url);
  }
  const refreshed = [];
  await Promise.all(stale.map(async (url) => {
    try {
      if ((await store(pages, new Request(url))).ok) refreshed.push(url);
    } catch (e) {
      // Offline or failed: the saved copy stays.
    }
  }));
  return refreshed;
}

// sharedCardsOf lists the shared cards ({id, rev}) a saved body shows: a
// page's data (its page-data script) or an article's or card's JSON.
function sharedCardsOf(body) {
  let data;
  try {
    const script = /<script type="application\/json" id="page-data">([\s\S]*?)<\/script>/.exec(body);
    data = JSON.parse(script ? script[1] : body);
  } catch (e) {
    return [];
  }
  const article = data.article || (data.cards ? data : null);
  const cards = (article && article.cards) || [];
  for (const c of [data.sharedCard, data.card]) if (c) cards.push(c);
  return cards.filter((c) => c && c.shared && c.rev).map((c) => ({ id: c.id, rev: c.rev }));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(CONFIG.scope)) return;
  const policy = request.mode === "navigate" ? "page" : policyOf(url.pathname);
  if (policy === "asset") {
    event.respondWith(asset(request, url));
  } else if (policy === "page" && request.mode === "navigate") {
    event.respondWith(fresh(event, request, () => offlinePage()));
  } else if (policy === "page" || policy === "data") {
    event.respondWith(fresh(event, request, () => new Response('{"error":"offline"}', { status: 503, headers: { "Content-Type": "application/json" } })));
  }
});

// policyOf is what the route table says of a path: the policy of the
// first route that matches it, "network" for none.
function policyOf(path) {
  for (const r of CONFIG.routes) {
    if (r.exact ? path === r.path : path.startsWith(r.path)) return r.policy;
  }
  return "network";
}

// canonical is the URL a page is saved under: without a last
// "/index.html" and without a trailing slash, but the site's root as
// CONFIG.scope.
function canonical(request) {
  const url = new URL(request.url);
  let path = url.pathname.replace(/\/index\.html$/, "/");
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  if (path + "/" === CONFIG.scope || path === "") path = CONFIG.scope;
  return new Request(url.origin + path + url.search);
}

// fresh serves a page or its JSON, stale-while-revalidate: a copy saved by
// this release at once (and a new copy saved for next time); a copy saved
// by an older release only when the network fails; nothing saved, the
// network, and then fallback().
async function fresh(event, request, fallback) {
  const pages = await caches.open(PAGES);
  const saved = await pages.match(canonical(request), { ignoreVary: true });
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

// store fetches request and saves a successful answer under the request's
// canonical URL. A redirected answer (a host that adds a trailing slash)
// is saved as a plain one: a navigation may not be answered with a
// redirected response. A navigation's own redirect comes back opaque, for
// the browser to follow, and is not saved.
async function store(cache, request) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    try {
      await cache.put(canonical(request), response.redirected ? await unredirected(response.clone()) : response.clone());
    } catch (e) {
      // Over quota: the reader still gets the page.
    }
  }
  return response;
}

// unredirected is a copy of response that does not say it was redirected.
async function unredirected(response) {
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
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
  const name = url.pathname.slice(CONFIG.assets.length).replace(/\.[0-9a-f]{10}(\.[^./]+)$/, "$1");
  return CONFIG.byName[name] || url.pathname;
}

async function offlinePage() {
  return (await caches.match(canonical(new Request(CONFIG.offline)), { ignoreVary: true })) || new Response(CONFIG.offlineText, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
