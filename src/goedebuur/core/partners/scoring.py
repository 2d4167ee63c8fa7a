# SPDX-License-Identifier: EUPL-1.2
"""Partner scoring: how well two municipalities fit as ICT partners, criterion by criterion.

Every criterion (`criteria`) gives a score in 0..1 for a pair (symmetric) and says whether the
data for it was there. The total is a weighted mean with one common denominator per ranking (the
weights of the criteria for which any data exists), so raising a criterion's weight can only move
up the candidates that do well on it. Where a pair lacks data on a criterion (an island without
neighbours in the map, an unknown population, no profile), that criterion counts as **unknown**,
not as zero: the mean of the candidates that have the data stands in for it, the pair's
**confidence** (the share of the weight backed by data for that pair) drops, and the reason says
what is missing. When every weighted criterion lacks data there is no ranking: `Ranking.unranked`
says why.

`rank` scores one municipality against all others (vectorised with NumPy; reasons only for the
`top` candidates returned); `pairwise_fit` gives the symmetric n×n fit matrix the cluster
optimiser uses."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from goedebuur.core.geo import haversine_km
from goedebuur.core.partners import criteria, evidence
from goedebuur.core.partners.criteria import (  # noqa: F401 - re-exported: the documented constants
    CONTRACT_WINDOW_YEARS,
    DETOUR_FACTOR,
    DISTANCE_HALF_KM,
    REGELING_HALF,
    REGION_WEIGHTS,
    SIZE_ZERO_LOG2,
    distance_score,
)
from goedebuur.core.partners.evidence import Reason
from goedebuur.core.partners.features import Features

# The criteria in the order they are shown. Public data: border, distance, regions, size, shared
# regelingen, council; the ICT profiles (visible to logged-in municipal users): landscape,
# suppliers, contracts (only those the viewer may see), ambitions.
CRITERIA: tuple[str, ...] = (
    "shared_regelingen",
    "shared_regions",
    "distance",
    "shared_border",
    "size",
    "council",
    "landscape",
    "suppliers",
    "contract_window",
    "ambitions",
)
PROFILE_CRITERIA = ("landscape", "suppliers", "contract_window", "ambitions")

# Chosen by cross-validation on real cooperations for the public criteria (bench/validity_partners.py,
# bench/RESULTS.md); the profile criteria by judgement (no real profiles to validate on yet): together
# they weigh as much as the public ones, so that a filled-in landscape decides between close
# candidates. See docs/user/partners.md.
DEFAULT_WEIGHTS: dict[str, float] = {
    "shared_regelingen": 0.20,
    "shared_regions": 0.25,
    "distance": 0.20,
    "shared_border": 0.10,
    "size": 0.10,
    "council": 0.10,
    "landscape": 0.20,
    "suppliers": 0.10,
    "contract_window": 0.10,
    "ambitions": 0.10,
}


@dataclass(frozen=True)
class Filters:
    """Which candidates take part: at most `max_distance_km` apart (great-circle), sharing a region
    of each division in `shared_regions`, population within [min_population, max_population]
    (candidates with an unknown population pass), and none of `exclude` (indices)."""

    max_distance_km: float | None = None
    shared_regions: tuple[str, ...] = ()
    min_population: float | None = None
    max_population: float | None = None
    exclude: frozenset[int] = frozenset()


@dataclass(frozen=True)
class CriterionScore:
    key: str
    score: float  # 0..1; the mean of the others when has_data is False
    weight: float
    has_data: bool
    reason: Reason


@dataclass(frozen=True)
class Candidate:
    index: int
    code: str
    name: str
    rank: int  # 1-based
    score: float  # 0..1
    confidence: float  # 0..1: share of the weight backed by data for this pair
    distance_km: float  # great-circle between centroids
    road_km: float  # distance_km × DETOUR_FACTOR (estimate)
    criteria: dict[str, CriterionScore]
    cooperating: bool = False
    cooperating_in_domain: bool = False
    cooperation_domains: frozenset[str] = frozenset()
    missing: tuple[str, ...] = ()  # keys of weighted criteria without data for this pair


@dataclass
class Ranking:
    origin: int
    code: str
    name: str
    weights: dict[str, float]
    candidates: list[Candidate]
    considered: int  # candidates that passed the filters
    scores: np.ndarray  # per municipality, nan for the origin and filtered-out ones
    notes: list[Reason] = field(default_factory=list)  # about the origin itself (missing data)
    domain: str | None = None
    # Why there is no ranking (None: there is one): "no_weight" (every weight 0), "no_data"
    # (values["criteria"]: the weighted criteria, none with data) or "no_candidates" (the filters
    # leave nobody).
    unranked: Reason | None = None
    hidden: frozenset[str] = frozenset()  # criteria the viewer may not see (not loaded)
    codes: list[str] = field(default_factory=list)  # the codes of `scores`, by index

    def score_by_code(self) -> dict[str, float]:
        """The total of every candidate that passed the filters, by code."""
        return {code: float(s) for code, s in zip(self.codes, self.scores, strict=True) if not math.isnan(s)}


# --- weights -------------------------------------------------------------------------------


def normalise_weights(weights: dict[str, float] | None) -> dict[str, float]:
    """DEFAULT_WEIGHTS updated with `weights`; unknown keys and negative or non-finite values raise
    ValueError."""
    result = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in CRITERIA:
            raise ValueError(f"unknown criterion: {key!r}")
        value = float(value)
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"weight of {key!r} must be a non-negative number")
        result[key] = value
    return result


# --- combining the criteria ----------------------------------------------------------------


def criterion_matrices(features: Features, rows, cols, keys=None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each criterion with a data source: (score, has_data), both (len(rows) × len(cols))."""
    return criteria.matrices(features, rows, cols, keys)


def impute(score: np.ndarray, has: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
    """Missing entries take the mean of the entries with data (among `valid` ones): unknown, not 0."""
    return _impute(score, has, valid)[0]


def _impute(score, has, valid=None):
    mask = has if valid is None else has & valid
    mean = float(score[mask].mean()) if mask.any() else 0.0
    return np.where(has, score, mean), mean


def _combine(matrices, weights, valid=None):
    """Weighted total and confidence from criterion matrices; the denominator is common to all.
    Returns (total, confidence, effective scores, used weight, mean score per criterion)."""
    shape = next(iter(matrices.values()))[0].shape
    total = np.zeros(shape)
    backed = np.zeros(shape)
    used = 0.0
    effective, means = {}, {}
    for key, (score, has) in matrices.items():
        w = weights.get(key, 0.0)
        score, means[key] = _impute(score, has, valid)
        effective[key] = score
        if w <= 0 or not (has if valid is None else has & valid).any():
            continue
        used += w
        total += w * score
        backed += w * has
    all_weight = sum(w for w in weights.values() if w > 0)
    total = total / used if used > 0 else total
    confidence = backed / all_weight if all_weight > 0 else np.zeros(shape)
    return np.clip(total, 0.0, 1.0), np.clip(confidence, 0.0, 1.0), effective, used, means


# --- the ranking ---------------------------------------------------------------------------


def _candidate_mask(features: Features, origin: int, filters: Filters | None):
    mask = np.ones(features.n, dtype=bool)
    mask[origin] = False
    if filters is None:
        return mask
    if filters.max_distance_km is not None:
        # Cheap first pass: a latitude band (1° ≈ 111 km) before the exact distance.
        band = filters.max_distance_km / 110.0 + 0.01
        mask &= np.abs(features.lat - features.lat[origin]) <= band
        idx = np.flatnonzero(mask)
        exact = haversine_km(features.lat[origin], features.lon[origin], features.lat[idx], features.lon[idx])
        mask[idx[exact > filters.max_distance_km]] = False
    for key in filters.shared_regions:
        labels = features.regions.get(key)
        if labels is None:
            raise ValueError(f"unknown region division: {key!r}")
        mask &= (labels == labels[origin]) & (labels >= 0)
    pop = features.population
    if filters.min_population is not None:
        mask &= ~(pop < filters.min_population)
    if filters.max_population is not None:
        mask &= ~(pop > filters.max_population)
    for j in filters.exclude:
        mask[j] = False
    return mask


def _top(total: np.ndarray, codes: list[str], cols: np.ndarray, top: int | None) -> np.ndarray:
    """Positions into `cols` of the best `top`, by score descending then code; only those sorted."""
    rounded = np.round(total, 9)
    if top is not None and top < len(cols):
        kth = np.partition(-rounded, top - 1)[top - 1]
        chosen = np.flatnonzero(-rounded <= kth)
    else:
        chosen = np.arange(len(cols))
    names = np.array([codes[j] for j in cols[chosen]])
    order = chosen[np.lexsort((names, -rounded[chosen]))]
    return order if top is None else order[:top]


def rank(
    features: Features,
    code_or_index: str | int,
    weights: dict[str, float] | None = None,
    *,
    top: int | None = None,
    filters: Filters | None = None,
    domain: str | None = None,
) -> Ranking:
    """Score every other municipality as a partner of one; the best `top` (all when None) come
    back with the per-criterion breakdown and reasons, ordered by score (ties by code).
    `domain` (an ICT domain slug) marks candidates that already cooperate with it in that domain."""
    origin = features.index_of(code_or_index)
    weights = normalise_weights(weights)
    mask = _candidate_mask(features, origin, filters)
    cols = np.flatnonzero(mask)
    scores_all = np.full(features.n, np.nan)
    notes = evidence.origin_notes(features, origin, weights)
    ranking = Ranking(
        origin,
        features.codes[origin],
        features.names[origin],
        weights,
        [],
        len(cols),
        scores_all,
        notes,
        domain,
        hidden=features.hidden,
        codes=features.codes,
    )
    if not any(w > 0 for w in weights.values()):
        ranking.unranked = Reason("no_weight")
        return ranking
    if len(cols) == 0:
        ranking.unranked = Reason("no_candidates")
        return ranking
    matrices = criterion_matrices(features, [origin], cols)
    total, confidence, effective, used, _means = _combine(matrices, weights)
    if used <= 0:
        ranking.unranked = Reason("no_data", {"criteria": [k for k in CRITERIA if weights[k] > 0]})
        return ranking
    total, confidence = total[0], confidence[0]
    scores_all[cols] = total
    order = _top(total, features.codes, cols, top)

    km_row = np.atleast_1d(
        haversine_km(
            features.lat[origin], features.lon[origin], features.lat[cols[order]], features.lon[cols[order]]
        )
    )
    for position, (k, km) in enumerate(zip(order, km_row, strict=True), start=1):
        j = int(cols[k])
        scored = {}
        for key in CRITERIA:
            if key in matrices:
                has = bool(matrices[key][1][0, k])
                value = float(effective[key][0, k])
                why = evidence.reason(features, key, origin, j, value, has, float(km))
                scored[key] = CriterionScore(key, value, weights[key], has, why)
            else:
                scored[key] = CriterionScore(key, 0.0, weights[key], False, evidence.no_source(features, key))
        slugs = features.domains_between(origin, j)
        ranking.candidates.append(
            Candidate(
                index=j,
                code=features.codes[j],
                name=features.names[j],
                rank=position,
                score=float(total[k]),
                confidence=float(confidence[k]),
                distance_km=float(km),
                road_km=float(km) * DETOUR_FACTOR,
                criteria=scored,
                cooperating=features.cooperating is not None and j in features.cooperating[origin],
                cooperating_in_domain=bool(domain) and domain in slugs,
                cooperation_domains=slugs,
                missing=tuple(key for key, s in scored.items() if not s.has_data and s.weight > 0),
            )
        )
    return ranking


def pairwise_fit(features: Features, weights: dict[str, float] | None = None, indices=None) -> np.ndarray:
    """Symmetric (m × m) fit in 0..1 between the municipalities `indices` (all when None), with
    the same criteria and weights as `rank`; missing data takes the mean over all pairs; diagonal 0."""
    weights = normalise_weights(weights)
    idx = np.arange(features.n) if indices is None else np.asarray(indices, dtype=np.int64)
    m = len(idx)
    if m == 0:
        return np.zeros((0, 0))
    matrices = criterion_matrices(features, idx, idx)
    off_diagonal = ~np.eye(m, dtype=bool)
    total, _confidence, _effective, _used, _means = _combine(matrices, weights, valid=off_diagonal)
    total = (total + total.T) / 2.0
    np.fill_diagonal(total, 0.0)
    return total
