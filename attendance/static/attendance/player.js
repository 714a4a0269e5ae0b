// Plays a session's HLS stream: hls.js (served from this site, attendance/vendor/) where the
// browser has Media Source Extensions, as in Chromium; the browser itself where it plays HLS
// natively, as Safari on iPhone does.
(function () {
  "use strict";
  document.querySelectorAll("video[data-hls-src]").forEach(function (video) {
    var source = video.dataset.hlsSrc;
    if (window.Hls && window.Hls.isSupported()) {
      var hls = new window.Hls({ enableWorker: false });  // a blob: worker is not allowed by our CSP
      hls.loadSource(source);
      hls.attachMedia(video);
      video.hls = hls;
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = source;
    } else {
      var note = video.parentNode.querySelector("[data-player-unsupported]");
      if (note) note.hidden = false;
    }
  });
})();
