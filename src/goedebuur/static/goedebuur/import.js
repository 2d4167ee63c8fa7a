// SPDX-License-Identifier: EUPL-1.2
// Landscape import: while a file is uploaded and checked, or the rows are imported, show a 'bezig…'
// state and prevent a second submit. Without JavaScript the forms work the same, without the state.
document.querySelectorAll("form[data-busy]").forEach(function (form) {
  form.addEventListener("submit", function () {
    var busy = form.querySelector(".busy");
    var button = form.querySelector("button[type=submit]");
    if (busy) {
      busy.querySelector(".busy-text").textContent = form.dataset.busy;
      busy.hidden = false;
    }
    if (button) {
      setTimeout(function () { button.disabled = true; }, 0); // after the submit has started
    }
  });
});
