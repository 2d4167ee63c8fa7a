# SPDX-License-Identifier: EUPL-1.2
"""Colour scales for choropleth maps (colour-blind safe, sequential)."""

# ColorBrewer "Blues" 5-class, light to dark; the first class is for zero.
SEQUENTIAL = ["#f1f4f9", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
# Members of a highlighted cooperation: an orange no blue class can be mistaken for, also with
# red-green colour blindness; drawn with a thick magenta outline as a second cue.
HIGHLIGHT = "#ffb612"
# Areas drawn only for orientation (outside a zoomed-in province, or around a cooperation): a
# neutral grey, darker than the zero class and without the blue hue of the others.
CONTEXT = "#d9dce0"


def class_breaks(max_value: int, classes: int = len(SEQUENTIAL)) -> list[int]:
    """Lower bounds of the non-zero classes for counts 1..max_value (at most classes-1 bins)."""
    bins = classes - 1
    if max_value <= 0:
        return []
    if max_value <= bins:
        return list(range(1, max_value + 1))
    step = max_value / bins
    bounds = sorted({1 + round(i * step) for i in range(bins)})
    bounds[0] = 1
    return bounds


def class_index(value: int, breaks: list[int]) -> int:
    """The class of a count: 0 for zero (or less), else 1 + the index of its lower bound."""
    if value <= 0 or not breaks:
        return 0
    index = 0
    for i, lower in enumerate(breaks):
        if value >= lower:
            index = i
    return 1 + index


def colour_for(value: int, breaks: list[int], palette: list[str] = SEQUENTIAL) -> str:
    """The palette colour for a count, given lower bounds from `class_breaks`."""
    return palette[class_index(value, breaks)]


def legend(breaks: list[int], max_value: int, palette: list[str] = SEQUENTIAL) -> list[tuple[str, str]]:
    """(label, colour) pairs for a legend, one per class: "0", "1", "2", "3–4", "5–6"..."""
    items = [("0", palette[0])]
    for i, lower in enumerate(breaks):
        upper = breaks[i + 1] - 1 if i + 1 < len(breaks) else max_value
        label = str(lower) if upper <= lower else f"{lower}–{upper}"
        items.append((label, palette[1 + i]))
    return items
