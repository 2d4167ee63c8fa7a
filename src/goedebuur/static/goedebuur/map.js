// SPDX-License-Identifier: EUPL-1.2
// Goede Buur maps: draw the outline of the focused or hovered municipality on top of all others.
// In SVG a later shape covers an earlier one, so a neighbour drawn later would hide part of the
// focus outline; a copy of the shape in an overlay at the end of the map is always fully visible.
// Without this script the outline (site.css) still shows, partly covered.
// Keyboard: a map is one tab stop (only one area link has no tabindex="-1"); the arrow keys move
// the focus to the nearest area in that direction, Home and End to the first and last, Enter opens
// it. The table under the map (or behind its link) holds the same data.
(function () {
  "use strict";
  if (window.goedebuurMap) return;
  window.goedebuurMap = true;
  var SVG_NS = "http://www.w3.org/2000/svg";

  function overlay(svg, kind) {
    var layer = svg.querySelector("g.map-" + kind);
    if (!layer) {
      layer = document.createElementNS(SVG_NS, "g");
      layer.setAttribute("class", "map-" + kind);
      layer.setAttribute("aria-hidden", "true");
      svg.appendChild(layer);
    }
    return layer;
  }

  function areaLink(target) {
    return target && target.closest ? target.closest("svg.nl-map a") : null;
  }

  function show(link, kind) {
    var svg = link.ownerSVGElement;
    var shape = link.querySelector("path");
    if (!svg || !shape) return;
    var layer = overlay(svg, kind);
    while (layer.firstChild) layer.removeChild(layer.firstChild);
    ["outer", "inner"].forEach(function (part) {
      var copy = document.createElementNS(SVG_NS, "path");
      copy.setAttribute("d", shape.getAttribute("d"));
      copy.setAttribute("class", part);
      layer.appendChild(copy);
    });
  }

  function hide(link, kind) {
    var svg = link.ownerSVGElement;
    var layer = svg && svg.querySelector("g.map-" + kind);
    if (layer) while (layer.firstChild) layer.removeChild(layer.firstChild);
  }

  document.addEventListener("focusin", function (event) {
    var link = areaLink(event.target);
    if (link) show(link, "focus");
  });
  document.addEventListener("focusout", function (event) {
    var link = areaLink(event.target);
    if (link) hide(link, "focus");
  });
  function centre(link) {
    var box = link.getBBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  var DIRECTIONS = {
    ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1]
  };

  // The nearest link whose centre lies within 60 degrees of the direction (x, y) from `from`.
  function nearest(links, from, dx, dy) {
    var origin = centre(from), best = null, bestCost = Infinity;
    links.forEach(function (link) {
      if (link === from) return;
      var c = centre(link), vx = c.x - origin.x, vy = c.y - origin.y;
      var along = vx * dx + vy * dy, across = Math.abs(vx * dy - vy * dx);
      if (along <= 0 || across > along * 1.8) return;
      var cost = along + 2 * across;
      if (cost < bestCost) { bestCost = cost; best = link; }
    });
    return best;
  }

  function moveTo(links, link) {
    links.forEach(function (other) { other.setAttribute("tabindex", "-1"); });
    link.removeAttribute("tabindex");
    link.focus();
  }

  document.addEventListener("keydown", function (event) {
    var link = areaLink(event.target);
    if (!link || event.altKey || event.ctrlKey || event.metaKey) return;
    var links = Array.prototype.slice.call(link.ownerSVGElement.querySelectorAll("a"));
    var target = null;
    if (event.key === "Home") target = links[0];
    else if (event.key === "End") target = links[links.length - 1];
    else if (DIRECTIONS[event.key]) {
      target = nearest(links, link, DIRECTIONS[event.key][0], DIRECTIONS[event.key][1]);
    } else return;
    event.preventDefault();
    if (target) moveTo(links, target);
  });

  document.addEventListener("mouseover", function (event) {
    var link = areaLink(event.target);
    if (link) show(link, "hover");
  });
  document.addEventListener("mouseout", function (event) {
    var link = areaLink(event.target);
    if (link) hide(link, "hover");
  });
})();
