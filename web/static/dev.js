// backstory serve -dev: shows the problems in the articles being edited in
// a banner, and reloads the page when the articles change. The server adds
// this script to pages only with -dev, before boot.js.
(() => {
  window.backstoryDev = true; // boot.js then installs no service worker
  const me = document.currentScript;
  const version = me && me.dataset.version;
  const site = JSON.parse((me && me.dataset.boot) || "{}");

  // A service worker left by an earlier run would answer with saved
  // pages: none while editing.
  try {
    const sw = navigator.serviceWorker;
    if (sw) {
      sw.getRegistrations()
        .then((rs) => Promise.all(rs.map((r) => r.unregister())))
        .then((gone) => { if (gone.length && sw.controller) location.reload(); })
        .catch(() => {});
    }
  } catch (e) { /* no service workers here */ }

  const events = new EventSource(site.dev);
  events.addEventListener("state", (e) => {
    const state = JSON.parse(e.data);
    window.backstoryDevState = state; // for tests: the stream is up
    if (version && state.version !== version) {
      location.reload();
      return;
    }
    show(state.problems || []);
  });

  // show puts the problems in a banner at the top of the page, outside the
  // page's own DOM, or takes the banner away when there are none.
  function show(problems) {
    let banner = document.getElementById("backstory-dev");
    if (!problems.length) {
      if (banner) banner.remove();
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "backstory-dev";
      banner.setAttribute("role", "alert");
      Object.assign(banner.style, {
        position: "fixed", insetInline: "0", top: "0", zIndex: "2147483647", maxHeight: "50vh", overflow: "auto",
        padding: "0.75rem 1rem", background: "#8b1a1a", color: "#fff", font: "14px/1.45 ui-monospace, monospace",
        whiteSpace: "pre-wrap", boxShadow: "0 2px 8px rgba(0,0,0,.35)",
      });
      document.documentElement.append(banner);
    }
    banner.textContent = "The articles have problems; readers get the last good version of each file.\n\n" + problems.join("\n");
  }
})();
