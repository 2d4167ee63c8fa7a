// SPDX-License-Identifier: EUPL-1.2
// Goede Buur's form pattern and municipality picker, loaded on every page.
//
// 1. Error summary: a form that comes back with errors shows a summary at its top
//    (includes/error_summary.html, id "error-summary"). The page scrolls to it and focuses it, so
//    the user sees what went wrong (and a screen reader reads it) instead of landing elsewhere.
//
// 2. Municipality picker: a <select data-picker="municipalities"> (one or several municipalities)
//    becomes a combobox with chips (WAI-ARIA combobox pattern, list autocomplete). Typing searches
//    /gemeenten/suggesties (official, common and former names, region names); the arrow keys move
//    through the suggestions, Enter chooses (before the suggestions have come it searches at once
//    instead of submitting the form), Escape closes, Backspace in an empty field removes the last
//    chip. The select stays in the form, hidden, and is what is submitted: without JavaScript
//    the page works with the plain select.
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (!summary) return;
    summary.scrollIntoView({ block: "start" });
    summary.focus({ preventScroll: true });
  }

  function fold(text) {
    return (text || "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
  }

  var counter = 0;

  // The widget (goedebuur/common/widgets.py) hands over the translated texts as data-text-*.
  function text(select, key, fallback, value) {
    var template = select.getAttribute("data-text-" + key) || fallback;
    return value === undefined ? template : template.replace("%s", value);
  }

  function Picker(select) {
    counter += 1;
    this.select = select;
    this.multiple = select.multiple;
    this.url = select.getAttribute("data-suggest-url") || "/gemeenten/suggesties";
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = 0;
    this.base = (select.id || "picker-" + counter) + "-picker";
    this.options = Array.prototype.filter.call(select.options, function (o) { return o.value !== ""; });
    this.byCode = {};
    this.byName = {};
    var self = this;
    this.options.forEach(function (o) {
      self.byCode[o.getAttribute("data-code") || o.value] = o;
      self.byName[fold(o.text)] = o;
    });
    this.build();
  }

  Picker.prototype.build = function () {
    var select = this.select;
    var labels = select.labels && select.labels.length ? select.labels[0] : null;
    var wrapper = document.createElement("div");
    wrapper.className = "picker";
    this.chips = document.createElement("ul");
    this.chips.className = "picker-chips";
    this.chips.setAttribute("aria-label", text(select, "chosen", "Gekozen gemeenten"));
    this.input = document.createElement("input");
    this.input.type = "text";
    this.input.className = "picker-input";
    this.input.autocomplete = "off";
    this.input.setAttribute("role", "combobox");
    this.input.setAttribute("aria-autocomplete", "list");
    this.input.setAttribute("aria-expanded", "false");
    this.input.setAttribute("aria-controls", this.base + "-listbox");
    var describedBy = select.getAttribute("aria-describedby");
    var help = this.base + "-help";
    this.input.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + help);
    if (select.getAttribute("aria-invalid")) this.input.setAttribute("aria-invalid", "true");
    // The label points at the field the user types in.
    var id = select.id;
    if (id) {
      select.id = id + "-select";
      this.input.id = id;
    }
    if (!labels && select.closest("fieldset")) {
      var legend = select.closest("fieldset").querySelector("legend");
      if (legend) {
        legend.id = legend.id || this.base + "-legend";
        this.input.setAttribute("aria-labelledby", legend.id);
      }
    }
    this.listbox = document.createElement("ul");
    this.listbox.className = "picker-listbox";
    this.listbox.id = this.base + "-listbox";
    this.listbox.setAttribute("role", "listbox");
    if (labels) {
      labels.id = labels.id || this.base + "-label";
      this.listbox.setAttribute("aria-labelledby", labels.id);
    } else {
      this.listbox.setAttribute("aria-label", text(select, "list", "Gevonden gemeenten"));
    }
    this.listbox.hidden = true;
    var hint = document.createElement("div");
    hint.id = help;
    hint.className = "hint";
    hint.textContent = text(select, "help",
      "Typ een deel van de naam, een bekende naam of een regio; kies met de pijltjestoetsen en Enter.");
    this.status = document.createElement("div");
    this.status.className = "visually-hidden";
    this.status.setAttribute("aria-live", "polite");

    var field = document.createElement("div");
    field.className = "picker-field";
    field.appendChild(this.input);
    field.appendChild(this.listbox);
    wrapper.appendChild(this.chips);
    wrapper.appendChild(field);
    wrapper.appendChild(hint);
    wrapper.appendChild(this.status);
    select.parentNode.insertBefore(wrapper, select);
    wrapper.appendChild(select);
    select.hidden = true;
    select.removeAttribute("required");
    select.tabIndex = -1;

    var self = this;
    this.input.addEventListener("input", function () { self.schedule(); });
    this.input.addEventListener("keydown", function (event) { self.onKey(event); });
    this.input.addEventListener("blur", function () { setTimeout(function () { self.close(); }, 150); });
    this.listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.listbox.addEventListener("click", function (event) {
      var li = event.target.closest("[role=option]");
      if (li) self.choose(Number(li.getAttribute("data-index")));
    });
    this.renderChips();
  };

  Picker.prototype.say = function (text) {
    var status = this.status;
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  };

  Picker.prototype.chosen = function () {
    return this.options.filter(function (o) { return o.selected; });
  };

  Picker.prototype.renderChips = function () {
    var self = this;
    this.chips.textContent = "";
    var chosen = this.chosen();
    this.chips.hidden = chosen.length === 0;
    chosen.forEach(function (option) {
      var li = document.createElement("li");
      li.className = "chip";
      var name = document.createElement("span");
      name.textContent = option.text;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "chip-remove";
      remove.setAttribute("aria-label", text(self.select, "remove", "%s verwijderen", option.text));
      remove.textContent = "×";
      remove.addEventListener("click", function () {
        self.deselect(option);
        self.say(text(self.select, "removed", "%s verwijderd.", option.text));
        self.input.focus();
      });
      li.appendChild(name);
      li.appendChild(remove);
      self.chips.appendChild(li);
    });
  };

  // The select is what the page listens to: every choice and removal is announced there as a
  // `change` event, as if the user had changed the plain select (the partner finder submits on it).
  Picker.prototype.changed = function () {
    this.select.dispatchEvent(new Event("change", { bubbles: true }));
  };

  Picker.prototype.deselect = function (option) {
    option.selected = false;
    this.changed();
    this.renderChips();
  };

  Picker.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.search(self.input.value); }, 150);
  };

  Picker.prototype.local = function (query) {
    var key = fold(query);
    return this.options
      .filter(function (o) { return fold(o.text).indexOf(key) !== -1; })
      .slice(0, 20)
      .map(function (o) { return { option: o, hint: "" }; });
  };

  Picker.prototype.search = function (query) {
    var self = this;
    if (!fold(query)) { this.close(); return; }
    var ticket = ++this.request;
    var show = function (items) { if (ticket === self.request) self.open(items); };
    if (!window.fetch) { show(this.local(query)); return; }
    fetch(this.url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (data) {
        var items = [];
        data.results.forEach(function (r) {
          var option = self.byCode[r.code] || self.byName[fold(r.name)];
          if (option) items.push({ option: option, hint: r.hint || r.province || "" });
        });
        show(items);
      })
      .catch(function () { show(self.local(query)); });
  };

  Picker.prototype.open = function (items) {
    var self = this;
    this.items = items;
    this.listbox.textContent = "";
    items.forEach(function (item, index) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = self.base + "-option-" + index;
      li.setAttribute("data-index", String(index));
      li.setAttribute("aria-selected", "false");
      var name = document.createElement("span");
      name.textContent = item.option.text;
      li.appendChild(name);
      if (item.option.selected) {
        var done = document.createElement("span");
        done.className = "picker-hint";
        done.textContent = " (" + text(self.select, "already", "al gekozen") + ")";
        li.appendChild(done);
      }
      if (item.hint) {
        var hint = document.createElement("span");
        hint.className = "picker-hint";
        hint.textContent = " · " + item.hint;
        li.appendChild(hint);
      }
      self.listbox.appendChild(li);
    });
    if (!items.length) {
      var none = document.createElement("li");
      none.className = "picker-none";
      none.textContent = text(this.select, "none", "Geen gemeente gevonden.");
      this.listbox.appendChild(none);
    }
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.setActive(items.length ? 0 : -1);
    this.say(items.length === 1 ? text(this.select, "one", "1 gemeente gevonden.") :
      items.length ? text(this.select, "many", "%s gemeenten gevonden.", items.length) :
      text(this.select, "none", "Geen gemeente gevonden."));
  };

  Picker.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Picker.prototype.setActive = function (index) {
    var previous = this.listbox.querySelector("[aria-selected=true]");
    if (previous) previous.setAttribute("aria-selected", "false");
    this.active = index;
    if (index < 0) { this.input.removeAttribute("aria-activedescendant"); return; }
    var li = document.getElementById(this.base + "-option-" + index);
    li.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({ block: "nearest" });
  };

  Picker.prototype.choose = function (index) {
    var item = this.items[index];
    if (!item) return;
    if (!this.multiple) this.options.forEach(function (o) { o.selected = false; });
    item.option.selected = true;
    this.changed();
    this.renderChips();
    this.input.value = "";
    this.close();
    this.say(text(this.select, "picked", "%s gekozen.", item.option.text));
    this.input.focus();
  };

  Picker.prototype.onKey = function (event) {
    var open = !this.listbox.hidden;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) { this.search(this.input.value); return; }
        if (this.items.length) this.setActive((this.active + 1) % this.items.length);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (open && this.items.length) this.setActive((this.active - 1 + this.items.length) % this.items.length);
        break;
      case "Enter":
        if (open) {
          event.preventDefault();
          if (this.active >= 0) this.choose(this.active);
        } else if (fold(this.input.value)) {
          // typed but not chosen yet (the suggestions had not come): search now rather than submit
          // the form without what was typed; the next Enter chooses
          event.preventDefault();
          clearTimeout(this.timer);
          this.search(this.input.value);
        }
        break;
      case "Escape":
        if (open) { event.preventDefault(); this.close(); } else { this.input.value = ""; }
        break;
      case "Backspace":
        if (!this.input.value) {
          var chosen = this.chosen();
          var last = chosen[chosen.length - 1];
          if (last) {
            this.deselect(last);
            this.say(text(this.select, "removed", "%s verwijderd.", last.text));
          }
        }
        break;
      default:
    }
  };

  function start() {
    focusErrorSummary();
    Array.prototype.forEach.call(document.querySelectorAll("select[data-picker]"), function (select) {
      new Picker(select);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
