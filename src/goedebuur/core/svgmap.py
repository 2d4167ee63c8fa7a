# SPDX-License-Identifier: EUPL-1.2
"""Server-rendered SVG maps: one path per area, each optionally a link with an accessible name."""

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    path: str
    fill: str = "#f1f4f9"
    href: str = ""
    title: str = ""
    highlighted: bool = False


def render_map(areas: list[Area], viewbox: str, *, label: str, css_class: str = "nl-map") -> str:
    """An accessible SVG: role=img with a label, and each area a focusable link titled with its name."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(viewbox)}" class="{escape(css_class)}" '
        f'role="img" aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
    ]
    # highlighted areas last, so their thicker outline is not covered by neighbours
    for area in sorted(areas, key=lambda a: a.highlighted):
        stroke = (
            ' stroke="#ca005d" stroke-width="2"'
            if area.highlighted
            else ' stroke="#5b6b7c" stroke-width="0.4"'
        )
        path = (
            f'<path d="{area.path}" fill="{escape(area.fill)}"{stroke} fill-rule="evenodd" '
            f'data-code="{escape(area.code)}"><title>{escape(area.title or area.name)}</title></path>'
        )
        if area.href:
            out.append(
                f'<a href="{escape(area.href)}" aria-label="{escape(area.title or area.name)}">{path}</a>'
            )
        else:
            out.append(path)
    out.append("</svg>")
    return "".join(out)
