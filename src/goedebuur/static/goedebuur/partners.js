// SPDX-License-Identifier: EUPL-1.2
// Partner finder: moving a weight slider or changing a filter re-ranks the list in the page. The
// ranking comes from /api/v1/partners/{code} (the same service as the page), the rows are filled into
// the page's <template id="partner-row">, the map is recoloured and the address updated with
// history.replaceState, so nothing reloads and the keyboard focus stays on the slider. Choosing
// another municipality (in the municipality picker of forms.js, which announces the choice with a
// `change` event on its select) submits the form: a new page at ?gemeente=CODE. Without this script
// the form works with its button.
(function () {
  "use strict";
  var form = document.getElementById("partner-form");
  if (!form) return;
  var list = document.getElementById("partner-list");
  var template = document.getElementById("partner-row");
  var errors = document.getElementById("partner-errors");
  var status = document.getElementById("partner-status");
  var lang = document.documentElement.lang || "nl";
  var timer = null;
  var latest = 0;

  function decimals(x) {
    return Number(x).toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function field(root, name) { return root.querySelector('[data-field="' + name + '"]'); }

  function query() {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") data.append(key, value); });
    return data;
  }

  function apiUrl(data) {
    var api = new URLSearchParams({ alleScores: "true" });
    data.forEach(function (value, key) {
      if (key !== "gemeente") api.append(key === "toon" ? "top" : key, value);
    });
    return form.dataset.api.replace("CODE", encodeURIComponent(data.get("gemeente"))) + "?" + api;
  }

  function row(c, ranking, weights) {
    var li = template.content.firstElementChild.cloneNode(true);
    li.dataset.code = c.code;
    field(li, "rank").textContent = c.rang + ".";
    field(li, "name").textContent = c.naam;
    field(li, "name").href = c.webpagina;
    field(li, "score").textContent = decimals(c.score);
    field(li, "bar").style.width = Math.round(c.score * 100) + "%";
    field(li, "confidence").textContent = decimals(c.betrouwbaarheid);
    field(li, "in-domain").hidden = !c.samenwerktInDomein;
    field(li, "cooperating").hidden = !c.samenwerktAl || c.samenwerktInDomein;
    field(li, "compare").href = c.vergelijk + "&" + weights;
    field(li, "compare-name").textContent = " " + ranking.gemeente.naam + " – " + c.naam;
    var pick = field(li, "pick");
    if (pick) pick.value = c.code;
    var why = field(li, "why");
    c.belangrijksteRedenen.forEach(function (text) {
      why.appendChild(document.createElement("li")).textContent = text;
    });
    var summary = field(li, "summary");
    summary.textContent = summary.dataset.pattern.replace("{name}", c.naam);
    var body = field(li, "criteria");
    var names = {};
    c.criteria.forEach(function (s) {
      names[s.criterium] = s.naam;
      var tr = body.insertRow();
      if (!s.gegevensAanwezig) tr.className = "no-data";
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = s.naam.charAt(0).toUpperCase() + s.naam.slice(1);
      tr.appendChild(th);
      var score = tr.insertCell();
      score.className = "num";
      if (s.score === null) {
        score.textContent = "—";
      } else {
        var bar = score.appendChild(document.createElement("span"));
        bar.className = "bar small";
        bar.setAttribute("aria-hidden", "true");
        bar.appendChild(document.createElement("span")).style.width = Math.round(s.score * 100) + "%";
        score.appendChild(document.createTextNode(" " + decimals(s.score)));
      }
      var weight = tr.insertCell();
      weight.className = "num";
      weight.textContent = Math.round(s.gewicht);
      tr.insertCell().textContent = s.toelichting;
    });
    field(li, "missing").hidden = c.ontbrekendeGegevens.length === 0;
    field(li, "missing-list").textContent = c.ontbrekendeGegevens.map(function (k) { return names[k]; }).join(", ");
    return li;
  }

  function recolour(ranking) {
    var figure = document.getElementById("partner-map");
    if (!figure || !ranking.scores) return;
    var colours = figure.dataset.colours.split(" ");
    figure.querySelectorAll("path[data-code]").forEach(function (path) {
      if (path.classList.contains("hl")) return;
      var score = ranking.scores[path.dataset.code];
      var title = path.parentNode.querySelector("title") || path.querySelector("title");
      var name = title ? title.textContent.split(": ")[0] : "";
      if (score === undefined) {
        path.setAttribute("fill", "#d9dce0");
        if (title) title.textContent = name;
        return;
      }
      var k = [0.2, 0.4, 0.6, 0.8].filter(function (b) { return score >= b; }).length;
      path.setAttribute("fill", colours[k]);
      if (title) title.textContent = name + ": score " + decimals(score);
    });
  }

  function render(ranking, data) {
    errors.hidden = true;
    var weights = new URLSearchParams();
    data.forEach(function (value, key) { if (key.indexOf("gewicht") === 0) weights.append(key, value); });
    list.replaceChildren.apply(list, ranking.kandidaten.map(function (c) { return row(c, ranking, weights); }));
    var heading = document.getElementById("resultaat");
    var pattern = ranking.aantalKandidaten === 1 ? heading.dataset.patternOne : heading.dataset.patternMany;
    heading.textContent = pattern.replace("{name}", ranking.gemeente.naam).replace(/\d+/, ranking.aantalKandidaten);
    recolour(ranking);
    status.textContent = status.dataset.updated;
  }

  function refuse(problem) {
    var items = errors.querySelector("ul");
    var seen = {};
    items.replaceChildren();
    (problem.invalidParams || [{ reason: problem.detail || problem.title }]).forEach(function (p) {
      if (seen[p.reason]) return;
      seen[p.reason] = true;
      items.appendChild(document.createElement("li")).textContent = p.reason;
    });
    errors.hidden = false;
    list.replaceChildren();
    status.textContent = items.textContent;
  }

  function rerank() {
    var data = query();
    if (!data.get("gemeente")) return;
    if (!list || !template || !window.fetch) { form.submit(); return; }
    var id = ++latest;
    fetch(apiUrl(data), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (id !== latest) return; // an older request answered late
        if (answer.ok) render(answer.body, data); else refuse(answer.body);
        history.replaceState(null, "", "?" + data);
        var saved = document.querySelector('#shortlijst-form input[name="zoekopdracht"]');
        if (saved) saved.value = data.toString();
        var more = document.getElementById("partner-more");
        if (more) {
          var top = Number(data.get("toon") || 10);
          var next = new URLSearchParams(data);
          next.set("toon", Math.min(top + 10, 341));
          more.hidden = !answer.ok || top >= answer.body.aantalKandidaten;
          more.querySelector("a").href = "?" + next + "#resultaat-sectie";
        }
      })
      .catch(function () { form.submit(); });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(rerank, 150);
  }

  form.querySelectorAll("input[type=range]").forEach(function (slider) {
    var output = document.getElementById(slider.id + "-waarde");
    slider.addEventListener("input", function () {
      if (output) output.textContent = slider.value;
      soon();
    });
  });
  form.querySelectorAll("select, input[type=number]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.name !== "gemeente") soon();
      else if (input.value) form.submit(); // a removed choice waits for the next one
    });
  });
})();
