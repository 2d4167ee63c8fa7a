# SPDX-License-Identifier: EUPL-1.2
"""Public API of the partners app: the partner finder on the database.

`load_features()` turns the reference data and the register into `goedebuur.core.partners.features.Features`
(cached per process; the cache key is a handful of counts and the latest register change, so a
reference-data load or a register edit rebuilds it). `find_partners` calls `goedebuur.core.partners.scoring.rank`.
A ranking's reasons and notes are codes with values (`scoring.Reason`); `partners.reasons.phrase`
(the `|phrase` template filter) turns them into sentences in the active language."""

from __future__ import annotations

from threading import Lock

import numpy as np
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _

from goedebuur.common import number
from goedebuur.cooperations.models import Cooperation, Membership
from goedebuur.core.partners import scoring
from goedebuur.core.partners.features import Features
from goedebuur.municipalities.models import Municipality, Region

from .params import (  # noqa: F401 - re-exported: the finder's query parameters for the API and the CLI
    REGION_CHOICES,
    SIZE_BANDS,
    WEIGHT_MAX,
    WEIGHT_PARAMS,
    FinderQuery,
    default_weight,
    weights_from_percentages,
)

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


# --- for the page, the API and the CLI -----------------------------------------------------


def rank_query(code: str, query, *, top: int | None = 10, include_register: bool = True) -> scoring.Ranking:
    """The ranking for a `params.FinderQuery` (KeyError for an unknown code, ValueError for a bad
    weight or region division)."""
    features = load_features(include_register=include_register)
    origin = features.index_of(code)
    population = features.population[origin]
    filters = query.filters(None if np.isnan(population) else float(population))
    return scoring.rank(
        features, origin, query.weights, top=top, filters=filters, domain=query.domain or None
    )


def pair(code_a: str, code_b: str, weights: dict[str, float] | None = None, domain: str | None = None):
    """(b's entry in a's ranking with all criteria and reasons, the ranking); (None, None) when a == b."""
    features = load_features()
    a, b = features.index_of(code_a), features.index_of(code_b)
    if a == b:
        return None, None
    ranking = scoring.rank(features, a, weights, filters=None, domain=domain)
    return next(c for c in ranking.candidates if c.index == b), ranking


def score_map(ranking: scoring.Ranking):
    """The national map coloured by the ranking's scores; the origin highlighted."""
    from goedebuur.maps import services as maps

    features = load_features()
    scores = {features.codes[i]: float(s) for i, s in enumerate(ranking.scores) if not np.isnan(s)}
    titles = {
        code: f"{features.names[features.index_of(code)]}: score {number(score, 2)}"
        for code, score in scores.items()
    }
    titles[ranking.code] = _("%(name)s (gekozen gemeente)") % {"name": ranking.name}
    label = _("Kaart: hoe goed elke gemeente als ICT-partner bij %(name)s past (score 0 tot 1)") % {
        "name": ranking.name
    }
    return maps.score_map(scores, origin=ranking.code, label=label, titles=titles)


# --- shortlists ----------------------------------------------------------------------------


def shortlists_of(user):
    from .models import Shortlist

    return Shortlist.objects.filter(owner=user).select_related("origin").prefetch_related("members")


def save_shortlist(user, name: str, origin_code: str, member_codes: list[str], query: str = ""):
    from .models import Shortlist

    origin = Municipality.objects.get(code=origin_code.upper())
    shortlist = Shortlist.objects.create(owner=user, name=name.strip(), origin=origin, query=query)
    shortlist.members.set(Municipality.objects.filter(code__in=[c.upper() for c in member_codes]))
    return shortlist


def delete_shortlist(user, pk: int) -> bool:
    """Delete one of the user's own shortlists; False when it is not theirs or does not exist."""
    deleted, _detail = shortlists_of(user).filter(pk=pk).delete()
    return deleted > 0
