/* backstory embed.js: turns each <div data-backstory="https://HOST/PREFIX/embed/SLUG">
   into the article's iframe, sized to its content. No dependencies; safe to
   load twice; finds placeholders added later. Optional attributes:
   data-title (the iframe's title) and data-heights ("320:2100 375:1900 …",
   the height to reserve at each width until the embed tells its own).
   window.backstoryEmbeds.setTheme("dark"|"light"|"auto") restyles them all;
   each card opened or closed fires "backstory:card" on its iframe. */
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
    var f = d.createElement("iframe");
    f.src = url.href;
    f.title = el.getAttribute("data-title") || "Article";
    f.setAttribute("loading", "lazy");
    f.setAttribute("allow", "clipboard-write; web-share");
    f.style.display = "block";
    f.style.width = "100%";
    f.style.border = "0";
    var h = reserve(el);
    if (h) f.style.height = h + "px";
    frames.push({ frame: f, origin: url.origin, id: id });
    el.parentNode.replaceChild(f, el);
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
