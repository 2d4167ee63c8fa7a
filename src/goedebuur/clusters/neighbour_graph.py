# SPDX-License-Identifier: EUPL-1.2
"""The neighbour graph of an area, with the links the generalised boundaries leave out.

Links added to the neighbour graph (the generalised boundaries leave these places unconnected):

- the Wadden islands to their ferry municipality: Texel -> Den Helder, Vlieland and Terschelling ->
  Harlingen, Ameland and Schiermonnikoog -> Noardeast-Fryslân (ferries from Holwerd and Lauwersoog);
- Terneuzen - Borsele through the Westerschelde tunnel (Zeeuws-Vlaanderen is otherwise cut off);
- point contacts (municipalities meeting in a single point of the generalised map, several of them
  real neighbours across water), unless switched off."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

# (a, b, kind) with kind "veer" (ferry) or "tunnel"
EXTRA_LINKS = (
    ("GM0448", "GM0400", "veer"),  # Texel - Den Helder
    ("GM0096", "GM0072", "veer"),  # Vlieland - Harlingen
    ("GM0093", "GM0072", "veer"),  # Terschelling - Harlingen
    ("GM0060", "GM1970", "veer"),  # Ameland - Noardeast-Fryslân (Holwerd)
    ("GM0088", "GM1970", "veer"),  # Schiermonnikoog - Noardeast-Fryslân (Lauwersoog)
    ("GM0715", "GM0654", "tunnel"),  # Terneuzen - Borsele (Westerschelde tunnel)
)


@dataclass(frozen=True)
class Link:
    code_a: str
    name_a: str
    code_b: str
    name_b: str
    kind: str  # "veer", "tunnel", "puntcontact"

    @property
    def description(self) -> str:
        if self.kind == "veer":
            return _("veerverbinding %(a)s – %(b)s (de Waddeneilanden hebben geen landgrens)") % {
                "a": self.name_a,
                "b": self.name_b,
            }
        if self.kind == "tunnel":
            return _(
                "Westerscheldetunnel %(a)s – %(b)s (Zeeuws-Vlaanderen grenst verder alleen aan België)"
            ) % {
                "a": self.name_a,
                "b": self.name_b,
            }
        return _("%(a)s en %(b)s raken elkaar in één punt (vaak buren over het water)") % {
            "a": self.name_a,
            "b": self.name_b,
        }


def area_graph(features, indices: list[int], *, point_contacts: bool = True):
    """Adjacency (local indices) of the area, with the extra links that fall inside it."""
    local = {g: i for i, g in enumerate(indices)}
    adjacency = [{local[j] for j in features.neighbours[g] if j in local} for g in indices]
    links: list[Link] = []

    def link(a, b, kind):
        adjacency[local[a]].add(local[b])
        adjacency[local[b]].add(local[a])
        links.append(Link(features.codes[a], features.names[a], features.codes[b], features.names[b], kind))

    for code_a, code_b, kind in EXTRA_LINKS:
        try:
            a, b = features.index_of(code_a), features.index_of(code_b)
        except KeyError:
            continue
        if a in local and b in local and local[b] not in adjacency[local[a]]:
            link(a, b, kind)
    if point_contacts:
        for g in indices:
            for j in sorted(features.point_contacts[g]):
                if j in local and g < j and local[j] not in adjacency[local[g]]:
                    link(g, j, "puntcontact")
    return adjacency, links
