// backstory frame: what an embed page says to the page that frames it. The
// embed measures its own height (a ResizeObserver on the document, never
// the viewport, whose size the parent sets) and tells the parent whenever
// it changes, growing and shrinking, in whole pixels, in three protocols:
//   - backstory's, for /embed.js: {type: "backstory:height", height, id}
//   - pym.js v1 (NPR), when the URL has childId:
//     "pymxPYMx<childId>xPYMxheightxPYMx<px>"
//   - WordPress embeds, when the URL's hash has a secret (#?secret=…):
//     {message: "height", value, secret}, and {message: "link", value,
//     secret} for links, which the host opens.
// It also reports cards opening and closing ({type: "backstory:card", id,
// open, top}), takes {type: "backstory:theme", theme} and {type:
// "backstory:host", link} (the host page's link to a card, "{id}" in it)
// from the parent, and opens the card the URL's card= names.
//
// A height limit (maxheight=N in the URL, N ≥ 200; 1000 in WordPress,
// which cuts every embed there; the frame's height when the URL says
// fixed=1, as oEmbed's iframe does) makes the embed fit: when the article is
// taller, it shows its headline, dek, byline, the lead (what comes before
// the first heading) and the cards there, then "Continue reading"; an open
// card's body scrolls. Everything is decided by measuring, again whenever
// a card opens or closes, the width changes or the wasm takes over.
(() => {
  "use strict";
  if (window.parent === window) return;
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const embedID = query.get("id") || "";
  const pymID = query.get("childId");
  const secret = new URLSearchParams(location.hash.replace(/^#\??/, "")).get("secret");
  const minLimit = 200; // WordPress's least height too
  const wordpressLimit = 1000;
  // The limit: the URL's; WordPress's, which resizes the frame up to it;
  // or the frame's own height when the host fixes it (fixed=1, in
  // oEmbed's iframe) and nothing resizes it.
  const n = parseInt(query.get("maxheight"), 10); // anything else is ignored
  const asked = n > 0 ? Math.max(minLimit, n) : Infinity;
  const fixed = query.get("fixed") === "1" && !secret;
  const limitNow = () => Math.min(asked, secret ? wordpressLimit : Infinity, fixed ? Math.max(minLimit, innerHeight) : Infinity);
  let limit = 0;
  let last = 0;

  const post = (msg) => {
    try {
      window.parent.postMessage(msg, "*");
    } catch (e) { /* a parent gone away */ }
  };

  const height = () => Math.ceil(root.getBoundingClientRect().height);

  function send(force) {
    const h = height();
    if (h === last && !force) return;
    last = h;
    post({ type: "backstory:height", height: h, id: embedID });
    if (pymID) post(`pymxPYMx${pymID}xPYMxheightxPYMx${h}`);
    if (secret) post({ message: "height", value: h, secret });
  }

  // fit makes the page fit the limit, from scratch: what it hid or
  // shortened before, it shows again first.
  let width = 0;
  function fit() {
    limit = limitNow();
    if (limit === Infinity) limit = 0;
    if (!limit) return;
    width = root.clientWidth;
    for (const el of document.querySelectorAll("[data-fit-hidden]")) el.removeAttribute("data-fit-hidden");
    for (const el of document.querySelectorAll("[data-fit-scroll]")) {
      el.removeAttribute("data-fit-scroll");
      el.removeAttribute("tabindex");
      el.style.maxHeight = "";
    }
    delete root.dataset.fit;
    if (height() <= limit) return;
    root.dataset.fit = "";
    const over = () => height() - limit;
    const hide = (el) => el && over() > 0 && el.setAttribute("data-fit-hidden", "");
    const keeps = (el) => el.matches("details[open]") || !!el.querySelector("details[open]");
    // The article's blocks: the lead until the first heading, then the rest.
    const blocks = [...document.querySelectorAll(".article-body > *")];
    const heading = (el) => /^H[2-6]$/.test(el.tagName);
    const lead = Math.max(1, blocks.findIndex(heading) < 0 ? blocks.length : blocks.findIndex(heading));
    // Blocks go from the end, down to `stop`, but those that hold an open
    // card; a heading is never left last.
    const trim = (stop) => {
      for (let i = blocks.length - 1; i >= stop && over() > 0; i--) if (!keeps(blocks[i])) hide(blocks[i]);
      const shown = blocks.filter((el) => !el.hasAttribute("data-fit-hidden"));
      if (shown.length > 1 && heading(shown[shown.length - 1])) shown[shown.length - 1].setAttribute("data-fit-hidden", "");
    };
    // Open cards' bodies scroll, down to a useful height; then what follows
    // the lead goes, then the byline, then the lead from its end (its first
    // block stays); then the bodies scroll in less; then the dek goes.
    const bodies = [...document.querySelectorAll("details[open] > .card-body")];
    const shrink = (least) => {
      for (const body of bodies) {
        const h = body.getBoundingClientRect().height;
        if (over() <= 0 || h <= least) continue;
        body.setAttribute("data-fit-scroll", "");
        body.tabIndex = 0; // a region that scrolls is reached by keyboard
        body.style.maxHeight = Math.max(least, Math.floor(h - over())) + "px";
      }
    };
    shrink(Math.min(240, limit * 0.4));
    trim(lead);
    hide(document.querySelector(".article-header .meta"));
    trim(1);
    shrink(96);
    hide(document.querySelector(".article-header .dek"));
    if (over() > 0) root.dataset.fit = "tight";
  }

  // The wasm's hand-over replaces the page's nodes, and the marks on them.
  new ResizeObserver(() => {
    if (limit && height() > limit) fit();
    send(false);
  }).observe(root);
  addEventListener("resize", () => {
    if (limit && (root.clientWidth !== width || limitNow() !== limit)) fit();
    send(false);
  });
  addEventListener("load", () => send(true));
  fit();
  send(true);

  // The card the host's URL names (embed.js's data-link-cards).
  const wanted = query.get("card");
  const card = wanted && document.getElementById(wanted);
  if (card && card.matches("details[data-card]")) card.open = true;

  addEventListener("message", (e) => {
    if (e.source !== window.parent) return;
    const d = e.data;
    if (typeof d === "string") {
      // pym.js: the parent's width changed, or it asks for the height.
      if (pymID && d.startsWith(`pymxPYMx${pymID}xPYMx`)) send(true);
      return;
    }
    if (!d || typeof d !== "object") return;
    if (d.message === "ready" && secret && d.secret === secret) send(true);
    if (d.type === "backstory:theme" && ["light", "dark", "auto"].includes(d.theme)) {
      if (d.theme === "auto") delete root.dataset.theme;
      else root.dataset.theme = d.theme;
    }
    if (d.type === "backstory:host" && typeof d.link === "string" && /^https?:/.test(d.link)) {
      // The wasm's "Share" shares the host page's link to the card.
      root.dataset.hostLink = d.link;
    }
  });

  // Cards: "toggle" does not bubble, so listen while it goes down. The
  // wasm's hand-over builds new <details> (an open one fires "toggle"
  // again): only a change is news.
  const cards = new Map();
  document.addEventListener("toggle", (e) => {
    const card = e.target;
    if (!(card instanceof HTMLDetailsElement) || !card.dataset.card) return;
    if (limit) fit();
    if ((cards.get(card.id) || false) === card.open) return;
    cards.set(card.id, card.open);
    const top = Math.round(card.getBoundingClientRect().top + scrollY);
    post({ type: "backstory:card", id: card.id, open: card.open, top });
  }, true);

  // WordPress opens links itself: the frame is sandboxed, without popups.
  if (secret) {
    document.addEventListener("click", (e) => {
      const a = e.target.closest && e.target.closest("a[href]");
      if (!a || a.getAttribute("href").startsWith("#") || e.defaultPrevented) return;
      e.preventDefault();
      e.stopPropagation();
      post({ message: "link", value: a.href, secret });
    }, true);
  }
})();
