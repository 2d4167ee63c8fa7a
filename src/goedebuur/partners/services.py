# SPDX-License-Identifier: EUPL-1.2
"""Public API of the partners app: the partner finder on the database.

`load_features()` turns the reference data and the register into `goedebuur.core.features.Features`
(cached per process; the cache key is a handful of counts and the latest register change, so a
reference-data load or a register edit rebuilds it). `find_partners` calls `goedebuur.core.scoring.rank`."""

from __future__ import annotations

from threading import Lock

import numpy as np
from django.db.models import Count, Max, Q

from goedebuur.cooperations.models import Cooperation, Membership
from goedebuur.core import scoring
from goedebuur.core.features import Features
from goedebuur.municipalities.models import Municipality, Region

_lock = Lock()
_cached: tuple[tuple, Features] | None = None


def _cache_key(include_register: bool) -> tuple:
    municipalities = Municipality.objects.aggregate(n=Count("id"), last=Max("id"))
    regions = Region.objects.aggregate(n=Count("id"), m=Count("municipalities"))
    key = (tuple(municipalities.values()), tuple(regions.values()), include_register)
    if include_register:
        register = Cooperation.objects.aggregate(
            n=Count("id"), live=Count("id", filter=Q(deleted_at__isnull=True)), last=Max("updated_at")
        )
        members = Membership.objects.aggregate(
            n=Count("id"), left=Count("id", filter=Q(left_on__isnull=False))
        )
        key += (tuple(register.values()), tuple(members.values()))
    return key


def load_features(include_register: bool = True) -> Features:
    """All municipalities as Features: centroids, population, regions (every region division in the
    database), neighbours, point contacts, and (unless `include_register` is False) the current
    cooperations of the register with their ICT domains. Profiles do not exist yet: None."""
    global _cached
    key = _cache_key(include_register)
    current = _cached
    if current is not None and current[0] == key:
        return current[1]
    with _lock:
        features = _build(include_register)
        _cached = (key, features)
        return features


def clear_cache() -> None:
    global _cached
    _cached = None


def _build(include_register: bool) -> Features:
    rows = list(
        Municipality.objects.order_by("code").values_list(
            "id", "code", "name", "centroid_lat", "centroid_lon", "population", "province_id"
        )
    )
    position = {pk: k for k, (pk, *_rest) in enumerate(rows)}
    n = len(rows)
    regions: dict[str, np.ndarray] = {}
    region_names: dict[str, dict[int, str]] = {}
    through = Municipality.regions.through.objects.values_list(
        "municipality_id", "region_id", "region__region_type__code", "region__name"
    )
    for municipality_id, region_id, type_code, region_name in through:
        labels = regions.setdefault(type_code, np.full(n, -1, dtype=np.int64))
        labels[position[municipality_id]] = region_id
        region_names.setdefault(type_code, {})[region_id] = region_name
    if "provincie" not in regions:  # the province is a foreign key as well; use it when not in the M2M
        regions["provincie"] = np.array([row[6] for row in rows], dtype=np.int64)
        region_names["provincie"] = dict(
            Region.objects.filter(region_type__code="provincie").values_list("id", "name")
        )

    def pairs(relation):
        sets = [set() for _ in range(n)]
        for a, b in relation.through.objects.values_list("from_municipality_id", "to_municipality_id"):
            if a in position and b in position:
                sets[position[a]].add(position[b])
                sets[position[b]].add(position[a])
        return [frozenset(s) for s in sets]

    cooperating = domains = None
    if include_register:
        cooperating, domains = _register(position, n)
    return Features(
        codes=[row[1] for row in rows],
        names=[row[2] for row in rows],
        lat=np.array([row[3] for row in rows], dtype=float),
        lon=np.array([row[4] for row in rows], dtype=float),
        population=np.array([np.nan if row[5] is None else row[5] for row in rows], dtype=float),
        regions=regions,
        region_names=region_names,
        neighbours=pairs(Municipality.neighbours),
        point_contacts=pairs(Municipality.point_contacts),
        cooperating=cooperating,
        cooperation_domains=domains,
    )


def _register(position: dict[int, int], n: int):
    """Current memberships of live cooperations -> partner sets and domains per pair."""
    members: dict[int, list[int]] = {}
    for cooperation_id, municipality_id in Membership.objects.filter(
        left_on__isnull=True, cooperation__deleted_at__isnull=True
    ).values_list("cooperation_id", "municipality_id"):
        if municipality_id in position:
            members.setdefault(cooperation_id, []).append(position[municipality_id])
    slugs: dict[int, set[str]] = {}
    for cooperation_id, slug in Cooperation.domains.through.objects.filter(
        cooperation_id__in=list(members)
    ).values_list("cooperation_id", "ictdomain__slug"):
        slugs.setdefault(cooperation_id, set()).add(slug)
    sets = [set() for _ in range(n)]
    domains: dict[tuple[int, int], set[str]] = {}
    for cooperation_id, group in members.items():
        for a in group:
            for b in group:
                if a < b:
                    sets[a].add(b)
                    sets[b].add(a)
                    domains.setdefault((a, b), set()).update(slugs.get(cooperation_id, ()))
    return [frozenset(s) for s in sets], {k: frozenset(v) for k, v in domains.items()}


def find_partners(
    code: str,
    weights: dict[str, float] | None = None,
    *,
    top: int | None = 10,
    filters: scoring.Filters | None = None,
    domain: str | None = None,
    include_register: bool = True,
) -> scoring.Ranking:
    """The ranking for one municipality (KeyError when the code is unknown)."""
    features = load_features(include_register=include_register)
    return scoring.rank(features, code, weights, top=top, filters=filters, domain=domain)
