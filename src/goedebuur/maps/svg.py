# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered SVG maps: one path per area, each optionally a link with an accessible name.

Accessibility: an area's name comes from its `<title>` child (SVG-AAM), which also gives the
mouse tooltip. There is deliberately no `aria-label` next to it: a screen reader would then read the
title a second time as the description. The root is `role="group"` when areas are links (a
`role="img"` would hide the links from assistive technology) and `role="img"` otherwise.

Keyboard: the map is one tab stop. Only the first link is in the tab order (`tabindex="-1"` on the
others); `map.js` moves the focus between areas with the arrow keys (a roving tab stop) and the
table under the map is the text alternative. Names (`MapLabel`) are drawn in a layer hidden from
assistive technology: each area's `<title>` already names it.

Size: shared presentation attributes sit once on a `<g>`, so an area costs its path plus about
90 bytes; the national map of 342 municipalities is about 80 kB."""

from dataclasses import dataclass
from html import escape

STROKE = "#5b6b7c"
STROKE_WIDTH = "0.5"
HIGHLIGHT_STROKE = "#ca005d"
HIGHLIGHT_STROKE_WIDTH = "2.5"
CONTEXT_STROKE = "#ffffff"  # context reads as background; the areas in focus keep dark borders


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    path: str
    fill: str = "#f1f4f9"
    href: str = ""
    title: str = ""
    highlighted: bool = False
    context: bool = False  # drawn first and muted: around the areas the map is about


@dataclass(frozen=True)
class MapLabel:
    text: str
    x: float
    y: float
    font_size: float = 0.0  # 0: the map's label size


def _area(area: Area, tab_stop: bool) -> str:
    attrs = ""
    if area.highlighted:
        attrs = f' class="hl" stroke="{HIGHLIGHT_STROKE}" stroke-width="{HIGHLIGHT_STROKE_WIDTH}"'
    elif area.context:
        attrs = f' class="ctx" stroke="{CONTEXT_STROKE}"'
    title = f"<title>{escape(area.title or area.name)}</title>"
    path = f'<path d="{escape(area.path)}" fill="{escape(area.fill)}" data-code="{escape(area.code)}"{attrs}'
    if area.href:
        tabindex = "" if tab_stop else ' tabindex="-1"'
        return f'<a href="{escape(area.href)}"{tabindex}>{title}{path}/></a>'
    return f"{path}>{title}</path>"


def _fmt(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _labels(labels: list[MapLabel], font_size: float) -> str:
    if not labels:
        return ""
    texts = "".join(
        f'<text x="{_fmt(lb.x)}" y="{_fmt(lb.y)}"'
        + (
            f' font-size="{lb.font_size:.2f}"'
            if lb.font_size and abs(lb.font_size - font_size) > 1e-6
            else ""
        )
        + f">{escape(lb.text)}</text>"
        for lb in labels
    )
    return (
        f'<g class="map-labels" aria-hidden="true" font-size="{font_size:.2f}" '
        f'stroke-width="{font_size * 0.28:.2f}">{texts}</g>'
    )


def render_map(
    areas: list[Area],
    viewbox: str,
    *,
    label: str,
    css_class: str = "nl-map",
    labels: list[MapLabel] | None = None,
    font_size: float = 0.0,
) -> str:
    """An accessible SVG map. Areas with an `href` are links named by their title; the first is the
    map's one tab stop (see the module's docstring). `labels` (already placed, see
    `goedebuur.core.maps.labels`) are drawn on top in `font_size` SVG units.

    Drawing order: context areas first, highlighted areas last, so a thick outline is not covered
    by a neighbour."""
    role = "group" if any(a.href for a in areas) else "img"
    ordered = sorted(areas, key=lambda a: (a.highlighted, not a.context))
    first_link = next((i for i, a in enumerate(ordered) if a.href), -1)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" class="{escape(css_class)}" '
        f'role="{role}" aria-label="{escape(label)}">'
        f'<g stroke="{STROKE}" stroke-width="{STROKE_WIDTH}" stroke-linejoin="round" fill-rule="evenodd">'
        + "".join(_area(a, i == first_link) for i, a in enumerate(ordered))
        + "</g>"
        + _labels(labels or [], font_size)
        + "</svg>"
    )
