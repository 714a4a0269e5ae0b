// Check-in forms: record the phone's clock, and submit with fetch so the answer
// appears in place (the form still works as a normal POST without this file).
(function () {
  "use strict";
  document.querySelectorAll("form[data-checkin-form]").forEach(function (form) {
    var outcome = document.getElementById(form.dataset.outcome);
    form.addEventListener("submit", function (event) {
      var timeField = form.querySelector("[data-device-time]");
      if (timeField) timeField.value = new Date().toISOString();
      if (!window.fetch || !outcome) return;
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        return response.json();
      }).then(function (data) {
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
        form.submit();  // network trouble: fall back to the plain form post
      }).finally(function () {
        if (button) button.disabled = false;
      });
    });
  });
})();
