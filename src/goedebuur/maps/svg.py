# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered SVG maps: one path per area, each optionally a link with an accessible name.

Accessibility: an area's name comes from its `<title>` child (SVG-AAM), which also gives the
mouse tooltip. There is deliberately no `aria-label` next to it: a screen reader would then read the
title a second time as the description. The root is `role="group"` when areas are links (a
`role="img"` would hide the links from assistive technology) and `role="img"` otherwise.

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


def _area(area: Area) -> str:
    attrs = ""
    if area.highlighted:
        attrs = f' class="hl" stroke="{HIGHLIGHT_STROKE}" stroke-width="{HIGHLIGHT_STROKE_WIDTH}"'
    elif area.context:
        attrs = f' class="ctx" stroke="{CONTEXT_STROKE}"'
    title = f"<title>{escape(area.title or area.name)}</title>"
    path = f'<path d="{escape(area.path)}" fill="{escape(area.fill)}" data-code="{escape(area.code)}"{attrs}'
    if area.href:
        return f'<a href="{escape(area.href)}">{title}{path}/></a>'
    return f"{path}>{title}</path>"


def render_map(areas: list[Area], viewbox: str, *, label: str, css_class: str = "nl-map") -> str:
    """An accessible SVG map. Areas with an `href` are focusable links named by their title.

    Drawing order: context areas first, highlighted areas last, so a thick outline is not covered
    by a neighbour."""
    role = "group" if any(a.href for a in areas) else "img"
    ordered = sorted(areas, key=lambda a: (a.highlighted, not a.context))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" class="{escape(css_class)}" '
        f'role="{role}" aria-label="{escape(label)}">'
        f'<g stroke="{STROKE}" stroke-width="{STROKE_WIDTH}" stroke-linejoin="round" fill-rule="evenodd">'
        + "".join(_area(a) for a in ordered)
        + "</g></svg>"
    )
