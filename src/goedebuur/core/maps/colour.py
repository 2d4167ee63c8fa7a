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


# Fills for groups on a map (clusters): light enough for dark borders and names, told apart also
# with red-green colour blindness for the first ones (after Paul Tol's "light" scheme, without its
# grey, which would read as the muted context; lilac and tan added). The order puts the most
# distinct colours first.
GROUPS = (
    "#77aadd", "#ee8866", "#44bb99", "#eedd88", "#ffaabb",
    "#99ddff", "#bbcc33", "#bebada", "#aaaa00", "#d9b38c",
)  # fmt: skip


def group_colours(touching: list[set[int]], palette: tuple[str, ...] = GROUPS) -> list[str]:
    """A colour per group, given for each group the groups it borders.

    Up to len(palette) groups every group gets a colour of its own (so the legend identifies each
    group by colour alone); beyond that the group graph is coloured with DSATUR (Brélaz: the group
    bordering the most differently coloured groups first), so no two bordering groups share a
    colour as long as the palette has enough colours for the graph (planar maps need at most four
    or five in practice)."""
    k = len(touching)
    if k <= len(palette):
        return [palette[g] for g in range(k)]
    import networkx as nx  # imported when needed (about 0.17 s), as in core.clusters.matching

    graph = nx.Graph()
    graph.add_nodes_from(range(k))
    graph.add_edges_from((g, h) for g, others in enumerate(touching) for h in others if g != h)
    colour = nx.greedy_color(graph, strategy="DSATUR")
    return [palette[colour[g] % len(palette)] for g in range(k)]
