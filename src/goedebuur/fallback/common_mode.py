# SPDX-License-Identifier: EUPL-1.2
"""Common-mode risk of an achtervang pair (`goedebuur.core.fallback.common_mode`): the inputs read
from the agreement, the kernel's safety regions (CBS Gebiedsindelingen, veiligheidsregio 2025) and
the landscapes (`goedebuur.profiles.services`); the findings worded in `fallback.phrases`.

Two entry points:
- `agreement_common_mode(agreement)`: every finding of an agreement (sites, suppliers, distance,
  version drift of the services in scope, restore-test evidence), for the feasibility page, the API,
  the command line and the continuity plan. Whoever sees the agreement sees it (the landscapes are
  visible to every municipal user).
- `pair_warnings(pairs, user)`: the warnings of suggested pairs (`/achtervang-koppels`): the same
  safety region for everyone; products both run as SaaS only for users who may see landscapes
  (never anonymous visitors). Three queries for any number of pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from goedebuur.core.fallback import common_mode as cm
from goedebuur.municipalities.models import Municipality, Region
from goedebuur.profiles import services as profiles

from .agreements import distance_km
from .models import Agreement, TestKind, TestRecord
from .phrases import PhrasedFinding, phrase_finding
from .testplan import today

SAFETY_REGION = "veiligheidsregio"


def safety_regions(municipality_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """municipality id -> (code, name) of its safety region, in one query."""
    rows = Region.objects.filter(
        region_type__code=SAFETY_REGION, municipalities__in=list(municipality_ids)
    ).values_list("municipalities", "code", "name")
    return {mid: (code, name) for mid, code, name in rows}


def _app(application) -> cm.App:
    return cm.App(
        str(application.product_id),
        application.product.name,
        application.product.supplier.name,
        application.version,
        application.hosting,
        tuple(c.name for c in application.components.all()),
    )


def _apps(municipality) -> tuple[cm.App, ...]:
    return tuple(_app(a) for a in profiles.landscape(municipality))


def _party(agreement: Agreement, side: str, regions) -> cm.Party:
    municipality = getattr(agreement, f"party_{side}")
    code, name = regions.get(municipality.pk, (None, ""))
    site = cm.Site(
        getattr(agreement, f"site_{side}_name"),
        getattr(agreement, f"site_{side}_data_centre"),
        getattr(agreement, f"site_{side}_network_provider"),
        getattr(agreement, f"site_{side}_flood_area"),
        getattr(agreement, f"site_{side}_flood_source"),
    )
    return cm.Party(municipality.name, code, name, site, _apps(municipality))


def pair_input(agreement: Agreement, on=None) -> cm.PairInput:
    regions = safety_regions([agreement.party_a_id, agreement.party_b_id])
    scope = tuple(
        cm.ScopeService(
            0 if s.guest_id == agreement.party_a_id else 1,
            s.name,
            _app(s.application) if s.application_id else None,
        )
        for s in agreement.services.select_related("application__product__supplier").prefetch_related(
            "application__components"
        )
    )
    tests = tuple(
        cm.RestoreTest(r.date, r.grade or None)
        for r in TestRecord.objects.filter(agreement=agreement, kind=TestKind.RESTORE)
    )
    return cm.PairInput(
        _party(agreement, "a", regions),
        _party(agreement, "b", regions),
        distance_km=distance_km(agreement),
        scope=scope,
        restore_tests=tests,
        today=on or today(),
    )


class CommonModeReport:
    """The common-mode findings of an agreement, worded (active language) and as codes."""

    def __init__(self, agreement: Agreement, result: cm.CommonMode):
        self.agreement = agreement
        self.result = result

    @property
    def level(self) -> str:
        return self.result.level

    @property
    def findings(self) -> list[PhrasedFinding]:
        return [phrase_finding(f) for f in self.result.findings]


def agreement_common_mode(agreement: Agreement, on=None) -> CommonModeReport:
    return CommonModeReport(agreement, cm.assess(pair_input(agreement, on)))


def pair_warnings(
    pairs: Sequence[Sequence[str]], user, *, operator: bool = False
) -> dict[tuple[str, ...], list[PhrasedFinding]]:
    """For each suggested group (CBS codes; a triangle gives its three pairs), its common-mode warnings
    worded; groups without a warning are left out. Three queries in all. Shared SaaS products only when `user` may see
    landscapes or for the command line (`operator`)."""
    codes = {c for group in pairs for c in group}
    rows = list(Municipality.objects.filter(code__in=codes).values_list("code", "pk", "name"))
    ids = {code: pk for code, pk, _ in rows}
    names = {code: name for code, _, name in rows}
    regions = safety_regions(ids.values())
    apps: dict[str, list[cm.App]] = defaultdict(list)
    if operator or profiles.can_view_landscape(user):
        code_of = {pk: code for code, pk in ids.items()}
        for municipality_id, product_id, product, supplier in profiles.hosted_products(ids.values()):
            apps[code_of[municipality_id]].append(cm.App(str(product_id), product, supplier, hosting=cm.SAAS))

    def party(code):
        region_code, region_name = regions.get(ids.get(code), (None, ""))
        return cm.Party(names.get(code, code), region_code, region_name, apps=tuple(apps.get(code, ())))

    warnings = {}
    for group in pairs:
        group = tuple(group)
        links = (
            [(group[i], group[(i + 1) % len(group)]) for i in range(len(group))]
            if len(group) > 2
            else [group]
        )
        found = []
        for a, b in links:
            found.extend(cm.suggestion_warnings(party(a), party(b)))
        if found:
            warnings[group] = [phrase_finding(f) for f in found]
    return warnings
