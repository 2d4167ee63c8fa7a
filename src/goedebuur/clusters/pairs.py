# SPDX-License-Identifier: EUPL-1.2
"""Fallback pairs (achtervang): who can be whose fallback within a distance band, with the most fit
in total (`goedebuur.core.clusters.matching`). Distances are great-circle distances between the municipalities' centroids, as everywhere
(`DISTANCE_POINT`; town halls are not in the reference data)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from threading import Lock

import numpy as np
from django.utils.translation import gettext as _

from goedebuur.common import number
from goedebuur.core.clusters import matching
from goedebuur.core.partners.scoring import pairwise_fit
from goedebuur.municipalities.models import DISTANCE_POINT, Municipality
from goedebuur.partners.services import load_features

from .inputs import WHOLE_COUNTRY, AreaChoice, ClusterError, parse_area
from .results import Member

MAX_POPULATION_RATIO = 10_000  # beyond the ratio of any two municipalities; bounds the arithmetic


@dataclass(frozen=True)
class PairRequest:
    min_km: float = 5.0
    max_km: float = 40.0
    max_population_ratio: float | None = None  # capacity: the larger at most this many times the smaller
    area: str = WHOLE_COUNTRY


@dataclass
class FallbackGroup:
    members: list[Member]
    km: list[float]
    fit: float

    @property
    def kind(self) -> str:
        return "paar" if len(self.members) == 2 else "driehoek"


@dataclass
class Leftover:
    member: Member
    reason: str  # no_partner_in_band, no_capacity, partners_taken
    candidates: int

    @property
    def explanation(self) -> str:
        return {
            "no_partner_in_band": _("geen enkele gemeente binnen de afstandsband"),
            "no_capacity": _(
                "de gemeenten binnen de afstandsband verschillen te veel in omvang (capaciteit)"
            ),
            "partners_taken": _(
                "alle %(n)s geschikte partners zijn al gekoppeld en geen koppel vormt met haar een driehoek"
            )
            % {"n": self.candidates},
        }[self.reason]


@dataclass
class PairProposal:
    request: PairRequest
    area: AreaChoice
    groups: list[FallbackGroup]
    leftovers: list[Leftover]
    mean_fit: float
    allowed_pairs: int
    seconds: float
    points: dict[str, tuple[float, float]]  # code -> (lat, lon) of the centroid (DISTANCE_POINT)


_pair_cache: dict = {}
_pair_lock = Lock()


def _distance_points(codes) -> dict[str, tuple[float, float]]:
    """(lat, lon) per code of the point distances are measured from: the centroid, as everywhere."""
    rows = Municipality.objects.filter(code__in=codes).values_list("code", *DISTANCE_POINT)
    return {code: (lat, lon) for code, lat, lon in rows}


def fallback_pairs(req: PairRequest) -> PairProposal:
    """Achtervang pairs (a triangle where needed) of maximum total fit within the distance band."""
    started = time.perf_counter()
    if req.min_km < 0 or req.max_km <= 0:
        raise ClusterError("min_km", _("Afstanden zijn positief."))
    if req.max_km < req.min_km:
        raise ClusterError("max_km", _("De maximale afstand is kleiner dan de minimale."))
    if req.max_population_ratio is not None and req.max_population_ratio < 1:
        raise ClusterError("max_population_ratio", _("De verhouding in inwoners is 1 of meer."))
    if req.max_population_ratio is not None and req.max_population_ratio > MAX_POPULATION_RATIO:
        raise ClusterError(
            "max_population_ratio",
            _("De verhouding in inwoners is hooguit %(max)s.") % {"max": number(MAX_POPULATION_RATIO)},
        )
    area = parse_area(req.area)
    features = load_features()
    key = (req, id(features), area.codes)
    with _pair_lock:
        cached = _pair_cache.get(key)
    points = _distance_points(area.codes)
    if cached is None:
        indices = [features.index_of(c) for c in area.codes]
        lat = np.array([points[c][0] for c in area.codes])
        lon = np.array([points[c][1] for c in area.codes])
        km = matching.distance_matrix_km(lat, lon)
        fit = pairwise_fit(features, indices=indices)
        population = features.population[indices]
        capacity = population * req.max_population_ratio if req.max_population_ratio else None
        result = matching.fallback_pairs(
            km, fit, req.min_km, req.max_km, population=population, capacity=capacity
        )
        cached = (indices, result)
        with _pair_lock:
            if len(_pair_cache) > 32:
                _pair_cache.clear()
            _pair_cache[key] = cached
    indices, result = cached

    def member(i):
        g = indices[i]
        p = features.population[g]
        return Member(features.codes[g], features.names[g], None if math.isnan(p) else int(p))

    groups = [FallbackGroup([member(i) for i in g.members], list(g.km), g.fit) for g in result.groups]
    groups.sort(key=lambda g: g.members[0].name)
    leftovers = [Leftover(member(u.index), u.reason, u.candidates) for u in result.unmatched]
    fits = [g.fit for g in result.groups]
    return PairProposal(
        req,
        area,
        groups,
        leftovers,
        float(np.mean(fits)) if fits else 0.0,
        result.allowed_pairs,
        time.perf_counter() - started,
        points,
    )
