# SPDX-License-Identifier: EUPL-1.2
"""Public API of the clusters app: the cluster optimiser and the fallback pairs (achtervang).

Loads the municipalities as `Features` (partners app, cached per process), builds the neighbour
graph with the stated extra links (`neighbour_graph`), calls the pure optimisers in
`goedebuur.core.clusters.optimiser` and `goedebuur.core.clusters.matching`, and returns plain dataclasses for the
page, the API and the CLI. The inputs live in `inputs`, the results in `results` and the Dutch
explanations of infeasible bounds in `explanations`; this module re-exports their public names.

Town halls are not in the reference data: distances between municipalities are great-circle
distances between their centroids, as everywhere on the platform (`DISTANCE_POINT`)."""

from __future__ import annotations

import math
import time

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goedebuur.cooperations.models import Cooperation, Membership
from goedebuur.core.clusters import optimiser as clustering
from goedebuur.core.partners.scoring import pairwise_fit
from goedebuur.municipalities.models import RegionType
from goedebuur.partners.services import load_features

from .explanations import _infeasible_message, _violation_text
from .inputs import (
    COMPARABLE_DIVISIONS,
    WHOLE_COUNTRY,
    AreaChoice,
    ClusterError,
    ClusterRequest,
    _bounds,
    area_choices,
    division_names,
    parse_area,
)
from .neighbour_graph import EXTRA_LINKS, Link, area_graph
from .pairs import MAX_POPULATION_RATIO, PairProposal, PairRequest, fallback_pairs
from .results import (
    GROUP_COLOURS,
    PAIR_LINE,
    ClusterProposal,
    Comparison,
    DivisionScore,
    FixedCooperation,
    Member,
    ProposalGroup,
    _group_colours,
    _score,
)

__all__ = [
    "COMPARABLE_DIVISIONS",
    "EXTRA_LINKS",
    "GROUP_COLOURS",
    "MAX_POPULATION_RATIO",
    "PAIR_LINE",
    "WHOLE_COUNTRY",
    "AreaChoice",
    "ClusterError",
    "ClusterProposal",
    "ClusterRequest",
    "Comparison",
    "DivisionScore",
    "FixedCooperation",
    "Link",
    "Member",
    "PairProposal",
    "PairRequest",
    "ProposalGroup",
    "area_choices",
    "area_graph",
    "division_names",
    "fallback_pairs",
    "parse_area",
    "propose_clusters",
]


def _cooperation_blocks(features, indices, adjacency, area_codes):
    """Ongoing cooperations of the register with at least two current members in the area: the
    blocks to keep together (local indices) and a report on each."""
    local = {features.codes[g]: i for i, g in enumerate(indices)}
    rows = (
        Membership.objects.filter(
            left_on__isnull=True,
            cooperation__deleted_at__isnull=True,
            cooperation__status__in=Cooperation.ONGOING_STATUSES,
            municipality__code__in=area_codes,
        )
        .order_by("cooperation__name", "municipality__name")
        .values_list("cooperation__name", "cooperation__slug", "municipality__code", "municipality__name")
    )
    found: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for name, slug, code, municipality in rows:
        found.setdefault(slug, (name, []))[1].append((code, municipality))
    blocks, report = [], []
    for slug, (name, members) in found.items():
        if len(members) < 2:
            continue
        block = [local[code] for code, _name in members]
        names = [m for _code, m in members]
        if clustering.is_connected(block, adjacency):
            blocks.append(block)
            report.append(FixedCooperation(name, slug, names, True))
        else:
            report.append(
                FixedCooperation(
                    name,
                    slug,
                    names,
                    False,
                    _(
                        "de deelnemers in dit gebied grenzen niet aan elkaar, dus passen niet in één aaneengesloten groep"
                    ),
                )
            )
    return blocks, report


def propose_clusters(req: ClusterRequest) -> ClusterProposal:
    """A grouping of the area's municipalities into contiguous groups within the bounds."""
    started = time.perf_counter()
    area = parse_area(req.area)
    bounds = _bounds(req)
    if not 0 <= req.fit_weight <= 1:
        raise ClusterError("fit_weight", _("Het gewicht van de fit ligt tussen 0 en 1."))
    if req.compare_with and req.compare_with not in COMPARABLE_DIVISIONS:
        raise ClusterError("compare_with", _("Deze regio-indeling is niet te vergelijken."))
    features = load_features()
    indices = [features.index_of(c) for c in area.codes]
    if not indices:
        raise ClusterError("area", _("Het gebied bevat geen gemeenten."))
    adjacency, links = area_graph(features, indices, point_contacts=req.point_contacts)
    names = [features.names[g] for g in indices]
    population = features.population[indices]
    x, y = clustering.rd_new(features.lat[indices], features.lon[indices])
    fit = pairwise_fit(features, indices=indices)
    blocks, report = ([], [])
    if req.keep_cooperations:
        blocks, report = _cooperation_blocks(features, indices, adjacency, area.codes)
    try:
        part = clustering.partition(
            x,
            y,
            adjacency,
            k=req.groups,
            bounds=bounds,
            population=population,
            fit=fit,
            fit_weight=req.fit_weight,
            fixed=blocks,
        )
    except clustering.Infeasible as error:
        merged = clustering.merge_blocks(len(indices), blocks)
        raise _infeasible_message(error, req, names, merged, report) from error

    colours = _group_colours(part.labels, adjacency, part.k)
    groups = []
    for g, members in enumerate(part.groups):
        pops = population[members]
        groups.append(
            ProposalGroup(
                number=g + 1,
                members=[
                    Member(features.codes[indices[i]], names[i], None if math.isnan(p) else int(p))
                    for i, p in sorted(zip(members, pops, strict=True), key=lambda t: names[t[0]])
                ],
                population=int(np.nansum(pops)),
                fit=part.group_fit[g],
                spread_km=part.group_rms_km[g],
                colour=colours[g],
            )
        )
    warnings = [_violation_text(v) for v in part.violations]
    comparison = None
    if req.compare_with:
        comparison = _compare(req, features, indices, x, y, adjacency, population, fit, bounds, blocks)
    return ClusterProposal(
        request=req,
        area=area,
        groups=groups,
        mean_fit=part.mean_fit,
        sse_km2=part.sse / 1e6,
        objective=part.objective,
        links=links,
        cooperations=report,
        warnings=warnings,
        seconds=time.perf_counter() - started,
        comparison=comparison,
        municipalities=len(indices),
        group_of={features.codes[indices[i]]: int(part.labels[i]) + 1 for i in range(len(indices))},
    )


def _compare(req, features, indices, x, y, adjacency, population, fit, bounds, blocks) -> Comparison:
    labels = features.regions[req.compare_with][indices]
    division_name = RegionType.objects.filter(code=req.compare_with).values_list("name", flat=True).first()
    division_name = division_name or req.compare_with
    existing = clustering.evaluate(
        labels.tolist(),
        x,
        y,
        fit=fit,
        adjacency=adjacency,
        population=population,
        bounds=bounds,
        fit_weight=req.fit_weight,
    )
    k = existing.k
    try:
        ours = clustering.partition(
            x, y, adjacency, k=k, population=population, fit=fit, fit_weight=req.fit_weight, fixed=blocks
        )
        ours.violations = [
            v
            for g, members in enumerate(ours.groups)
            for v in clustering.bound_violations(
                g, len(members), float(np.nansum(population[members])), bounds
            )
        ]
    except clustering.Infeasible:
        ours = existing
    return Comparison(
        req.compare_with,
        division_name,
        _score(existing, division_name, bounds),
        _score(
            ours, ngettext("Voorstel met %(k)s groep", "Voorstel met %(k)s groepen", k) % {"k": k}, bounds
        ),
    )
