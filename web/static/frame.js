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
// open}) and takes {type: "backstory:theme", theme} from the parent.
(() => {
  "use strict";
  if (window.parent === window) return;
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const embedID = query.get("id") || "";
  const pymID = query.get("childId");
  const secret = new URLSearchParams(location.hash.replace(/^#\??/, "")).get("secret");
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

  new ResizeObserver(() => send(false)).observe(root);
  addEventListener("load", () => send(true));
  send(true);

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
  });

  // Cards: "toggle" does not bubble, so listen while it goes down. The
  // wasm's hand-over builds new <details> (an open one fires "toggle"
  // again): only a change is news.
  const cards = new Map();
  document.addEventListener("toggle", (e) => {
    const card = e.target;
    if (!(card instanceof HTMLDetailsElement) || !card.dataset.card) return;
    if ((cards.get(card.id) || false) === card.open) return;
    cards.set(card.id, card.open);
    post({ type: "backstory:card", id: card.id, open: card.open });
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
