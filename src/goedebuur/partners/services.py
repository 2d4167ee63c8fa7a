# SPDX-License-Identifier: EUPL-1.2
"""Public API of the partners app: the partner finder on the database, per viewer.

`load_features()` turns the public data into `goedebuur.core.partners.features.Features`: the
reference data, the register's current cooperations (shared regelingen) and the councils. It is
cached per process; the cache key is the data version of the tables it reads, so a reference-data
load or a register edit rebuilds it. `features_for(user)` adds what that viewer may see, read
through the profiles app's services (which hold the visibility rules): the application landscapes,
suppliers and ambitions for logged-in municipal users and administrators, and the end dates of only
those contracts the viewer may see. For anyone else those criteria are `hidden`: never loaded, so
no score or reason can be computed from them.

`rank_for` ranks for a `params.FinderQuery` and refuses with a `ValidationError` (Dutch, per
field) when there is nothing to rank. A ranking's reasons and notes are codes with values
(`core.partners.evidence.Reason`); `partners.reasons.phrase` turns them into sentences."""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter, OrderedDict
from threading import Lock

import numpy as np
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from goedebuur.common import cached, number, version
from goedebuur.cooperations import services as cooperations
from goedebuur.core.partners import scoring
from goedebuur.core.partners.councils import normalise_party, share_matrix
from goedebuur.core.partners.features import Features, Regeling
from goedebuur.municipalities import services as municipalities
from goedebuur.municipalities.models import Municipality, Region
from goedebuur.profiles import services as profiles

from .params import (  # noqa: F401 - re-exported: the finder's query parameters for the API and the CLI
    FILTER_PARAMS,
    PARAM_CRITERIA,
    REGION_CHOICES,
    SIZE_BANDS,
    WEIGHT_MAX,
    WEIGHT_PARAMS,
    FinderQuery,
    default_weight,
    weights_from_percentages,
)
from .reasons import criterion_label, criterion_list

_lock = Lock()
_cached: dict[bool, tuple[tuple, Features]] = {}
_viewer_cache: OrderedDict = OrderedDict()
_VIEWER_CACHE_SIZE = 32


def _cache_key(include_register: bool) -> tuple:
    """The data version of the Features (goedebuur.common.cache): the municipalities' tables
    (reference data, regions, neighbours, councils) and, with the register, the cooperations'."""
    if include_register:
        return version(*cooperations.REGISTER_DOMAINS)
    return version("municipalities")


def load_features(include_register: bool = True) -> Features:
    """All municipalities as Features from public data only: centroids, population, regions (every
    region division in the database), neighbours, point contacts, the councils and (unless
    `include_register` is False) the current cooperations of the register."""
    key = _cache_key(include_register)
    current = _cached.get(include_register)
    if current is not None and current[0] == key:
        return current[1]
    with _lock:
        features = _build(include_register)
        _cached[include_register] = (key, features)
        return features


def features_version(include_register: bool = True) -> tuple:
    """The data version of `load_features(include_register)`: changes with every change of what
    the Features are built from (for the shared cache of results computed from them)."""
    return _cache_key(include_register)


def clear_cache() -> None:
    _cached.clear()
    _viewer_cache.clear()


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

    codes = [row[1] for row in rows]
    shares, parties = _councils(codes)
    return Features(
        codes=codes,
        names=[row[2] for row in rows],
        lat=np.array([row[3] for row in rows], dtype=float),
        lon=np.array([row[4] for row in rows], dtype=float),
        population=np.array([np.nan if row[5] is None else row[5] for row in rows], dtype=float),
        regions=regions,
        region_names=region_names,
        neighbours=pairs(Municipality.neighbours),
        point_contacts=pairs(Municipality.point_contacts),
        regelingen=regelingen(codes) if include_register else None,
        council_shares=shares,
        parties=parties,
    )


def regelingen(codes: list[str], leave_out: frozenset[str] = frozenset()) -> list[Regeling]:
    """The register's current cooperations as `Regeling`s over `codes` (the Features' order), without
    the slugs in `leave_out` (the validation leaves the evaluated cooperation out)."""
    index = {code: i for i, code in enumerate(codes)}
    result = []
    for entry in cooperations.current_cooperation_members():
        if entry.slug in leave_out:
            continue
        members = [(index[code], year) for code, year in entry.members if code in index]
        if not members:
            continue
        result.append(
            Regeling(
                name=entry.name,
                members=tuple(m for m, _y in members),
                since=entry.start_year,
                domains=entry.domain_names,
                ict_domains=frozenset(entry.ict_domains),
                joined=tuple(y for _m, y in members),
                key=entry.slug,
            )
        )
    return result


def _councils(codes: list[str]):
    compositions = municipalities.council_compositions()
    if not compositions:
        return None, []
    shares, keys = share_matrix([compositions.get(code) for code in codes])
    spellings: dict[str, Counter] = {}
    for seats in compositions.values():
        for party in seats:
            spellings.setdefault(normalise_party(party), Counter())[party] += 1
    # The spelling most councils use, ties by name.
    names = [sorted(spellings[k].items(), key=lambda t: (-t[1], t[0]))[0][0] for k in keys]
    return shares, names


# --- per viewer ------------------------------------------------------------------------------


def features_for(user, include_register: bool = True) -> Features:
    """The public Features plus what `user` may see: the landscapes, suppliers and ambitions (logged-in
    municipal users and administrators) and the contracts they may see. Cached per kind of viewer."""
    base = load_features(include_register)
    landscape_visible = profiles.can_view_landscape(user)
    contract_key = profiles.contract_visibility_key(user) if landscape_visible else False
    if not landscape_visible:
        key = (id(base), "public")
    else:
        key = (id(base), profiles.signals_version(), contract_key, getattr(user, "municipality_id", None))
    with _lock:
        found = _viewer_cache.get(key)
        if found is not None and found[0] is base:
            _viewer_cache.move_to_end(key)
            return found[1]
    features = _viewer_features(base, user, landscape_visible)
    with _lock:
        _viewer_cache[key] = (base, features)
        while len(_viewer_cache) > _VIEWER_CACHE_SIZE:
            _viewer_cache.popitem(last=False)
    return features


def _viewer_features(base: Features, user, landscape_visible: bool) -> Features:
    if not landscape_visible:
        return base.replace(hidden=frozenset(scoring.PROFILE_CRITERIA))
    signals = profiles.landscape_signals(user)
    contracts = profiles.contract_signals(user)
    codes = base.codes
    ambitions = np.full((base.n, 4), np.nan)
    for i, code in enumerate(codes):
        for k, value in enumerate(signals.ambitions.get(code, ())):
            if value is not None:
                ambitions[i, k] = value / profiles.AMBITION_MAX
    hidden = frozenset() if contracts is not None else frozenset({"contract_window"})
    return base.replace(
        landscape=[signals.landscape.get(code) for code in codes],
        suppliers=[signals.suppliers.get(code) for code in codes],
        ambitions=ambitions,
        contract_ends=None if contracts is None else [contracts.ends.get(code) for code in codes],
        contract_access=None if contracts is None else [contracts.access.get(code) for code in codes],
        hidden=hidden,
    )


# --- rankings -----------------------------------------------------------------------------------


def find_partners(
    code: str,
    weights: dict[str, float] | None = None,
    *,
    user=None,
    top: int | None = 10,
    filters: scoring.Filters | None = None,
    domain: str | None = None,
    include_register: bool = True,
) -> scoring.Ranking:
    """The ranking for one municipality as `user` may see it (None: anonymous); KeyError when the
    code is unknown. A ranking without candidates says why in `unranked`."""
    features = features_for(user, include_register=include_register)
    return scoring.rank(features, code, weights, top=top, filters=filters, domain=domain)


def rank_for(user, code: str, query: FinderQuery, *, top: int | None = 10, include_register: bool = True):
    """The ranking for a `params.FinderQuery` as `user` may see it. KeyError for an unknown code;
    ValidationError when there is nothing to rank: every weight 0 or on criteria without data
    (field `weights`), or filters that leave no candidate (field `filters`).

    From the shared cache (goedebuur.common.cache) per code, query, `top` and what the viewer may see
    (`_viewer_scope`), at the data version of everything read: the Features and, for a viewer who
    sees landscapes, the profiles. A refusal is not stored."""
    landscape_visible = profiles.can_view_landscape(user)
    scope = _viewer_scope(user, landscape_visible)
    query_key = tuple(
        (f.name, tuple(sorted(value.items())) if isinstance(value, dict) else value)
        for f in dataclasses.fields(query)
        for value in [getattr(query, f.name)]
    )
    key = ("ranking", code, query_key, top, include_register, scope)

    def data_version():
        found = features_version(include_register)
        return (*found, *profiles.signals_version()) if landscape_visible else found

    return cached(key, data_version, lambda: _rank(user, code, query, top, include_register))


def _viewer_scope(user, landscape_visible: bool) -> tuple:
    """What decides what `user` sees of the profiles: nothing, or the landscapes, the own municipality
    and the contracts of these municipalities (None: all)."""
    if not landscape_visible:
        return ("public",)
    contracts = profiles.contract_visibility_key(user)
    own = getattr(user, "municipality_id", None)  # its contracts are "own", the others' "shared"
    return ("landscapes", own, contracts if contracts in (None, False) else tuple(sorted(contracts)))


def _rank(user, code: str, query: FinderQuery, top, include_register: bool):
    features = features_for(user, include_register=include_register)
    origin = features.index_of(code)
    population = features.population[origin]
    filters = query.filters(None if np.isnan(population) else float(population))
    ranking = scoring.rank(
        features, origin, query.weights, top=top, filters=filters, domain=query.domain or None
    )
    if ranking.unranked is not None:
        raise _refusal(ranking)
    return ranking


def _refusal(ranking: scoring.Ranking) -> ValidationError:
    why = ranking.unranked
    if why.code == "no_candidates":
        return ValidationError(
            {
                "filters": ValidationError(
                    _("Geen enkele gemeente voldoet aan de filters. Ruim de filters wat op."),
                    code="no_candidates",
                )
            }
        )
    if why.code == "no_weight":
        return ValidationError(
            {
                "weights": ValidationError(
                    _("Alle gewichten staan op 0: geef minstens één criterium een gewicht."), code="no_weight"
                )
            }
        )
    keys = why.values["criteria"]
    hidden = [k for k in keys if k in ranking.hidden]
    message = _(
        "Er is geen rangorde te maken: al het gewicht ligt op criteria zonder gegevens voor %(name)s "
        "(%(criteria)s). Geef ook afstand, regio's of gedeelde regelingen gewicht."
    ) % {"name": ranking.name, "criteria": criterion_list(keys)}
    if hidden:
        message += " " + _("%(criteria)s is alleen zichtbaar voor ingelogde medewerkers van gemeenten.") % {
            "criteria": criterion_list(hidden).capitalize()
        }
    # `params` names the criteria for the API's invalidParams (the message has no placeholders left).
    return ValidationError({"weights": ValidationError(message, code="no_data", params={"criteria": keys})})


def pair(user, code_a: str, code_b: str, weights: dict[str, float] | None = None, domain: str | None = None):
    """(b's entry in a's ranking with all criteria and reasons, the ranking) as `user` may see it;
    (None, ranking) when a == b or there is nothing to rank."""
    features = features_for(user)
    a, b = features.index_of(code_a), features.index_of(code_b)
    ranking = scoring.rank(features, a, weights, filters=None, domain=domain)
    if a == b:
        return None, ranking
    return next((c for c in ranking.candidates if c.index == b), None), ranking


def score_map(ranking: scoring.Ranking):
    """The national map coloured by the ranking's scores; the origin highlighted. From the shared cache
    per scores (a digest of them) and data version."""
    digest = hashlib.sha256(
        np.ascontiguousarray(ranking.scores).tobytes() + repr(ranking.codes).encode()
    ).hexdigest()
    key = ("score-map", ranking.code, ranking.name, digest)
    return cached(key, features_version, lambda: _score_map(ranking))


def _score_map(ranking: scoring.Ranking):
    from goedebuur.maps import services as maps

    features = load_features()
    scores = ranking.score_by_code()
    titles = {
        code: f"{features.names[features.index_of(code)]}: score {number(score, 2)}"
        for code, score in scores.items()
    }
    titles[ranking.code] = _("%(name)s (gekozen gemeente)") % {"name": ranking.name}
    label = _("Kaart: hoe goed elke gemeente als ICT-partner bij %(name)s past (score 0 tot 1)") % {
        "name": ranking.name
    }
    return maps.score_map(scores, origin=ranking.code, label=label, titles=titles)


def own_municipality(user) -> str | None:
    """The CBS code of the user's own municipality (preselected in the finder), or None."""
    if user is None or not user.is_authenticated or not getattr(user, "municipality_id", None):
        return None
    return user.municipality.code


def label(key: str) -> str:
    """A criterion's name in the active language."""
    return criterion_label(key)


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
