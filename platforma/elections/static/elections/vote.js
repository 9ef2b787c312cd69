// Casting a ballot without leaving the voting page: the form is sent with fetch, asking for
// JSON, and the receipt takes the form's place (filled into the page's <template>). Without
// JavaScript, or if the network fails before any answer, the form posts as usual and the
// receipt is a page of its own; once the server has answered, the ballot is never sent again.
// Nothing about the ballot or the receipt is stored in the browser.
(function () {
  "use strict";
  var template = document.getElementById("receipt-template");
  if (!template || !window.fetch || !window.FormData) {
    return;
  }

  function showError(form, message) {
    var box = form.parentNode.querySelector(".ballot-error");
    if (!box) {
      box = document.createElement("p");
      box.className = "error ballot-error";
      box.setAttribute("role", "alert");
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = message;
  }

  function showReceipt(form, data) {
    var receipt = template.content.firstElementChild.cloneNode(true);
    var heading = receipt.querySelector("h2");
    heading.id = "receipt-" + data.organisation_id;
    receipt.setAttribute("aria-labelledby", heading.id);
    receipt.querySelector("[data-organisation]").textContent = data.organisation;
    receipt.querySelector(".tracker").textContent = data.tracker;
    receipt.querySelector(".hash").textContent = data.ballot_hash;
    var error = form.parentNode.querySelector(".ballot-error");
    if (error) {
      error.remove();
    }
    form.replaceWith(receipt);
    heading.focus();
  }

  document.querySelectorAll("form.ballot-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      fetch(form.action || window.location.href, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      }).then(
        function (response) {
          return response
            .json()
            .then(function (data) {
              if (response.ok) {
                showReceipt(form, data);
              } else {
                showError(form, data.error);
                button.disabled = false;
              }
            })
            .catch(function () {
              // The server answered but the receipt cannot be shown: the ballot may be cast,
              // so never send it again. The voting page says whether the organisation voted.
              window.location.reload();
            });
        },
        function () {
          // No answer at all (the network failed): post the form as a page instead. If the
          // first request did reach the server, the page says the organisation has voted.
          form.submit();
        }
      );
    });
  });
})();
