# SPDX-License-Identifier: EUPL-1.2
"""The partner finder's criteria as (rows × cols) matrices: for every pair a score in 0..1 and
whether the data for it was there (`has`). Vectorised with NumPy; per-Features helpers (one-hot
matrices, the regeling incidence matrix) are cached on the Features object.

Every criterion is symmetric. The constants below are the documented choices of
docs/user/partners.md."""

from __future__ import annotations

import numpy as np

from goedebuur.core.geo import haversine_km
from goedebuur.core.partners.features import Features

# Road distance is estimated as great-circle distance × this factor: a proxy, not a route. Detour
# ("circuity") factors measured for road networks are typically 1.2-1.4 (Ballou, Rahardja &
# Sakai 2002, "Selected country circuity factors for road travel distance estimation",
# Transportation Research A 36: 843-848; the Netherlands is at the low end).
DETOUR_FACTOR = 1.3
# Road-like distance at which the distance score is one half: 1 / (1 + (km / 25)²).
DISTANCE_HALF_KM = 25.0
# Size: the score drops linearly with the size ratio on a log2 scale and is 0 at 16× (2^4).
SIZE_ZERO_LOG2 = 4.0
# Contracts for the same reference component count as aligned when they end at most this many
# years apart.
CONTRACT_WINDOW_YEARS = 1
# Shared regelingen: each shared regeling with m municipal members adds 1 / (m - 1) (a regeling of
# two adds 1, one of 35 adds 0.03: a small regeling says more about the pair than a province-wide
# one); the score is S / (S + REGELING_HALF), one half at S = REGELING_HALF.
REGELING_HALF = 0.5

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


def cached(features: Features, key, build):
    if key not in features._cache:
        features._cache[key] = build()
    return features._cache[key]


def degree(features: Features) -> np.ndarray:
    return cached(
        features,
        "degree",
        lambda: np.array(
            [len(a) + len(b) for a, b in zip(features.neighbours, features.point_contacts, strict=True)]
        ),
    )


def distance_score(road_km) -> np.ndarray:
    return 1.0 / (1.0 + (np.asarray(road_km, dtype=float) / DISTANCE_HALF_KM) ** 2)


def _positions(n: int, cols: np.ndarray) -> np.ndarray:
    pos = np.full(n, -1)
    pos[cols] = np.arange(len(cols))
    return pos


def border(features: Features, rows, cols):
    pos = _positions(features.n, cols)
    score = np.zeros((len(rows), len(cols)))
    for k, i in enumerate(rows):
        for j in features.point_contacts[i]:
            if pos[j] >= 0:
                score[k, pos[j]] = 0.5
        for j in features.neighbours[i]:
            if pos[j] >= 0:
                score[k, pos[j]] = 1.0
    d = degree(features)
    has = (d[rows] > 0)[:, None] & (d[cols] > 0)[None, :]
    return score, has


def distance(features: Features, rows, cols):
    km = haversine_km(
        features.lat[rows][:, None],
        features.lon[rows][:, None],
        features.lat[cols][None, :],
        features.lon[cols][None, :],
    )
    return distance_score(km * DETOUR_FACTOR), np.isfinite(km)


def regions(features: Features, rows, cols):
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


def size(features: Features, rows, cols):
    a, b = features.population[rows][:, None], features.population[cols][None, :]
    has = np.isfinite(a) & np.isfinite(b) & (a > 0) & (b > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.abs(np.log2(np.where(has, a, 1.0) / np.where(has, b, 1.0)))
    return np.clip(1.0 - ratio / SIZE_ZERO_LOG2, 0.0, 1.0), has


# --- the register -------------------------------------------------------------------------------


def regeling_weights(features: Features) -> np.ndarray:
    """1 / (m - 1) per regeling (m: its number of distinct members; 0 for fewer than two)."""

    def build():
        sizes = np.array([len(set(r.members)) for r in features.regelingen], dtype=float)
        return np.divide(1.0, sizes - 1, out=np.zeros_like(sizes), where=sizes > 1)

    return cached(features, "regeling_weights", build)


def incidence(features: Features) -> np.ndarray:
    """(n × regelingen) 0/1 membership matrix."""

    def build():
        matrix = np.zeros((features.n, max(len(features.regelingen), 1)), dtype=np.float32)
        for r, regeling in enumerate(features.regelingen):
            matrix[list(regeling.members), r] = 1.0
        return matrix

    return cached(features, "incidence", build)


def regelingen_of(features: Features) -> list[set[int]]:
    """Per municipality the indices of its regelingen."""

    def build():
        sets = [set() for _ in range(features.n)]
        for r, regeling in enumerate(features.regelingen):
            for m in regeling.members:
                sets[m].add(r)
        return sets

    return cached(features, "regelingen_of", build)


def regeling_strength(features: Features, rows, cols) -> np.ndarray:
    """Σ 1/(m-1) over the regelingen both share, (rows × cols)."""
    matrix = incidence(features)
    w = np.zeros(matrix.shape[1], dtype=np.float32)
    w[: len(features.regelingen)] = regeling_weights(features)
    if len(rows) == 1:  # one origin: a matrix-vector product over everyone, then the candidates
        return (matrix @ (matrix[rows[0]] * w))[cols][None, :]
    # Many rows (the cluster optimiser's pairwise fit): add each regeling to the block of its members,
    # far cheaper than a dense product for a few hundred small regelingen.
    pos_r, pos_c = _positions(features.n, rows), _positions(features.n, cols)
    out = np.zeros((len(rows), len(cols)))
    weights = regeling_weights(features)
    for regeling, weight in zip(features.regelingen, weights, strict=True):
        members = np.fromiter(set(regeling.members), dtype=np.int64)
        r, c = pos_r[members], pos_c[members]
        out[np.ix_(r[r >= 0], c[c >= 0])] += weight
    return out


def shared_regelingen(features: Features, rows, cols):
    strength = regeling_strength(features, rows, cols).astype(float)
    return strength / (strength + REGELING_HALF), np.ones(strength.shape, dtype=bool)


# --- councils -----------------------------------------------------------------------------------


def council_shares(features: Features) -> np.ndarray:
    """The seat shares with 0 for unknown councils (for the reasons)."""
    return cached(features, "council_shares", lambda: np.nan_to_num(features.council_shares))


def council_columns(features: Features) -> tuple[np.ndarray, np.ndarray]:
    """The seat shares reduced to the parties present in two or more councils (a party in one
    council only never adds to the overlap of a pair), and which councils are known."""

    def build():
        shares = features.council_shares
        known = np.isfinite(shares).all(axis=1) & (np.nan_to_num(shares).sum(axis=1) > 0)
        present = (np.nan_to_num(shares) > 0).sum(axis=0) >= 2
        reduced = np.where(known[:, None], np.nan_to_num(shares[:, present]), 0.0)
        return reduced, known, np.flatnonzero(present)

    reduced, known, _columns = cached(features, "council_columns", build)
    return reduced, known


def council(features: Features, rows, cols):
    shares, known = council_columns(features)
    score = np.zeros((len(rows), len(cols)))
    if len(rows) == 1:
        score[0] = np.minimum(shares[cols], shares[rows[0]]).sum(axis=1)
    else:  # per party, only the councils that have it: sparse, unlike councils × councils × parties
        pos_r, pos_c = _positions(features.n, rows), _positions(features.n, cols)
        for p in range(shares.shape[1]):
            members = np.flatnonzero(shares[:, p] > 0)
            r, c = pos_r[members], pos_c[members]
            in_r, in_c = r >= 0, c >= 0
            score[np.ix_(r[in_r], c[in_c])] += np.minimum.outer(
                shares[members[in_r], p], shares[members[in_c], p]
            )
    has = known[rows][:, None] & known[cols][None, :]
    return np.where(has, np.minimum(score, 1.0), 0.0), has


# --- the ICT profiles ---------------------------------------------------------------------------


def multi_hot(values: list) -> tuple[np.ndarray, np.ndarray]:
    """(n × vocabulary) 0/1 matrix of a list of sets (None = unknown) and a 'known' mask."""
    vocabulary = sorted({item for items in values if items for item in items}, key=str)
    column = {item: k for k, item in enumerate(vocabulary)}
    matrix = np.zeros((len(values), max(len(vocabulary), 1)), dtype=np.float32)
    for i, items in enumerate(values):
        for item in items or ():
            matrix[i, column[item]] = 1.0
    known = np.array([bool(items) for items in values])
    return matrix, known


def jaccard(features: Features, name: str, rows, cols):
    values = getattr(features, name)
    matrix, known = cached(features, ("multi_hot", name), lambda: multi_hot(values))
    inter = matrix[rows] @ matrix[cols].T
    sizes = matrix.sum(axis=1)
    union = sizes[rows][:, None] + sizes[cols][None, :] - inter
    has = known[rows][:, None] & known[cols][None, :]
    return np.divide(inter, union, out=np.zeros(inter.shape), where=has & (union > 0)), has


def item_counts(features: Features, name: str) -> dict:
    """How many municipalities have each item (rarer shared items are stronger evidence)."""

    def build():
        counts: dict = {}
        for items in getattr(features, name):
            for item in items or ():
                counts[item] = counts.get(item, 0) + 1
        return counts

    return cached(features, ("item_counts", name), build)


def contract_matrix(features: Features) -> tuple[np.ndarray, list[str], np.ndarray]:
    """(n × components) end years (nan: no visible contract for that component), the component
    names of the columns, and which municipalities have any."""

    def build():
        values = features.contract_ends
        components = sorted({c for ends in values if ends for c in ends})
        column = {c: k for k, c in enumerate(components)}
        years = np.full((len(values), max(len(components), 1)), np.nan)
        for i, ends in enumerate(values):
            for component, year in (ends or {}).items():
                years[i, column[component]] = year
        known = np.array([bool(ends) for ends in values])
        return years, components, known

    return cached(features, "contract_matrix", build)


def contracts(features: Features, rows, cols):
    """Share of the reference components with a contract on both sides whose contracts end within
    CONTRACT_WINDOW_YEARS of each other; 0 with data when they have no such component in common."""
    years, _components, known = contract_matrix(features)
    score = np.zeros((len(rows), len(cols)))
    for k, i in enumerate(rows):
        both = np.isfinite(years[cols]) & np.isfinite(years[i])
        with np.errstate(invalid="ignore"):
            close = both & (np.abs(years[cols] - years[i]) <= CONTRACT_WINDOW_YEARS)
        common = both.sum(axis=1)
        score[k] = np.divide(close.sum(axis=1), common, out=np.zeros(len(cols)), where=common > 0)
    has = known[rows][:, None] & known[cols][None, :]
    return np.where(has, score, 0.0), has


def ambitions(features: Features, rows, cols):
    a = features.ambitions
    diff = np.abs(a[rows][:, None, :] - a[cols][None, :, :])
    known = np.isfinite(diff)
    count = known.sum(axis=2)
    has = count > 0
    mean = np.divide(np.where(known, diff, 0.0).sum(axis=2), count, out=np.zeros(count.shape), where=has)
    return np.clip(1.0 - mean, 0.0, 1.0), has


# criterion key -> (function, the Features attribute that must be loaded, or None when always there)
FUNCTIONS = {
    "shared_border": (border, None),
    "distance": (distance, None),
    "shared_regions": (regions, "regions"),
    "size": (size, None),
    "shared_regelingen": (shared_regelingen, "regelingen"),
    "council": (council, "council_shares"),
    "landscape": (lambda f, r, c: jaccard(f, "landscape", r, c), "landscape"),
    "suppliers": (lambda f, r, c: jaccard(f, "suppliers", r, c), "suppliers"),
    "contract_window": (contracts, "contract_ends"),
    "ambitions": (ambitions, "ambitions"),
}


def available(features: Features, key: str) -> bool:
    """Whether the criterion has a data source in these features at all."""
    source = FUNCTIONS[key][1]
    if source is None:
        return True
    value = getattr(features, source)
    return bool(value) if isinstance(value, dict) else value is not None


def matrices(features: Features, rows, cols, keys=None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each criterion with a data source: (score, has_data), both (len(rows) × len(cols))."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    return {
        key: function(features, rows, cols)
        for key, (function, _source) in FUNCTIONS.items()
        if (keys is None or key in keys) and available(features, key)
    }
