// Watch-time heartbeats for the live lecture (server side: attendance/watch.py).
// Playing time is counted only while the video plays and the page is visible; every
// few seconds, and when playing stops or the page is hidden, the page reports the time
// counted since its previous report, numbered and signed (HMAC-SHA256 with the key this
// page was given). The server never credits more than the wall time between reports.
(function () {
  "use strict";
  var box = document.querySelector("[data-watch]");
  var video = document.querySelector("video[data-hls-src]");
  if (!box || !video || !window.crypto || !crypto.subtle || !window.fetch) return;
  var interval = Math.max(1, Number(box.dataset.interval) || 15) * 1000;
  var csrf = box.querySelector("input[name=csrfmiddlewaretoken]");
  var minutes = box.querySelector("[data-watched-minutes]");
  var state = box.querySelector("[data-watch-state]");
  var problem = box.querySelector("[data-watch-problem]");
  var encoder = new TextEncoder();
  var keyPromise = crypto.subtle.importKey(
    "raw", encoder.encode(box.dataset.key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  var seq = 0;
  var counted = 0;         // ms of playing, visible time not yet reported
  var countingSince = null;
  var stopped = false;     // another device took over

  function watching() {
    return !video.paused && !video.ended && video.readyState >= 3 && document.visibilityState === "visible";
  }
  function update() {      // start or stop the stopwatch as the conditions change
    var now = performance.now();
    if (countingSince !== null) counted += now - countingSince;
    countingSince = watching() ? now : null;
  }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function report(start) {
    update();
    // The first report only starts the server's clock: it credits nothing.
    if (stopped || (counted < 500 && !(start === true && seq === 0))) return;
    var played = (counted / 1000).toFixed(1);
    counted = 0;
    seq += 1;
    var message = [box.dataset.user, box.dataset.session, box.dataset.device, seq, played].join(":");
    var beatSeq = seq;
    keyPromise.then(function (key) {
      return crypto.subtle.sign("HMAC", key, encoder.encode(message));
    }).then(function (signature) {
      return fetch(box.dataset.heartbeatUrl, {
        method: "POST",
        credentials: "same-origin",
        keepalive: true,
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf ? csrf.value : "" },
        body: JSON.stringify({ device: box.dataset.device, seq: beatSeq, played: played, signature: hex(signature) })
      });
    }).then(function (response) {
      return response.json().then(function (data) {
        if (data.ok) {
          minutes.textContent = data.watched_minutes;
          if (data.attended) state.textContent = "· " + box.dataset.attendedText;
          problem.hidden = true;
        } else {
          problem.textContent = data.message;
          problem.hidden = false;
          if (data.code === "other_device") stopped = true;
        }
      });
    }).catch(function () { /* a lost heartbeat only loses its own seconds */ });
  }
  ["playing", "pause", "waiting", "ended", "seeking", "canplay"].forEach(function (name) {
    video.addEventListener(name, function () {
      if (name === "pause" || name === "ended" || name === "waiting") report();
      else if (name === "playing") report(true);
      else update();
    });
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") update(); else report();
  });
  window.addEventListener("pagehide", report);
  setInterval(report, interval);
})();
