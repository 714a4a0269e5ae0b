// Applies a participant list in batches so a large file shows its progress; without
// JavaScript the form posts once and the whole file is applied in one request.
(function () {
  "use strict";
  var form = document.getElementById("apply-form");
  if (!form || !window.fetch) { return; }
  var progress = document.getElementById("apply-progress");
  var bar = progress.querySelector("progress");
  var status = progress.querySelector("[role=status]");
  var total = parseInt(form.dataset.total, 10) || 0;
  var batch = parseInt(form.dataset.batch, 10) || 200;

  function post(start) {
    var data = new FormData(form);
    data.set("start", String(start));
    return fetch(form.dataset.batchUrl, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.error || response.statusText); }
          return body;
        });
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    progress.hidden = false;
    var sums = { accounts: 0, enrolments: 0, expected: 0, invitations: 0 };
    function step(start) {
      return post(start).then(function (body) {
        Object.keys(sums).forEach(function (key) { sums[key] += body[key] || 0; });
        bar.value = body.done_rows;
        status.textContent = body.done_rows + " / " + body.total_rows;
        if (body.done_rows < body.total_rows) { return step(start + batch); }
        window.location.reload();
      });
    }
    step(0).catch(function (error) {
      status.textContent = error.message;
      button.disabled = false;
    });
  });
}());
