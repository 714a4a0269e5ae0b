// Venue screen: fetch the small JSON state every few seconds and when the code changes.
// Names are inserted as text (never as HTML); the QR SVG is drawn by the server.
(function () {
  "use strict";
  var root = document.querySelector("[data-screen-state]");
  if (!root) return;
  var url = root.dataset.screenState;
  var secondsLeft = parseInt(root.dataset.secondsLeft, 10) || 10;
  var POLL_SECONDS = 4;
  var sincePoll = 0;
  var byId = function (id) { return document.getElementById(id); };

  function listItems(list, people, withTime) {
    list.textContent = "";
    people.forEach(function (person) {
      var li = document.createElement("li");
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = person.name;
      li.appendChild(name);
      if (withTime) {
        var badge = document.createElement("span");
        badge.className = "status-badge status-" + person.status;
        badge.textContent = person.time + " " + person.status_label;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(badge);
      }
      if (person.organisation) {
        var org = document.createElement("div");
        org.className = "org";
        org.textContent = person.organisation;
        li.appendChild(org);
      }
      list.appendChild(li);
    });
  }

  function render(state) {
    byId("screen-code").textContent = state.code.slice(0, 3) + " " + state.code.slice(3);
    byId("screen-qr").innerHTML = state.qr_svg;
    byId("screen-qr-link").href = state.scan_url;
    byId("screen-count").textContent = state.count;
    byId("screen-expected").textContent = state.expected;
    byId("screen-waiting-count").textContent = state.waiting.length;
    listItems(byId("screen-checked-in"), state.checked_in, true);
    listItems(byId("screen-waiting"), state.waiting, false);
    secondsLeft = state.seconds_left;
  }

  function poll() {
    sincePoll = 0;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(render)
      .catch(function () { /* keep showing the last state; the next poll retries */ });
  }

  // Without JS a <noscript> meta refresh reloads the page instead.
  setInterval(function () {
    secondsLeft -= 1;
    sincePoll += 1;
    byId("screen-seconds").textContent = Math.max(secondsLeft, 0);
    if (secondsLeft <= 0 || sincePoll >= POLL_SECONDS) poll();
  }, 1000);
})();
