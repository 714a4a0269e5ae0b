/* Settlement calculator: asks the server's settle() (the one implementation) and shows the result in
   place. Without JavaScript the same form submits to the lesson page, which renders the result. */
(function () {
  "use strict";
  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function setup(box) {
    var form = box.querySelector("form");
    var result = box.querySelector("[data-result]");
    var error = box.querySelector("[data-error]");
    var timer = null;
    var latest = 0;

    function calculate() {
      var params = new URLSearchParams(new FormData(form));
      params.delete("calc");
      var ticket = ++latest;
      fetch(box.dataset.endpoint + "?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (ticket !== latest) { return; }
          if (!data.ok) {
            error.textContent = data.message;
            error.hidden = false;
            result.hidden = true;
            return;
          }
          error.hidden = true;
          result.querySelectorAll("[data-field]").forEach(function (cell) {
            cell.textContent = numberFormat.format(data[cell.dataset.field]);
          });
          var steps = result.querySelector("[data-steps]");
          if (steps) {
            steps.textContent = "";
            data.steps.forEach(function (text) {
              var item = document.createElement("li");
              item.textContent = text;
              steps.appendChild(item);
            });
          }
          result.hidden = false;
        })
        .catch(function () { form.submit(); });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      calculate();
    });
    function changed() {
      clearTimeout(timer);
      var filled = Array.prototype.every.call(form.querySelectorAll("input[required]"), function (input) {
        return input.value.trim() !== "";
      });
      if (filled) { timer = setTimeout(calculate, 300); }
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // Fields edited before this script ran (typed while a slow phone was still loading it) are
    // answered as soon as it runs.
    var edited = Array.prototype.some.call(form.elements, function (field) {
      if (field.tagName === "SELECT") {
        return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      return field.type === "text" && field.value !== field.defaultValue;
    });
    if (edited) { changed(); }
  }

  document.querySelectorAll("[data-calculator]").forEach(setup);
})();
