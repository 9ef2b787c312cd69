// Check-in: "All of them" ticks or clears every delegate's box of its form at once.
// Loaded from a file (the Content-Security-Policy allows no inline script).
(function () {
  "use strict";
  document.querySelectorAll("[data-check-all]").forEach(function (all) {
    all.addEventListener("change", function () {
      all
        .closest("form")
        .querySelectorAll('input[name="memberships"]')
        .forEach(function (box) {
          box.checked = all.checked;
        });
    });
  });
})();
