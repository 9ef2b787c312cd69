// The join form: a filter box over the member organisations' checkboxes, and the focus on the
// error summary when the form comes back with errors. Without JavaScript the list is a
// scrollable box of checkboxes and the summary is the first thing in the content.
(function () {
  "use strict";

  function normalise(text) {
    return (text || "").toLocaleLowerCase().replace(/[«»“”„"'‹›]/g, "").replace(/\s+/g, " ").trim();
  }

  function setUpFilter(box) {
    var list = document.getElementById(box.getAttribute("data-filter-for"));
    var input = box.querySelector("input[type=search]");
    var nomatch = box.querySelector("[data-nomatch]");
    if (!list || !input) {
      return;
    }
    var options = Array.prototype.map.call(list.querySelectorAll("input[type=checkbox]"), function (checkbox) {
      var row = checkbox.closest("div") || checkbox.parentNode;
      var label = checkbox.closest("label");
      return {
        checkbox: checkbox,
        row: row,
        text: normalise((label ? label.textContent : "") + " " + (checkbox.getAttribute("data-search") || ""))
      };
    });
    function apply() {
      var words = normalise(input.value).split(" ").filter(Boolean);
      var shown = 0;
      options.forEach(function (option) {
        var match = words.every(function (word) { return option.text.indexOf(word) !== -1; });
        var visible = match || option.checkbox.checked;
        option.row.hidden = !visible;
        if (match) {
          shown += 1;
        }
      });
      if (nomatch) {
        nomatch.hidden = shown !== 0;
      }
    }
    input.addEventListener("input", apply);
    // Enter in the filter box must not send the whole application.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
    box.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-for]"), setUpFilter);
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
