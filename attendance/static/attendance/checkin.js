// Check-in forms: record the phone's clock, and submit with fetch so the answer
// appears in place (the form still works as a normal POST without this file).
// A network error or a 502/503/504 (a server restarting, the database briefly away) is
// retried after 1, 2 and 4 s: safe, because the server records one check-in per trainee
// however often it is sent.
// When it still fails (or the phone is offline), the check-in is kept in localStorage
// (code or ticket link, device time, a random nonce) and sent again when the network
// returns, and whenever a check-in page is opened again. The server accepts it when the
// code was valid at the moment of entry (attendance/codes.py, entry_moment); the nonce
// lets it recognise a resend of the same check-in.
(function () {
  "use strict";
  var RETRY_DELAYS_MS = [1000, 2000, 4000];
  var RETRYABLE = [502, 503, 504];
  var STORE_KEY = "attendance.pending-checkins";
  var MAX_PENDING = 5;
  var PENDING_MAX_AGE_MS = 2 * 60 * 60 * 1000;  // the server's bound (codes.LATE_CHECKIN_MAX_DELAY)

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function newNonce() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // --- The pending store (survives closing the page) ------------------------------------
  function readPending() {
    try {
      var items = JSON.parse(localStorage.getItem(STORE_KEY) || "[]");
      var now = Date.now();
      return Array.isArray(items) ? items.filter(function (item) {
        return item && item.nonce && now - Date.parse(item.device_time) <= PENDING_MAX_AGE_MS;
      }) : [];
    } catch (e) {
      return [];
    }
  }
  function writePending(items) {
    try {
      if (items.length) localStorage.setItem(STORE_KEY, JSON.stringify(items.slice(-MAX_PENDING)));
      else localStorage.removeItem(STORE_KEY);
      return true;
    } catch (e) {
      return false;  // storage full or disabled
    }
  }
  function keep(item) {
    var items = readPending().filter(function (other) { return other.nonce !== item.nonce; });
    items.push(item);
    return writePending(items);
  }
  function forget(nonce) {
    writePending(readPending().filter(function (item) { return item.nonce !== nonce; }));
  }

  function NetworkTrouble(message) { this.message = message; }

  // One POST with the retries; resolves with the server's JSON answer, rejects with
  // NetworkTrouble when the server could not be reached (or kept answering 502-504).
  function send(item, csrfToken, attempt) {
    var retry = function (error) {
      if (attempt >= RETRY_DELAYS_MS.length || navigator.onLine === false) throw new NetworkTrouble(String(error));
      return wait(RETRY_DELAYS_MS[attempt]).then(function () { return send(item, csrfToken, attempt + 1); });
    };
    var body = new FormData();
    Object.keys(item.fields).forEach(function (name) { body.append(name, item.fields[name]); });
    body.append("device_time", item.device_time);
    body.append("nonce", item.nonce);
    body.append("sent_at", new Date().toISOString());
    body.append("csrfmiddlewaretoken", csrfToken || item.csrf || "");
    if (navigator.onLine === false) return Promise.reject(new NetworkTrouble("offline"));
    return fetch(item.action, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (RETRYABLE.indexOf(response.status) !== -1) return retry(new Error("HTTP " + response.status));
      return response.json();
    }, retry);
  }

  // --- What the trainee reads --------------------------------------------------------------
  var texts = document.querySelector("[data-checkin-texts]");
  function text(name) { return texts ? texts.dataset[name] : ""; }

  function show(outcome, kind, title, detail) {
    if (!outcome) return;
    outcome.hidden = false;
    outcome.className = "outcome " + kind;
    outcome.querySelector("h2").textContent = title;
    outcome.querySelector("p").textContent = detail;
    outcome.focus();
  }
  function showAnswer(outcome, data) {
    if (data.ok) {
      show(outcome, data.created ? "" : "repeat", data.created ? text("doneText") : text("repeatText"),
        data.session + " · " + data.venue + " · " + data.status_label);
    } else {
      show(outcome, "error", text("refusedText"), data.message);
    }
  }
  function showSaved(outcome) {
    show(outcome, "pending", text("savedTitle"), text("savedText"));
  }

  // --- Sending what was kept ---------------------------------------------------------------
  var flushing = false;
  function flushPending() {
    var outcome = document.getElementById("checkin-outcome");
    var items = readPending();
    writePending(items);  // drops expired ones
    if (flushing || !items.length || navigator.onLine === false) {
      if (items.length) showSaved(outcome);
      return;
    }
    flushing = true;
    var csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
    items.reduce(function (chain, item) {
      return chain.then(function () {
        return send(item, csrf ? csrf.value : "", 0).then(function (data) {
          forget(item.nonce);  // answered: confirmed, or refused for good
          showAnswer(outcome, data);
          var form = document.querySelector("form[data-checkin-form]");
          if (data.ok && form) form.hidden = true;
        }, function (error) {
          if (error instanceof NetworkTrouble) showSaved(outcome);
          else forget(item.nonce);  // not JSON: e.g. signed out; the stored data is no use
        });
      });
    }, Promise.resolve()).finally(function () { flushing = false; });
  }

  if (texts) {  // (a page that already shows this trainee's check-in has nothing to send)
    window.addEventListener("online", flushPending);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") flushPending();
    });
    flushPending();
  }

  // --- The forms ----------------------------------------------------------------------------
  document.querySelectorAll("form[data-checkin-form]").forEach(function (form) {
    var outcome = document.getElementById(form.dataset.outcome);
    form.addEventListener("submit", function (event) {
      var deviceTime = new Date().toISOString();
      var timeField = form.querySelector("[data-device-time]");
      if (timeField) timeField.value = deviceTime;
      if (!window.fetch || !outcome) return;
      event.preventDefault();
      var fields = {};
      new FormData(form).forEach(function (value, name) {
        if (name !== "csrfmiddlewaretoken" && name !== "device_time") fields[name] = value;
      });
      var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
      var item = {
        action: form.action, fields: fields, device_time: deviceTime, nonce: newNonce(),
        csrf: csrf ? csrf.value : ""
      };
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      send(item, item.csrf, 0).then(function (data) {
        showAnswer(outcome, data);
        if (data.ok && data.created) form.hidden = true;
      }).catch(function (error) {
        if (error instanceof NetworkTrouble && keep(item)) {
          showSaved(outcome);
          form.hidden = true;
        } else {
          form.submit();  // not a network problem (or no storage): fall back to the plain form post
        }
      }).finally(function () {
        if (button) button.disabled = false;
      });
    });
  });
})();
