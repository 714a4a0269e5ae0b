// Check-in forms: record the phone's clock, and submit with fetch so the answer
// appears in place (the form still works as a normal POST without this file).
// A network error or a 502/503/504 (a server restarting, the database briefly away) is
// retried after 1, 2 and 4 s: safe, because the server records one check-in per trainee
// however often it is sent.
(function () {
  "use strict";
  var RETRY_DELAYS_MS = [1000, 2000, 4000];
  var RETRYABLE = [502, 503, 504];

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function post(form, attempt) {
    var retry = function (error) {
      if (attempt >= RETRY_DELAYS_MS.length) throw error;
      return wait(RETRY_DELAYS_MS[attempt]).then(function () { return post(form, attempt + 1); });
    };
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (RETRYABLE.indexOf(response.status) !== -1) return retry(new Error("HTTP " + response.status));
      return response.json();
    }, retry);
  }
  document.querySelectorAll("form[data-checkin-form]").forEach(function (form) {
    var outcome = document.getElementById(form.dataset.outcome);
    form.addEventListener("submit", function (event) {
      var timeField = form.querySelector("[data-device-time]");
      if (timeField) timeField.value = new Date().toISOString();
      if (!window.fetch || !outcome) return;
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      post(form, 0).then(function (data) {
        outcome.hidden = false;
        outcome.className = "outcome " + (data.ok ? (data.created ? "" : "repeat") : "error");
        var title = outcome.querySelector("h2");
        var detail = outcome.querySelector("p");
        if (data.ok) {
          title.textContent = data.created ? form.dataset.doneText : form.dataset.repeatText;
          detail.textContent = data.session + " · " + data.venue + " · " + data.status_label;
          if (data.created) form.hidden = true;
        } else {
          title.textContent = form.dataset.refusedText;
          detail.textContent = data.message;
        }
        outcome.focus();
      }).catch(function () {
        form.submit();  // still failing after the retries: fall back to the plain form post
      }).finally(function () {
        if (button) button.disabled = false;
      });
    });
  });
})();
