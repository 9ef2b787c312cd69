// Live quorum for the projected page: polls the JSON endpoint and updates the numbers in place.
// Without JavaScript the page still works: the "Refresh" link reloads it.
(function () {
  "use strict";
  var board = document.querySelector("[data-quorum-url]");
  if (!board) { return; }
  var url = board.getAttribute("data-quorum-url");
  var INTERVAL = 3000;

  function show(data) {
    board.querySelectorAll("[data-field]").forEach(function (el) {
      var key = el.getAttribute("data-field");
      if (Object.prototype.hasOwnProperty.call(data, key)) { el.textContent = data[key]; }
    });
    board.classList.toggle("met", data.met);
    board.classList.toggle("unmet", !data.met);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { show(data); } })
      .catch(function () { /* keep the last numbers; try again next time */ })
      .then(function () { window.setTimeout(poll, INTERVAL); });
  }
  window.setTimeout(poll, INTERVAL);
})();
