// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Long <select> lists (organisations, sub-venues) get a type-to-filter box.
  document.querySelectorAll("select[data-filterable]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "filter-box";
    box.setAttribute("aria-label", (select.labels && select.labels[0] ? select.labels[0].textContent : "") + " ⌕");
    box.placeholder = document.documentElement.lang.indexOf("zh") === 0 ? "输入名称或代码筛选…" : "Type to filter…";
    box.dataset.filterFor = select.id;
    select.parentNode.insertBefore(box, select);
    var options = Array.prototype.slice.call(select.options);
    box.addEventListener("input", function () {
      var needle = box.value.trim().toLowerCase();
      var firstMatch = null;
      options.forEach(function (opt) {
        // data-search holds the English names and the place (accounts.forms.OrganisationSelect).
        var haystack = (opt.text + " " + (opt.getAttribute("data-search") || "")).toLowerCase();
        var match = !needle || !opt.value || haystack.indexOf(needle) !== -1;
        opt.hidden = !match;
        opt.disabled = !match && opt.value !== "";
        if (match && opt.value && !firstMatch) firstMatch = opt;
      });
      var current = select.selectedOptions[0];
      if (firstMatch && (!current || current.hidden || !current.value)) select.value = firstMatch.value;
    });
  });
})();
