// "Print the receipt": a button with data-print prints the page. Listening on the document
// covers the receipt that vote.js fills in from its <template> after the page has loaded.
// Loaded from a file (the Content-Security-Policy allows no inline handler such as onclick).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) {
      window.print();
    }
  });
})();
