# SPDX-License-Identifier: EUPL-1.2
"""Partner scoring: how well two municipalities fit as ICT partners, criterion by criterion.

Every criterion gives a score in 0..1 for a pair (symmetric) and says whether the data for it was
there. The total is a weighted mean with one common denominator per ranking (the weights of the
criteria for which any data exists), so raising a criterion's weight can only move up the
candidates that do well on it. Where a pair lacks data on a criterion (an island without
neighbours in the map, an unknown population, no profile), the mean of the candidates that have
the data is used instead of zero, the pair's **confidence** (share of the weight backed by real
data) drops, and the reason says what is missing.

`rank` scores one municipality against all others (vectorised with NumPy, about a millisecond for
342, tens of milliseconds for 100,000); `pairwise_fit` gives the symmetric n×n fit matrix the
cluster optimiser uses."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from goedebuur.core.geo import haversine_km
from goedebuur.core.partners.features import AMBITIONS, REGION_TYPES, Features

# Road distance is estimated as great-circle distance × this factor: a proxy, not a route. Detour
# ("circuity") factors measured for road networks are typically 1.2-1.4 (Ballou, Rahardja &
# Sakai 2002, "Selected country circuity factors for road travel distance estimation",
# Transportation Research A 36: 843-848; the Netherlands is at the low end).
DETOUR_FACTOR = 1.3
# Road-like distance at which the distance score is one half: 1 / (1 + (km / 25)²).
DISTANCE_HALF_KM = 25.0
# Size: the score drops linearly with the size ratio on a log2 scale and is 0 at 16× (2^4).
SIZE_ZERO_LOG2 = 4.0
# Contract end years count as aligned when they are at most this many years apart.
CONTRACT_WINDOW_YEARS = 1

# How much each shared division counts within "shared regions" (relative). Labour-market, youth-care
# and safety regions are where municipalities already work together on services; the province
# counts least, so that it cannot dominate (see docs/user/partners.md).
REGION_WEIGHTS: dict[str, float] = {
    "arbeidsmarktregio": 3.0,
    "jeugdregio": 2.0,
    "veiligheidsregio": 2.0,
    "corop": 2.0,
    "ggdregio": 1.0,
    "res": 1.0,
    "provincie": 1.0,
}

CRITERIA: dict[str, str] = {
    "shared_border": "gedeelde grens",
    "distance": "afstand",
    "shared_regions": "gedeelde regio's",
    "size": "vergelijkbare omvang",
    "landscape": "applicatielandschap",
    "suppliers": "leveranciers",
    "contract_window": "contracteinddata",
    "ambitions": "ambities (vier K's)",
    "existing_cooperation": "bestaande samenwerking",
}

DEFAULT_WEIGHTS: dict[str, float] = {
    "shared_border": 0.10,
    "distance": 0.25,
    "shared_regions": 0.35,
    "size": 0.10,
    "landscape": 0.20,
    "suppliers": 0.10,
    "contract_window": 0.10,
    "ambitions": 0.10,
    "existing_cooperation": 0.10,
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
class Reason:
    """Why a criterion scored as it did (or a note about the municipality itself), as a code and
    the values its sentence needs; the partners app phrases it in the active language."""

    code: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CriterionScore:
    key: str
    label: str
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
    confidence: float  # 0..1
    distance_km: float  # great-circle between centroids
    road_km: float  # distance_km × DETOUR_FACTOR (estimate)
    criteria: dict[str, CriterionScore]
    cooperating: bool = False
    cooperating_in_domain: bool = False
    cooperation_domains: frozenset[str] = frozenset()
    missing: tuple[str, ...] = ()  # labels of criteria without data for this pair


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


# --- distances -----------------------------------------------------------------------------


def distance_score(road_km) -> np.ndarray:
    return 1.0 / (1.0 + (np.asarray(road_km, dtype=float) / DISTANCE_HALF_KM) ** 2)


# --- criteria as (rows × cols) matrices ----------------------------------------------------


def _cached(features: Features, key, build):
    if key not in features._cache:
        features._cache[key] = build()
    return features._cache[key]


def _degree(features: Features) -> np.ndarray:
    return _cached(
        features,
        "degree",
        lambda: np.array(
            [len(a) + len(b) for a, b in zip(features.neighbours, features.point_contacts, strict=True)]
        ),
    )


def _border(features: Features, rows, cols):
    n = features.n
    pos = np.full(n, -1)
    pos[cols] = np.arange(len(cols))
    score = np.zeros((len(rows), len(cols)))
    for k, i in enumerate(rows):
        for j in features.point_contacts[i]:
            if pos[j] >= 0:
                score[k, pos[j]] = 0.5
        for j in features.neighbours[i]:
            if pos[j] >= 0:
                score[k, pos[j]] = 1.0
    degree = _degree(features)
    has = (degree[rows] > 0)[:, None] & (degree[cols] > 0)[None, :]
    return score, has


def _distance(features: Features, rows, cols):
    km = haversine_km(
        features.lat[rows][:, None],
        features.lon[rows][:, None],
        features.lat[cols][None, :],
        features.lon[cols][None, :],
    )
    return distance_score(km * DETOUR_FACTOR), np.isfinite(km)


def _regions(features: Features, rows, cols):
    total = np.zeros((len(rows), len(cols)))
    weight = np.zeros((len(rows), len(cols)))
    for key, labels in features.regions.items():
        w = REGION_WEIGHTS.get(key, 1.0)
        a, b = labels[rows][:, None], labels[cols][None, :]
        known = (a >= 0) & (b >= 0)
        weight += w * known
        total += w * (known & (a == b))
    has = weight > 0
    return np.divide(total, weight, out=np.zeros_like(total), where=has), has


def _size(features: Features, rows, cols):
    a, b = features.population[rows][:, None], features.population[cols][None, :]
    has = np.isfinite(a) & np.isfinite(b) & (a > 0) & (b > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.abs(np.log2(np.where(has, a, 1.0) / np.where(has, b, 1.0)))
    return np.clip(1.0 - ratio / SIZE_ZERO_LOG2, 0.0, 1.0), has


def _multi_hot(values: list) -> tuple[np.ndarray, np.ndarray]:
    """(n × vocabulary) 0/1 matrix of a list of sets (None = unknown) and a 'known' mask."""
    vocabulary = sorted({item for items in values if items for item in items}, key=str)
    column = {item: k for k, item in enumerate(vocabulary)}
    matrix = np.zeros((len(values), max(len(vocabulary), 1)), dtype=np.float32)
    for i, items in enumerate(values):
        for item in items or ():
            matrix[i, column[item]] = 1.0
    known = np.array([bool(items) for items in values])
    return matrix, known


def _jaccard(features: Features, name: str, rows, cols):
    values = getattr(features, name)
    matrix, known = _cached(features, ("multi_hot", name), lambda: _multi_hot(values))
    inter = matrix[rows] @ matrix[cols].T
    sizes = matrix.sum(axis=1)
    union = sizes[rows][:, None] + sizes[cols][None, :] - inter
    has = known[rows][:, None] & known[cols][None, :]
    return np.divide(inter, union, out=np.zeros(inter.shape), where=has & (union > 0)), has


def _years(features: Features):
    values = features.contract_years
    years = sorted({y for ys in values if ys for y in ys})
    if not years:
        return np.zeros((len(values), 1)), np.zeros((len(values), 1)), np.zeros(len(values), dtype=bool)
    first, last = years[0] - CONTRACT_WINDOW_YEARS, years[-1] + CONTRACT_WINDOW_YEARS
    exact = np.zeros((len(values), last - first + 1))
    for i, ys in enumerate(values):
        for y in ys or ():
            exact[i, y - first] = 1.0
    window = exact.copy()
    for shift in range(1, CONTRACT_WINDOW_YEARS + 1):
        window[:, shift:] += exact[:, :-shift]
        window[:, :-shift] += exact[:, shift:]
    known = np.array([bool(ys) for ys in values])
    return exact, np.minimum(window, 1.0), known


def _contracts(features: Features, rows, cols):
    exact, window, known = _cached(features, "years", lambda: _years(features))
    matched = exact[rows] @ window[cols].T + window[rows] @ exact[cols].T
    sizes = exact.sum(axis=1)
    total = sizes[rows][:, None] + sizes[cols][None, :]
    has = known[rows][:, None] & known[cols][None, :]
    return np.divide(matched, total, out=np.zeros(matched.shape), where=has & (total > 0)), has


def _ambitions(features: Features, rows, cols):
    a = features.ambitions
    diff = np.abs(a[rows][:, None, :] - a[cols][None, :, :])
    known = np.isfinite(diff)
    count = known.sum(axis=2)
    has = count > 0
    mean = np.divide(np.where(known, diff, 0.0).sum(axis=2), count, out=np.zeros(count.shape), where=has)
    return np.clip(1.0 - mean, 0.0, 1.0), has


def _cooperation(features: Features, rows, cols):
    pos = np.full(features.n, -1)
    pos[cols] = np.arange(len(cols))
    score = np.zeros((len(rows), len(cols)))
    for k, i in enumerate(rows):
        for j in features.cooperating[i]:
            if pos[j] >= 0:
                score[k, pos[j]] = 1.0
    return score, np.ones(score.shape, dtype=bool)


def _available(features: Features) -> dict[str, bool]:
    """Which criteria have any data source at all in these features."""
    return {
        "shared_border": True,
        "distance": True,
        "shared_regions": bool(features.regions),
        "size": True,
        "landscape": features.landscape is not None,
        "suppliers": features.suppliers is not None,
        "contract_window": features.contract_years is not None,
        "ambitions": features.ambitions is not None,
        "existing_cooperation": features.cooperating is not None,
    }


def criterion_matrices(features: Features, rows, cols, keys=None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each criterion with a data source: (score, has_data), both (len(rows) × len(cols))."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    functions = {
        "shared_border": _border,
        "distance": _distance,
        "shared_regions": _regions,
        "size": _size,
        "landscape": lambda f, r, c: _jaccard(f, "landscape", r, c),
        "suppliers": lambda f, r, c: _jaccard(f, "suppliers", r, c),
        "contract_window": _contracts,
        "ambitions": _ambitions,
        "existing_cooperation": _cooperation,
    }
    available = _available(features)
    return {
        key: function(features, rows, cols)
        for key, function in functions.items()
        if available[key] and (keys is None or key in keys)
    }


def _impute(score: np.ndarray, has: np.ndarray, valid: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Missing entries take the mean of the entries with data (among `valid` ones)."""
    mask = has if valid is None else has & valid
    mean = float(score[mask].mean()) if mask.any() else 0.0
    return np.where(has, score, mean), mean


def _combine(matrices, weights, valid=None):
    """Weighted total and confidence from criterion matrices; the denominator is common to all."""
    shape = next(iter(matrices.values()))[0].shape
    total = np.zeros(shape)
    backed = np.zeros(shape)
    used = 0.0
    effective, means = {}, {}
    for key, (score, has) in matrices.items():
        w = weights.get(key, 0.0)
        score, mean = _impute(score, has, valid)
        effective[key], means[key] = score, mean
        if w <= 0 or not (has if valid is None else has & valid).any():
            continue
        used += w
        total += w * score
        backed += w * has
    all_weight = sum(w for w in weights.values() if w > 0)
    total = total / used if used > 0 else total
    confidence = backed / all_weight if all_weight > 0 else np.zeros(shape)
    return np.clip(total, 0.0, 1.0), np.clip(confidence, 0.0, 1.0), effective, means


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
    notes = _origin_notes(features, origin)
    if len(cols) == 0:
        return Ranking(
            origin, features.codes[origin], features.names[origin], weights, [], 0, scores_all, notes, domain
        )
    matrices = criterion_matrices(features, [origin], cols)
    total, confidence, effective, means = _combine(matrices, weights)
    total, confidence = total[0], confidence[0]
    scores_all[cols] = total

    # Order: score descending, then code; only the top ones are sorted.
    rounded = np.round(total, 9)
    if top is not None and top < len(cols):
        kth = np.partition(-rounded, top - 1)[top - 1]
        chosen = np.flatnonzero(-rounded <= kth)
    else:
        chosen = np.arange(len(cols))
    codes = np.array([features.codes[j] for j in cols[chosen]])
    order = chosen[np.lexsort((codes, -rounded[chosen]))]
    if top is not None:
        order = order[:top]

    km_row = haversine_km(
        features.lat[origin], features.lon[origin], features.lat[cols[order]], features.lon[cols[order]]
    )
    candidates = []
    for position, (k, km) in enumerate(zip(order, np.atleast_1d(km_row), strict=True), start=1):
        j = int(cols[k])
        criteria = {}
        for key, (_score, has) in matrices.items():
            criteria[key] = CriterionScore(
                key,
                CRITERIA[key],
                float(effective[key][0, k]),
                weights[key],
                bool(has[0, k]),
                _reason(features, key, origin, j, float(effective[key][0, k]), bool(has[0, k]), float(km)),
            )
        for key in CRITERIA:
            if key not in criteria:
                criteria[key] = CriterionScore(key, CRITERIA[key], 0.0, weights[key], False, _no_source(key))
        cooperating = features.cooperating is not None and j in features.cooperating[origin]
        slugs = features.domains_between(origin, j)
        candidates.append(
            Candidate(
                index=j,
                code=features.codes[j],
                name=features.names[j],
                rank=position,
                score=float(total[k]),
                confidence=float(confidence[k]),
                distance_km=float(km),
                road_km=float(km) * DETOUR_FACTOR,
                criteria=criteria,
                cooperating=cooperating,
                cooperating_in_domain=bool(domain) and domain in slugs,
                cooperation_domains=slugs,
                missing=tuple(c.label for c in criteria.values() if not c.has_data and c.weight > 0),
            )
        )
    return Ranking(
        origin,
        features.codes[origin],
        features.names[origin],
        weights,
        candidates,
        len(cols),
        scores_all,
        notes,
        domain,
    )


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
    total, _confidence, _effective, _means = _combine(matrices, weights, valid=off_diagonal)
    total = (total + total.T) / 2.0
    np.fill_diagonal(total, 0.0)
    return total


# --- reasons: codes and values; the partners app phrases them (partners.reasons) ---------------


def _no_source(key: str) -> Reason:
    """No data source at all for this criterion (`criterion`: its key)."""
    return Reason("no_source", {"criterion": key})


def _origin_notes(features: Features, origin: int) -> list[Reason]:
    notes = []
    name = features.names[origin]
    if _degree(features)[origin] == 0:
        notes.append(Reason("origin_island", {"name": name}))
    if not math.isfinite(features.population[origin]):
        notes.append(Reason("origin_population_unknown", {"name": name}))
    return notes


def _unknown(pairs) -> list[str]:
    """Names of the (name, known) pairs that are not known."""
    return [name for name, known in pairs if not known]


def _reason(features: Features, key: str, i: int, j: int, score: float, has: bool, km: float) -> Reason:
    a, b = features.names[i], features.names[j]
    if key == "shared_border":
        if not has:
            return Reason("border_island", {"island": a if _degree(features)[i] == 0 else b})
        if j in features.neighbours[i]:
            return Reason("border_shared", {"a": a, "b": b})
        if j in features.point_contacts[i]:
            return Reason("border_point", {"a": a, "b": b})
        return Reason("border_none", {"a": a, "b": b})
    if key == "distance":
        return Reason("distance", {"km": km, "road_km": km * DETOUR_FACTOR, "factor": DETOUR_FACTOR})
    if key == "shared_regions":
        shared, other = [], []
        for code in REGION_TYPES:
            labels = features.regions.get(code)
            if labels is None or labels[i] < 0 or labels[j] < 0:
                continue
            if labels[i] == labels[j]:
                shared.append((code, features.region_names.get(code, {}).get(int(labels[i]))))
            else:
                other.append(code)
        if not shared:
            return Reason("regions_none")
        return Reason("regions_shared", {"shared": shared, "other": other})
    if key == "size":
        pa, pb = features.population[i], features.population[j]
        if not has:
            known = [(n, math.isfinite(p) and p > 0) for n, p in ((a, pa), (b, pb))]
            return Reason("size_unknown", {"names": _unknown(known)})
        ratio = max(pa, pb) / min(pa, pb)
        if ratio < 1.1:
            return Reason("size_similar", {"a": float(pa), "b": float(pb)})
        bigger = b if pb >= pa else a
        return Reason("size_ratio", {"a": float(pa), "b": float(pb), "bigger": bigger, "ratio": float(ratio)})
    if key in ("landscape", "suppliers"):
        values = getattr(features, key)
        if not has:
            return Reason(f"{key}_unknown", {"names": _unknown(((a, values[i]), (b, values[j])))})
        return Reason(f"{key}_overlap", {"common": len(values[i] & values[j]), "percent": score * 100})
    if key == "contract_window":
        values = features.contract_years
        if not has:
            return Reason("contracts_unknown", {"names": _unknown(((a, values[i]), (b, values[j])))})
        return Reason("contracts_window", {"percent": score * 100, "years": CONTRACT_WINDOW_YEARS})
    if key == "ambitions":
        if not has:
            return Reason("ambitions_unknown")
        compared = sum(
            1
            for n in range(len(AMBITIONS))
            if np.isfinite(features.ambitions[i, n]) and np.isfinite(features.ambitions[j, n])
        )
        return Reason("ambitions_similar", {"percent": score * 100, "compared": compared})
    if key == "existing_cooperation":
        if j in (features.cooperating[i] if features.cooperating is not None else ()):
            return Reason("cooperating", {"domains": sorted(features.domains_between(i, j))})
        return Reason("not_cooperating")
    return Reason("")
