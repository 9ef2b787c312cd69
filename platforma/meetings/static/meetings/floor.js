// Voting from the floor: the projector and the delegates' page poll a small JSON endpoint every
// two seconds. The projector updates the count in place; when the motion on the floor changes
// (or its vote closes) either page reloads to show it. Without JavaScript, a <noscript> meta
// refresh reloads the page every five seconds. Loaded from a file (no inline script: CSP).
(function () {
  "use strict";
  var board = document.querySelector("[data-floor-url]");
  if (!board) { return; }
  var url = board.getAttribute("data-floor-url");
  var motion = board.getAttribute("data-motion") || "";
  var state = board.getAttribute("data-state");
  var INTERVAL = 2000;

  function show(data) {
    var next = data.motion === null || data.motion === undefined ? "" : String(data.motion);
    if (next !== motion || (state !== null && data.state !== state)) {
      window.location.reload();
      return false;
    }
    board.querySelectorAll("[data-field]").forEach(function (el) {
      var key = el.getAttribute("data-field");
      if (Object.prototype.hasOwnProperty.call(data, key) && el.textContent !== data[key]) {
        el.textContent = data[key];
      }
    });
    return true;
  }

  function poll() {
    var again = true;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { again = show(data); } })
      .catch(function () { /* keep what is shown; try again next time */ })
      .then(function () { if (again) { window.setTimeout(poll, INTERVAL); } });
  }
  window.setTimeout(poll, INTERVAL);
})();
