/* The live board: receive the server's changes and put them on the page: server-sent events (`stroom/`), or
   long-polling as a fallback.
   `.../updates/?since=<revision>&layout=<layout>` answers as soon as the board changed, or after ~20 s with
   {changed: false}. A change of layout brings the whole live part (`html`); otherwise new or moved post-its, the
   vote table and placemat answers. Without JavaScript the page keeps its "Vernieuwen" button. */
(function () {
  "use strict";
  var live = document.getElementById("board-live");
  if (!live || !window.fetch) return;
  var base = live.getAttribute("data-board-updates");
  var since = live.getAttribute("data-revision");
  var layout = live.getAttribute("data-layout");
  var placemat = placematFlag();
  var reload = document.getElementById("board-reload");
  if (reload) reload.hidden = true;

  function placematFlag() {
    var el = live.querySelector("[data-placemat]");
    return el ? el.getAttribute("data-placemat") : "";
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function fragment(html) {
    var box = document.createElement("div");
    box.innerHTML = html;
    return box.firstElementChild;
  }
  function place(p) {
    var old = document.getElementById("postit-" + p.id);
    var list = live.querySelector('[data-postits="' + p.container + '"]');
    if (!list) return;
    var fresh = fragment(p.html);
    if (old) old.remove();
    list.appendChild(fresh);
  }
  function tally(t) {
    Object.keys(t.dots).forEach(function (id) {
      var cell = document.getElementById("dots-" + id);
      if (!cell) return;
      var n = t.dots[id];
      cell.querySelector(".dots").textContent = new Array(Math.min(n, 40) + 1).join("\u25cf");
      cell.querySelector(".dots__n").textContent = n;
      var own = document.getElementById("own-" + id);
      if (own && t.own) own.textContent = t.own[id] || 0;
    });
    var left = document.getElementById("votes-left");
    if (left && t.left !== undefined) {
      left.textContent = t.left;
      live.querySelectorAll("[data-vote-add]").forEach(function (b) { b.disabled = t.left <= 0; });
    }
  }
  function apply(d) {
    if (d.html !== undefined) {
      live.innerHTML = d.html;
      if (placematFlag() !== placemat) { window.location.reload(); return; }
    } else {
      (d.postits || []).forEach(place);
      if (d.tally !== undefined) tally(d.tally);
      (d.answers || []).forEach(function (a) {
        var el = document.getElementById("answer-" + a.id);
        if (el) el.textContent = a.text;
      });
    }
  }
  function url() {
    return base + (base.indexOf("?") < 0 ? "?" : "&") + "since=" + encodeURIComponent(since) +
      "&layout=" + encodeURIComponent(layout);
  }
  async function loop() {
    for (;;) {
      try {
        var r = await fetch(url(), { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (r.status === 410) { window.location.reload(); return; }
        if (!r.ok) { await sleep(3000); continue; }
        var d = await r.json();
        if (d.changed) {
          apply(d);
          since = d.revision;
          layout = d.layout;
        }
      } catch (e) {
        if (reload) reload.hidden = false;
        await sleep(3000);
      }
    }
  }
  function listen() {
    // server-sent events: one open connection, each change pushed as it commits; long-polling when the browser
    // has no EventSource or the stream fails to open
    var stream = live.getAttribute("data-board-stream");
    if (!stream || !window.EventSource) { loop(); return; }
    var source, opened = false;
    function open() {
      var sep = stream.indexOf("?") < 0 ? "?" : "&";
      source = new EventSource(stream + sep + "since=" + encodeURIComponent(since) + "&layout=" + encodeURIComponent(layout));
      source.onopen = function () { opened = true; if (reload) reload.hidden = true; };
      source.onmessage = function (e) {
        var d = JSON.parse(e.data);
        if (d.changed) { apply(d); since = d.revision; layout = d.layout; }
      };
      source.onerror = function () {
        source.close();
        if (!opened) { loop(); return; }  // never worked: fall back to long-polling
        setTimeout(open, 1000);  // the stream ended (every minute) or the network hiccupped: open a new one
      };
    }
    open();
  }
  listen();
})();
