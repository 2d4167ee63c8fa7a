# SPDX-License-Identifier: EUPL-1.2
"""The cluster optimiser's results: a proposal's groups, members, kept cooperations and comparison."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from goedebuur.core.clusters import optimiser as clustering
from goedebuur.core.maps import colour

from .inputs import AreaChoice, ClusterRequest
from .neighbour_graph import Link

# Categorical fills for groups: a colour of its own per group where the palette allows, else
# a DSATUR colouring of the group graph (`goedebuur.core.maps.colour.group_colours`).
GROUP_COLOURS = colour.GROUPS
PAIR_LINE = "#08306b"


@dataclass
class Member:
    code: str
    name: str
    population: int | None


@dataclass
class ProposalGroup:
    number: int
    members: list[Member]
    population: int
    fit: float | None  # mean fit over the pairs in the group
    spread_km: float  # root mean square distance to the group's centre
    colour: str = ""

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def lead(self) -> Member:
        """The member that names the group in the legend: the most inhabitants (it is the likeliest
        to have its name on the map), then by name."""
        return min(self.members, key=lambda m: (-(m.population or 0), m.name))


@dataclass
class FixedCooperation:
    name: str
    slug: str
    members: list[str]  # names in the area
    kept: bool
    reason: str = ""  # why not kept


@dataclass
class DivisionScore:
    label: str
    groups: int
    mean_fit: float | None
    sse_km2: float
    within_bounds: int  # groups within the request's bounds
    connected: int


@dataclass
class Comparison:
    division: str  # region division code
    division_name: str
    existing: DivisionScore
    optimised: DivisionScore  # our optimiser with as many groups, no size bounds


@dataclass
class ClusterProposal:
    request: ClusterRequest
    area: AreaChoice
    groups: list[ProposalGroup]
    mean_fit: float | None
    sse_km2: float
    objective: float
    links: list[Link]
    cooperations: list[FixedCooperation]
    warnings: list[str]
    seconds: float
    comparison: Comparison | None = None
    municipalities: int = 0
    group_of: dict[str, int] = field(default_factory=dict)  # code -> group number

    @property
    def feasible(self) -> bool:
        return not self.warnings


def _group_colours(labels: np.ndarray, adjacency, k: int) -> list[str]:
    """A colour per group: its own when there are at most len(GROUP_COLOURS) groups, else bordering
    groups differ (DSATUR)."""
    touching: list[set[int]] = [set() for _ in range(k)]
    for i, row in enumerate(adjacency):
        for j in row:
            if labels[i] != labels[j]:
                touching[labels[i]].add(int(labels[j]))
    return colour.group_colours(touching)


def _score(part: clustering.Partition, label: str, bounds) -> DivisionScore:
    bad = {v.group for v in part.violations if v.what != "disconnected"}
    disconnected = {v.group for v in part.violations if v.what == "disconnected"}
    mean_fit = None if part.mean_fit is None else float(part.mean_fit)
    return DivisionScore(
        label, part.k, mean_fit, part.sse / 1e6, part.k - len(bad), part.k - len(disconnected)
    )
