/* backstory embed.js: each <div data-backstory="https://HOST/PREFIX/embed/…">
   becomes the embed's iframe, as tall as its content. Its options
   (data-title, data-heights, data-link-cards) and backstoryEmbeds: see
   "Embedding" in backstory's README. */
(function () {
  "use strict";
  var w = window, d = document;
  if (w.backstoryEmbeds) { w.backstoryEmbeds.scan(d); return; }
  var frames = [], count = 0;

  function reserve(el) {
    var best = 0, width = el.clientWidth || w.innerWidth;
    (el.getAttribute("data-heights") || "").split(/\s+/).forEach(function (pair) {
      var p = pair.split(":"), at = +p[0], h = +p[1];
      if (h > 0 && (!best || at <= width)) best = h;
    });
    return best || el.offsetHeight || 0;
  }

  function mount(el) {
    if (el.hasAttribute("data-backstory-mounted")) return;
    var url;
    try { url = new URL(el.getAttribute("data-backstory"), location.href); } catch (e) { return; }
    if (!/^https?:$/.test(url.protocol) || url.pathname.indexOf("/embed/") < 0) return;
    el.setAttribute("data-backstory-mounted", "");
    var id = "backstory-" + (++count);
    url.searchParams.set("id", id);
    var link = el.getAttribute("data-link-cards"), want = null;
    if (link !== null) {
      link = link === "hash" ? "" : link;
      want = cardIn(link);
      // A card id, not an anchor of this page.
      if (want && /^[\w-]+$/.test(want) && (link || !d.getElementById(want))) url.searchParams.set("card", want);
      else want = null;
    }
    var f = d.createElement("iframe");
    f.src = url.href;
    f.title = el.getAttribute("data-title") || "Article";
    f.setAttribute("loading", "lazy");
    f.setAttribute("allow", "clipboard-write; web-share");
    f.style.display = "block";
    f.style.width = "100%";
    f.style.border = "0";
    var h = reserve(el), most = +url.searchParams.get("maxheight");
    if (most >= 200 && h > most) h = most; // the embed fits in its limit
    if (h) f.style.height = h + "px";
    frames.push({ frame: f, origin: url.origin, id: id, link: link, want: want });
    el.parentNode.replaceChild(f, el);
  }

  // The card this page's URL names; the URL naming another (or none).
  function cardIn(param) {
    return param ? new URL(location.href).searchParams.get(param) : decodeURIComponent(location.hash.slice(1));
  }
  function linkTo(param, id) {
    var u = new URL(location.href);
    if (!param) u.hash = id;
    else if (id) u.searchParams.set(param, id);
    else u.searchParams.delete(param);
    return u.href;
  }

  function scan(root) {
    if (!root.querySelectorAll) return;
    if (root.hasAttribute && root.hasAttribute("data-backstory")) mount(root);
    var els = root.querySelectorAll("[data-backstory]");
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }

  w.addEventListener("message", function (e) {
    var m = e.data;
    if (!m || typeof m !== "object") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.frame.contentWindow || e.origin !== f.origin) continue;
      if (m.type === "backstory:height" && m.height > 0) f.frame.style.height = Math.ceil(m.height) + "px";
      if (m.type === "backstory:card" && typeof m.id === "string") {
        f.frame.dispatchEvent(new CustomEvent("backstory:card", { bubbles: true, detail: { id: m.id, open: !!m.open } }));
        if (f.link !== null) {
          var now = cardIn(f.link);
          if (m.open || now === m.id) history.replaceState(history.state, "", linkTo(f.link, m.open ? m.id : ""));
          if (m.open && m.id === f.want) { f.scroll = +m.top || 0; f.want = null; }
        }
      }
      if (f.link !== null && !f.told) {
        // The embed speaks: tell it this page's link to its cards.
        f.told = true;
        f.frame.contentWindow.postMessage({ type: "backstory:host", link: linkTo(f.link, "{id}").replace("%7Bid%7D", "{id}") }, f.origin);
      }
      // Scroll to the card the URL named, once the embed has grown to it.
      if (f.scroll >= 0 && f.frame.offsetHeight > f.scroll) {
        w.scrollTo(0, f.frame.getBoundingClientRect().top + w.scrollY + f.scroll);
        f.scroll = -1;
      }
    }
  });

  w.backstoryEmbeds = {
    scan: scan,
    setTheme: function (theme) {
      frames.forEach(function (f) {
        if (f.frame.contentWindow) f.frame.contentWindow.postMessage({ type: "backstory:theme", theme: theme }, f.origin);
      });
    }
  };
  scan(d);
  if (w.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (r) { r.addedNodes.forEach(function (n) { if (n.nodeType === 1) scan(n); }); });
    }).observe(d.documentElement, { childList: true, subtree: true });
  }
})();
