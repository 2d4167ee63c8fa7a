# SPDX-License-Identifier: EUPL-1.2
"""Where names go on a map: a label is shown when it fits its area and does not overlap a label
already placed (largest areas first), so a province map names (nearly) every municipality and the
national map only the ones with room for their name.

Pure geometry in SVG units; the markup is written by the maps app."""

from collections.abc import Sequence
from dataclasses import dataclass

from goedebuur.core.geo import Box

# The width of a character of a sans-serif font, as a fraction of the font size: a little more than
# the average (about 0.55), since names such as "Bunnik" measure 0.64 in Chromium.
CHAR_WIDTH = 0.62
# A label may stick out beyond its area's bounding box (names of narrow, tall areas).
OVERHANG = 1.5
# A name that does not fit at the map's font size is tried once more this much smaller.
SMALLER = 0.8
# Room kept between two labels, as a fraction of the font size.
GAP = 0.3
# Font size as a fraction of the map's larger side (maps are drawn at most so wide and so high):
# about 13 px on a map of 700 px.
FONT_FRACTION = 1 / 54


@dataclass(frozen=True)
class LabelCandidate:
    text: str
    x: float  # the label point: inside the area (e.g. its representative point)
    y: float
    box: Box  # the area's bounding box


def font_size(view: Box, fraction: float = FONT_FRACTION) -> float:
    """The label font size for a map showing `view` (SVG units)."""
    return max(view[2] - view[0], view[3] - view[1]) * fraction


def label_box(candidate: LabelCandidate, size: float) -> Box:
    """The box a label takes, centred on its point."""
    half_w = len(candidate.text) * CHAR_WIDTH * size / 2
    half_h = size * 0.62  # the line box of the text, about 1.23 × the font size
    return (candidate.x - half_w, candidate.y - half_h, candidate.x + half_w, candidate.y + half_h)


def _overlap(a: Box, b: Box, gap: float) -> bool:
    return a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] - gap < b[3] and b[1] - gap < a[3]


def _inside(inner: Box, outer: Box) -> bool:
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def place_labels(
    candidates: Sequence[LabelCandidate], size: float, view: Box | None = None
) -> list[tuple[int, float]]:
    """The candidates whose label is shown, as (index, font size), in placing order.

    A label is shown at `size`, or else at SMALLER × `size`, when its width is at most OVERHANG ×
    its area's width, its height at most the area's height, it lies inside `view` (when given) and
    it keeps GAP from every label placed before it. Larger areas are placed first, so when two names
    compete the bigger area wins."""
    order = sorted(
        range(len(candidates)),
        key=lambda i: (-_area(candidates[i].box), candidates[i].text),
    )
    placed: list[Box] = []
    chosen: list[tuple[int, float]] = []
    for i in order:
        candidate = candidates[i]
        if not candidate.text:
            continue
        for font in (size, size * SMALLER):
            box = _fitting_box(candidate, font, view, placed)
            if box is not None:
                placed.append(box)
                chosen.append((i, font))
                break
    return chosen


def _fitting_box(candidate: LabelCandidate, font: float, view: Box | None, placed: list[Box]) -> Box | None:
    """The label's box at this font size, or None when it does not fit or covers a placed label."""
    box = label_box(candidate, font)
    width, height = box[2] - box[0], box[3] - box[1]
    area_w = candidate.box[2] - candidate.box[0]
    area_h = candidate.box[3] - candidate.box[1]
    if width > OVERHANG * area_w or height > area_h:
        return None
    if view is not None and not _inside(box, view):
        return None
    gap = GAP * font
    if any(_overlap(box, other, gap) for other in placed):
        return None
    return box


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])
