// A table wider than the screen scrolls inside its own box (site.css, phones): that box must
// be reachable with the keyboard to be scrolled with the arrow keys (WCAG 2.1.1). Only the boxes
// that scroll at the present width get a tab stop; a wrapper is named by its table's caption.
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll("main table, main .table-scroll").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 &&
        getComputedStyle(box).overflowX !== "visible";
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-scroll-stop", "");
        var caption = box.querySelector("caption");
        if (box.tagName !== "TABLE" && caption) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", caption.textContent.trim());
        }
      } else if (!scrolls && box.hasAttribute("data-scroll-stop")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-scroll-stop");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  var pending = null;
  mark();
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(mark, 150);
  });
})();
