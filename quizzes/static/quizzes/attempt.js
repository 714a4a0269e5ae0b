// Autosave for quiz attempts. Progressive enhancement: without this file the form's
// "Save answers" and "Submit answers" buttons post everything and nothing is lost.
// Each change is sent to the server at once; until the server confirms it, the answer is
// also kept in localStorage so a reload or a dropped connection loses nothing.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch) return;
  var url = form.dataset.autosaveUrl;
  var storageKey = "quiz-pending-" + form.dataset.attempt;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var statusEl = document.getElementById("save-status");
  var pending = load();
  var inFlight = {};
  var retryDelay = 2000;
  var retryTimer = null;
  var typingTimers = {};
  var finished = false;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storageKey)) || {}; } catch (e) { return {}; }
  }
  function store() {
    try {
      if (Object.keys(pending).length) window.localStorage.setItem(storageKey, JSON.stringify(pending));
      else window.localStorage.removeItem(storageKey);
    } catch (e) { /* private mode: the server copy is what counts */ }
  }
  function fieldsetFor(position) { return form.querySelector('fieldset[data-position="' + position + '"]'); }
  function valueOf(fieldset) {
    var kind = fieldset.dataset.kind;
    if (kind === "multiple") {
      return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (i) { return i.value; });
    }
    if (kind === "single" || kind === "true_false") {
      var checked = fieldset.querySelector("input:checked");
      return checked ? checked.value : "";
    }
    return fieldset.querySelector("input[type=text]").value;
  }
  function apply(fieldset, value) {
    var kind = fieldset.dataset.kind;
    if (kind === "numeric" || kind === "short_text") {
      fieldset.querySelector("input[type=text]").value = value;
      return;
    }
    var wanted = Array.isArray(value) ? value : [value];
    fieldset.querySelectorAll("input").forEach(function (input) { input.checked = wanted.indexOf(input.value) !== -1; });
  }
  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle("is-error", !!isError);
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function queue(position) {
    var fieldset = fieldsetFor(position);
    if (!fieldset || finished) return;
    pending[position] = valueOf(fieldset);
    store();
    flush();
  }

  function flush() {
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    var positions = Object.keys(pending).filter(function (p) { return !inFlight[p]; });
    if (!positions.length) {
      if (!Object.keys(inFlight).length) setStatus(form.dataset.msgSaved, false);
      return;
    }
    setStatus(form.dataset.msgSaving, false);
    positions.forEach(send);
  }

  function send(position) {
    var value = pending[position];
    inFlight[position] = true;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      body: JSON.stringify({ position: Number(position), value: value })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }).then(function (result) {
      delete inFlight[position];
      var fieldset = fieldsetFor(position);
      var note = fieldset && fieldset.querySelector(".question-status");
      if (result.status === 200) {
        if (same(pending[position], value)) delete pending[position];
        if (note) note.textContent = "";
        retryDelay = 2000;
      } else if (result.status === 409) {
        // Submitted elsewhere or time is up: the server has the final word.
        pending = {};
        store();
        finished = true;
        window.location.reload();
        return;
      } else if (result.status >= 400 && result.status < 500) {
        delete pending[position];
        if (note) note.textContent = (result.data && result.data.message) || "";
      } else {
        throw new Error("server " + result.status);
      }
      store();
      flush();
    }).catch(function () {
      delete inFlight[position];
      setStatus(form.dataset.msgOffline, true);
      retryTimer = setTimeout(flush, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-position]");
    if (fieldset) queue(fieldset.dataset.position);
  });
  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("fieldset[data-position]");
    if (!fieldset || event.target.type !== "text") return;
    var position = fieldset.dataset.position;
    clearTimeout(typingTimers[position]);
    typingTimers[position] = setTimeout(function () { queue(position); }, 600);
  });
  window.addEventListener("online", flush);

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.hasAttribute("data-confirm") && !finished && !window.confirm(form.dataset.msgConfirm)) {
      event.preventDefault();
      return;
    }
    // The form carries every answer itself; nothing left to replay after it is posted.
    finished = true;
    pending = {};
    store();
  });

  // Answers typed before a reload or while offline: show them again and send them.
  Object.keys(pending).forEach(function (position) {
    var fieldset = fieldsetFor(position);
    if (fieldset) apply(fieldset, pending[position]); else delete pending[position];
  });
  // Answers changed before this script ran (a tap while a slow phone was still loading it, or
  // a form the browser restored) differ from what the server rendered: send them too.
  form.querySelectorAll("fieldset[data-position]").forEach(function (fieldset) {
    var position = fieldset.dataset.position;
    if (position in pending) return;
    var changed = Array.prototype.some.call(fieldset.querySelectorAll("input"), function (input) {
      return input.type === "text" ? input.value !== input.defaultValue : input.checked !== input.defaultChecked;
    });
    if (changed) pending[position] = valueOf(fieldset);
  });
  store();
  flush();

  // The countdown shows the server's deadline; when it passes the attempt is submitted
  // and the server grades only what was saved in time.
  var timer = document.querySelector(".timer[data-remaining]");
  if (timer) {
    var endsAt = Date.now() + Number(timer.dataset.remaining) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      timer.textContent = (timer.dataset.label || "") + " " + minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      timer.classList.toggle("is-low", left <= 60);
      if (left === 0 && !finished) {
        finished = true;
        setStatus(form.dataset.msgTimeup, true);
        var action = document.createElement("input");
        action.type = "hidden";
        action.name = "action";
        action.value = "submit";
        form.appendChild(action);
        pending = {};
        store();
        form.submit();
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
