// SPDX-License-Identifier: EUPL-1.2
// Partner finder: show a slider's value while it moves and re-rank (re-submit the GET form) when it
// is released or another choice changes. Without this script the form works with its button.
(function () {
  "use strict";
  var form = document.getElementById("partner-form");
  if (!form) return;
  var timer = null;
  function submitSoon() {
    clearTimeout(timer);
    timer = setTimeout(function () { form.requestSubmit ? form.requestSubmit() : form.submit(); }, 250);
  }
  form.querySelectorAll("input[type=range]").forEach(function (slider) {
    var output = document.getElementById(slider.id + "-waarde");
    slider.addEventListener("input", function () { if (output) output.textContent = slider.value; });
    slider.addEventListener("change", submitSoon);
  });
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", submitSoon);
  });
})();
