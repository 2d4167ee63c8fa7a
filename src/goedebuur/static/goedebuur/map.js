// SPDX-License-Identifier: EUPL-1.2
// Goede Buur maps: draw the outline of the focused or hovered municipality on top of all others.
// In SVG a later shape covers an earlier one, so a neighbour drawn later would hide part of the
// focus outline; a copy of the shape in an overlay at the end of the map is always fully visible.
// Without this script the outline (site.css) still shows, partly covered.
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
  document.addEventListener("mouseover", function (event) {
    var link = areaLink(event.target);
    if (link) show(link, "hover");
  });
  document.addEventListener("mouseout", function (event) {
    var link = areaLink(event.target);
    if (link) hide(link, "hover");
  });
})();
