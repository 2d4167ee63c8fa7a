# SPDX-License-Identifier: EUPL-1.2
"""What the partner finder may read from the ICT profiles, for one viewer, as plain values.

The visibility rules are those of `permissions.py`: the landscape (which packages, which suppliers)
and the ambitions go to every logged-in municipal user and administrators, never to anonymous
visitors; a contract's end date only to those who may see that municipality's contracts (the owner,
members of a cooperation it shares them with, administrators). What a viewer may not see is never
read, so nothing computed from it can reach them."""

from __future__ import annotations

from dataclasses import dataclass

from goedebuur.common import version
from goedebuur.municipalities.models import Municipality

from .models import Application, Contract, Profile
from .permissions import can_view_landscape, contract_visible_municipality_ids

AMBITION_FIELDS = ("ambition_kwaliteit", "ambition_kosten", "ambition_kwetsbaarheid", "ambition_personeel")
AMBITION_MAX = 5


@dataclass(frozen=True)
class LandscapeSignals:
    """By CBS code: (reference component, product) pairs, supplier names and the four K's (0..5,
    None when not filled in); municipalities without applications or ambitions are left out."""

    landscape: dict[str, frozenset[tuple[str, str]]]
    suppliers: dict[str, frozenset[str]]
    ambitions: dict[str, tuple[int | None, ...]]


@dataclass(frozen=True)
class ContractSignals:
    """By CBS code: reference component -> the year its contract ends (the earliest when several
    applications serve it), and why the viewer may see them: "own", "shared" or "all"."""

    ends: dict[str, dict[str, int]]
    access: dict[str, str]


def data_version() -> tuple:
    """Changes whenever a profile, an application or a contract changes (for caches)."""
    return version("profiles")


def landscape_signals(user) -> LandscapeSignals | None:
    """Every visible landscape and the ambitions; None when `user` may not see landscapes."""
    if not can_view_landscape(user):
        return None
    product_names: dict[int, tuple[str, str]] = {}
    rows = Application.objects.values_list(
        "municipality__code", "product_id", "product__name", "product__supplier__name", "components__name"
    )
    landscape: dict[str, set] = {}
    suppliers: dict[str, set] = {}
    seen_names: dict[str, set[str]] = {}
    for code, product_id, product, supplier, component in rows:
        product_names[product_id] = (product, supplier)
        seen_names.setdefault(product, set()).add(supplier)
        suppliers.setdefault(code, set()).add(supplier)
        if component:
            landscape.setdefault(code, set()).add((component, product_id))

    def label(product_id):  # the product's name, with its supplier when another supplier uses the name
        product, supplier = product_names[product_id]
        return f"{product} ({supplier})" if len(seen_names[product]) > 1 else product

    ambitions = {}
    for code, *values in Profile.objects.values_list("municipality__code", *AMBITION_FIELDS):
        if any(v is not None for v in values):
            ambitions[code] = tuple(values)
    return LandscapeSignals(
        landscape={code: frozenset((c, label(p)) for c, p in pairs) for code, pairs in landscape.items()},
        suppliers={code: frozenset(names) for code, names in suppliers.items()},
        ambitions=ambitions,
    )


def contract_visibility_key(user) -> frozenset[int] | None | bool:
    """What decides which contracts `user` sees: False (none), None (all) or the municipality ids."""
    ids = contract_visible_municipality_ids(user)
    if ids is not None and not ids:
        return False
    return None if ids is None else frozenset(ids)


def contract_signals(user) -> ContractSignals | None:
    """The end years of the contracts `user` may see; None when they may see none."""
    ids = contract_visible_municipality_ids(user)
    if ids is not None and not ids:
        return None
    contracts = Contract.objects.filter(end_date__isnull=False)
    if ids is not None:
        contracts = contracts.filter(application__municipality_id__in=ids)
    ends: dict[str, dict[str, int]] = {}
    for code, component, end in contracts.values_list(
        "application__municipality__code", "application__components__name", "end_date"
    ):
        if component:
            per = ends.setdefault(code, {})
            per[component] = min(per.get(component, end.year), end.year)
    own = user.municipality.code if getattr(user, "municipality_id", None) else None
    if ids is None:
        access = dict.fromkeys(ends, "all")
    else:
        codes = dict(Municipality.objects.filter(pk__in=ids).values_list("code", "pk"))
        access = {code: "own" if code == own else "shared" for code in codes}
    if own in access:
        access[own] = "own"
    return ContractSignals(ends=ends, access=access)
