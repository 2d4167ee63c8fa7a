# SPDX-License-Identifier: EUPL-1.2
"""Why a criterion scored as it did for one pair, as a code and the values its sentence needs
(`Reason`): the evidence itself (which regelingen, which packages, which contracts), never a
sentence. The partners app phrases every code with gettext (`goedebuur.partners.reasons`).

Built only for the candidates that are shown."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from goedebuur.core.partners import criteria
from goedebuur.core.partners.features import AMBITIONS, REGION_TYPES, Features

EXAMPLES = 3  # evidence items named per reason
HIGH_AMBITION = 0.8  # 4 or 5 on the 0-5 scale


@dataclass(frozen=True)
class Reason:
    """Why a criterion scored as it did (or a note about the ranking), as a code and the values its
    sentence needs; the partners app phrases it in the active language."""

    code: str
    values: dict = field(default_factory=dict)


def no_source(features: Features, key: str) -> Reason:
    """No data for this criterion at all: `hidden` when the viewer may not see it."""
    if key in features.hidden:
        return Reason("hidden", {"criterion": key})
    return Reason("no_source", {"criterion": key})


def origin_notes(features: Features, origin: int, weights: dict[str, float]) -> list[Reason]:
    """Notes about the municipality itself: missing data that changes what the ranking can say."""
    notes = []
    name = features.names[origin]
    if criteria.degree(features)[origin] == 0:
        notes.append(Reason("origin_island", {"name": name}))
    if not math.isfinite(features.population[origin]):
        notes.append(Reason("origin_population_unknown", {"name": name}))
    for key in ("council", "landscape", "suppliers", "contract_window", "ambitions"):
        if (
            weights.get(key, 0) > 0
            and criteria.available(features, key)
            and not _origin_has(features, key, origin)
        ):
            notes.append(Reason("origin_no_data", {"name": name, "criterion": key}))
    return notes


def _origin_has(features: Features, key: str, i: int) -> bool:
    if key == "council":
        return bool(criteria.council_columns(features)[1][i])
    if key == "ambitions":
        return bool(np.isfinite(features.ambitions[i]).any())
    if key == "contract_window":
        return bool(features.contract_ends[i])
    return bool(getattr(features, key)[i])


def _unknown(pairs) -> list[str]:
    """Names of the (name, known) pairs that are not known."""
    return [name for name, known in pairs if not known]


def _rarest(items, counts: dict, limit: int = EXAMPLES) -> list:
    """The rarest items first (a choice few others made is stronger evidence), then by name."""
    return sorted(items, key=lambda item: (counts.get(item, 0), str(item)))[:limit]


def reason(features: Features, key: str, i: int, j: int, score: float, has: bool, km: float) -> Reason:
    """The reason for criterion `key` of the pair (i: the origin, j: the candidate)."""
    return _BUILDERS[key](features, i, j, score, has, km)


def _border(features, i, j, score, has, km):
    a, b = features.names[i], features.names[j]
    if not has:
        return Reason("border_island", {"island": a if criteria.degree(features)[i] == 0 else b})
    if j in features.neighbours[i]:
        return Reason("border_shared", {"a": a, "b": b})
    if j in features.point_contacts[i]:
        return Reason("border_point", {"a": a, "b": b})
    return Reason("border_none", {"a": a, "b": b})


def _distance(features, i, j, score, has, km):
    return Reason(
        "distance", {"km": km, "road_km": km * criteria.DETOUR_FACTOR, "factor": criteria.DETOUR_FACTOR}
    )


def _regions(features, i, j, score, has, km):
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


def _size(features, i, j, score, has, km):
    a, b = features.names[i], features.names[j]
    pa, pb = features.population[i], features.population[j]
    if not has:
        known = [(n, math.isfinite(p) and p > 0) for n, p in ((a, pa), (b, pb))]
        return Reason("size_unknown", {"names": _unknown(known)})
    ratio = max(pa, pb) / min(pa, pb)
    if ratio < 1.1:
        return Reason("size_similar", {"a": float(pa), "b": float(pb)})
    bigger = b if pb >= pa else a
    return Reason("size_ratio", {"a": float(pa), "b": float(pb), "bigger": bigger, "ratio": float(ratio)})


def _regelingen(features, i, j, score, has, km):
    of = criteria.regelingen_of(features)
    shared = sorted(of[i] & of[j])
    if not shared:
        return Reason("regelingen_none")
    weights = criteria.regeling_weights(features)
    since = {}
    for r in shared:  # the year both took part: the later of the two joins
        regeling = features.regelingen[r]
        years = (regeling.joined_year(i), regeling.joined_year(j))
        since[r] = None if None in years else max(years)

    # The smallest regelingen first (they weigh most), then the oldest, then by name.
    ordered = sorted(shared, key=lambda r: (-weights[r], since[r] or 9999, features.regelingen[r].name))
    domains = Counter(d for r in shared for d in features.regelingen[r].domains)
    years = [y for y in since.values() if y is not None]
    return Reason(
        "regelingen_shared",
        {
            "count": len(shared),
            "examples": [(features.regelingen[r].name, since[r]) for r in ordered[:2]],
            "domains": [d for d, _n in sorted(domains.items(), key=lambda t: (-t[1], t[0]))[:EXAMPLES]],
            "since": min(years) if years else None,
        },
    )


def _council(features, i, j, score, has, km):
    if not has:
        known = criteria.council_columns(features)[1]
        names = _unknown(((features.names[i], known[i]), (features.names[j], known[j])))
        return Reason("council_unknown", {"names": names})
    shares = criteria.council_shares(features)
    common = np.minimum(shares[i], shares[j])
    top = [int(p) for p in np.argsort(-common, kind="stable")[:EXAMPLES] if common[p] > 0]
    return Reason(
        "council_similar",
        {"percent": score * 100, "parties": [features.parties[p] for p in top] if features.parties else []},
    )


def _overlap(name):
    def build(features, i, j, score, has, km):
        values = getattr(features, name)
        a, b = features.names[i], features.names[j]
        if not has:
            return Reason(f"{name}_unknown", {"names": _unknown(((a, values[i]), (b, values[j])))})
        shared = values[i] & values[j]
        return Reason(
            f"{name}_overlap",
            {
                "common": len(shared),
                "percent": score * 100,
                "examples": _rarest(shared, criteria.item_counts(features, name)),
            },
        )

    return build


def _landscape(features, i, j, score, has, km):
    found = _overlap("landscape")(features, i, j, score, has, km)
    if found.code != "landscape_overlap":
        return found
    # Group the shared (component, product) pairs by product: "the same ZaakStroom (Zaakregistratiecomponent, …)".
    shared = features.landscape[i] & features.landscape[j]
    counts = criteria.item_counts(features, "landscape")
    products: dict = {}
    for item in shared:
        component, product = item if isinstance(item, tuple) and len(item) == 2 else (None, item)
        entry = products.setdefault(product, [0, []])
        entry[0] = max(entry[0], counts.get(item, 0))
        if component is not None:
            entry[1].append(component)
    ordered = sorted(products.items(), key=lambda t: (-len(t[1][1]), t[1][0], str(t[0])))
    examples = [
        (str(product), sorted(map(str, components))) for product, (_c, components) in ordered[:EXAMPLES]
    ]
    return Reason(
        "landscape_overlap",
        {"common": len(shared), "products": len(products), "percent": score * 100, "examples": examples},
    )


def _contracts(features, i, j, score, has, km):
    values = features.contract_ends
    a, b = features.names[i], features.names[j]
    if not has:
        return Reason("contracts_unknown", {"names": _unknown(((a, values[i]), (b, values[j])))})
    ends_a, ends_b = values[i], values[j]
    common = sorted(set(ends_a) & set(ends_b))
    aligned = [
        (component, ends_a[component], ends_b[component])
        for component in common
        if abs(ends_a[component] - ends_b[component]) <= criteria.CONTRACT_WINDOW_YEARS
    ]
    aligned.sort(key=lambda t: (min(t[1], t[2]), t[0]))
    access = features.contract_access[j] if features.contract_access else None
    return Reason(
        "contracts_window",
        {
            "aligned": len(aligned),
            "common": len(common),
            "percent": score * 100,
            "years": criteria.CONTRACT_WINDOW_YEARS,
            "examples": aligned[:2],
            "access": access,
        },
    )


def _ambitions(features, i, j, score, has, km):
    if not has:
        return Reason("ambitions_unknown")
    a, b = features.ambitions[i], features.ambitions[j]
    compared = [k for k in range(len(AMBITIONS)) if np.isfinite(a[k]) and np.isfinite(b[k])]
    high = [AMBITIONS[k] for k in compared if a[k] >= HIGH_AMBITION and b[k] >= HIGH_AMBITION]
    return Reason("ambitions_similar", {"percent": score * 100, "compared": len(compared), "both_high": high})


_BUILDERS = {
    "shared_border": _border,
    "distance": _distance,
    "shared_regions": _regions,
    "size": _size,
    "shared_regelingen": _regelingen,
    "council": _council,
    "landscape": _landscape,
    "suppliers": _overlap("suppliers"),
    "contract_window": _contracts,
    "ambitions": _ambitions,
}
