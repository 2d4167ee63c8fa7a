# SPDX-License-Identifier: EUPL-1.2
"""Common-mode risk of an achtervang pair: can both municipalities fail together? Mutual fallback is
worth little when both depend on the same supplier-hosted platform, sit in the same data centre, on
the same network provider, in the same flood-risk area or the same safety region, lie too close for a
regional disaster, or have drifted apart so far that one cannot run the other's services; and a
restore test only proves something when it really restored something, recently.

Inputs are plain values; every finding is a topic, a subject, a level (the traffic lights of
`feasibility`), a reason code and the numbers behind it. The fallback app words them
(`goedebuur.fallback.phrases`) and says what would fix each one.

Rules (each with its level)
1. Safety region (veiligheidsregio): the same region is amber. One regional crisis (flood, large
   fire, power outage) puts both crisis organisations under the same regional command at once,
   and the region's crisis plan asks both for the same people and resources. Unknown: amber.
2. Flood-risk area: the same area (recorded per site with its source, e.g. a dike-ring area from
   LIWO / the Atlas Leefomgeving) is red: one breach floods both sites. Unknown: amber.
3. Data centre: the same data centre is red (a fire, power or cooling failure, or ransomware in
   the hosting platform takes out both copies). Network provider: the same provider is amber (a
   provider outage cuts both sites, but the data survives). Unknown: amber.
4. Supplier-hosted products: the same product (supplier and product) run as SaaS by both
   municipalities. Red when one of them is a service in scope of the agreement (the partner
   cannot take over what the supplier no longer delivers to either), amber when they share such
   products only outside the scope (one supplier incident hits both at once), green when none.
   Unknown (a landscape is empty): amber.
5. Distance for regional disasters: below `regional_km` (default 20 km, a platform default, no
   norm) amber; the local minimum (`feasibility`, 5 km) is checked there.
6. Version drift per service in scope (with an application from the guest's landscape): the host
   has an application for one of the same GEMMA reference components, but another product: red
   (the host's staff, licences and interfaces are for another product); the same product with
   another major version (the first number of the version): amber. Otherwise green.
7. Test evidence: restore tests are graded `paper` (a walkthrough on paper), `partial` (a partial
   restore) or `full` (a full restore at the partner's site with users) and count for
   `EVIDENCE_MONTHS` (12) months. The strongest current restore test decides: full green, partial
   amber, paper (or ungraded) red, none current red."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .feasibility import AMBER, GREEN, RED, worst

REGIONAL_KM = 20.0
EVIDENCE_MONTHS = 12

PAPER, PARTIAL, FULL = "papier", "gedeeltelijk", "volledig"
GRADES = (PAPER, PARTIAL, FULL)  # weakest first
GRADE_RANK = {None: 0, PAPER: 1, PARTIAL: 2, FULL: 3}
SAAS = "saas"

_MAJOR = re.compile(r"(\d+)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class App:
    """An application from a landscape."""

    product_key: str  # identifies supplier + product (e.g. the product's id)
    product: str
    supplier: str
    version: str = ""
    hosting: str = ""
    components: tuple[str, ...] = ()  # GEMMA reference component names


@dataclass(frozen=True)
class Site:
    name: str = ""
    data_centre: str = ""
    network_provider: str = ""
    flood_area: str = ""
    flood_source: str = ""


@dataclass(frozen=True)
class Party:
    name: str
    safety_region: str | None = None  # code (e.g. VR07)
    safety_region_name: str = ""
    site: Site = field(default_factory=Site)
    apps: tuple[App, ...] = ()


@dataclass(frozen=True)
class ScopeService:
    guest: int  # 0 = party a, 1 = party b
    name: str
    app: App | None = None


@dataclass(frozen=True)
class RestoreTest:
    date: dt.date
    grade: str | None  # PAPER, PARTIAL, FULL or None (not graded)


@dataclass(frozen=True)
class PairInput:
    a: Party
    b: Party
    distance_km: float | None = None
    scope: tuple[ScopeService, ...] = ()
    restore_tests: tuple[RestoreTest, ...] = ()
    today: dt.date | None = None
    regional_km: float = REGIONAL_KM
    check_sites: bool = True  # False for a suggested pair (no agreement, so no sites yet)
    check_tests: bool = True


@dataclass(frozen=True)
class Finding:
    topic: (
        str  # veiligheidsregio, overstroming, datacenter, netwerk, leverancier, afstand, versies, testbewijs
    )
    subject: str  # pair, or a service's name (about_service)
    level: str
    reason: str
    values: dict = field(default_factory=dict, compare=False)
    about_service: bool = False


@dataclass
class CommonMode:
    findings: list[Finding] = field(default_factory=list)

    @property
    def level(self) -> str:
        return worst(f.level for f in self.findings)

    def by_topic(self, topic: str) -> list[Finding]:
        return [f for f in self.findings if f.topic == topic]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level != GREEN]


def normalize(text: str | None) -> str:
    """Names compared without case and extra spaces ('Equinix  AM3' = 'equinix am3')."""
    return _SPACES.sub(" ", (text or "").strip()).casefold()


def major_version(version: str | None) -> int | None:
    """The first number of a version ('2024.3' -> 2024, 'v5.2' -> 5), None without a number."""
    match = _MAJOR.search(version or "")
    return int(match.group(1)) if match else None


def expires_on(day: dt.date) -> dt.date:
    """The day a test stops counting: `EVIDENCE_MONTHS` months later (28 February for 29 February)."""
    months = day.month - 1 + EVIDENCE_MONTHS
    year, month = day.year + months // 12, months % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 always exists


def _safety_region(p: PairInput) -> Finding:
    a, b = p.a, p.b
    values = {"region_a": a.safety_region_name, "region_b": b.safety_region_name, "a": a.name, "b": b.name}
    if not a.safety_region or not b.safety_region:
        return Finding("veiligheidsregio", "pair", AMBER, "safety_region_unknown", values)
    if a.safety_region == b.safety_region:
        return Finding("veiligheidsregio", "pair", AMBER, "safety_region_same", values)
    return Finding("veiligheidsregio", "pair", GREEN, "safety_region_different", values)


def _flood(p: PairInput) -> Finding:
    sa, sb = p.a.site, p.b.site
    values = {
        "area_a": sa.flood_area,
        "area_b": sb.flood_area,
        "source_a": sa.flood_source,
        "source_b": sb.flood_source,
        "site_a": sa.name,
        "site_b": sb.name,
    }
    if not normalize(sa.flood_area) or not normalize(sb.flood_area):
        return Finding("overstroming", "sites", AMBER, "flood_unknown", values)
    if normalize(sa.flood_area) == normalize(sb.flood_area):
        return Finding("overstroming", "sites", RED, "flood_same", values)
    return Finding("overstroming", "sites", GREEN, "flood_different", values)


def _shared_place(p: PairInput, attribute: str, topic: str, same_level: str) -> Finding:
    a, b = getattr(p.a.site, attribute), getattr(p.b.site, attribute)
    values = {"a": a, "b": b, "site_a": p.a.site.name, "site_b": p.b.site.name}
    prefix = "datacentre" if topic == "datacenter" else "network"
    if not normalize(a) or not normalize(b):
        return Finding(topic, "sites", AMBER, f"{prefix}_unknown", values)
    if normalize(a) == normalize(b):
        return Finding(topic, "sites", same_level, f"{prefix}_same", values)
    return Finding(topic, "sites", GREEN, f"{prefix}_different", values)


def shared_hosted(apps_a: Iterable[App], apps_b: Iterable[App]) -> list[tuple[App, App]]:
    """The products both run as SaaS with the same supplier, by product name."""
    hosted_b = {x.product_key: x for x in apps_b if x.hosting == SAAS}
    pairs = [(x, hosted_b[x.product_key]) for x in apps_a if x.hosting == SAAS and x.product_key in hosted_b]
    return sorted(pairs, key=lambda pair: normalize(pair[0].product))


def _suppliers(p: PairInput) -> Finding:
    values = {"a": p.a.name, "b": p.b.name}
    if not p.a.apps or not p.b.apps:
        values["missing"] = [x.name for x in (p.a, p.b) if not x.apps]
        return Finding("leverancier", "pair", AMBER, "suppliers_unknown", values)
    shared = shared_hosted(p.a.apps, p.b.apps)
    in_scope_keys = {s.app.product_key for s in p.scope if s.app is not None}
    in_scope = [x for x, _ in shared if x.product_key in in_scope_keys]
    values.update(
        {
            "count": len(shared),
            "products": [f"{x.product} ({x.supplier})" for x, _ in shared],
            "in_scope": [f"{x.product} ({x.supplier})" for x in in_scope],
            "in_scope_count": len(in_scope),
        }
    )
    if in_scope:
        return Finding("leverancier", "pair", RED, "suppliers_shared_in_scope", values)
    if shared:
        return Finding("leverancier", "pair", AMBER, "suppliers_shared", values)
    return Finding("leverancier", "pair", GREEN, "suppliers_separate", values)


def _regional_distance(p: PairInput) -> Finding | None:
    if p.distance_km is None:
        return None
    values = {"km": p.distance_km, "min": p.regional_km}
    if p.distance_km < p.regional_km:
        return Finding("afstand", "sites", AMBER, "regional_too_close", values)
    return Finding("afstand", "sites", GREEN, "regional_fits", values)


def _versions(p: PairInput) -> list[Finding]:
    parties = (p.a, p.b)
    findings = []
    for service in p.scope:
        if service.app is None or not service.app.components:
            continue
        guest, host = parties[service.guest], parties[1 - service.guest]
        wanted = set(service.app.components)
        same_component = [x for x in host.apps if wanted & set(x.components)]
        values = {
            "guest": guest.name,
            "host": host.name,
            "product": service.app.product,
            "version": service.app.version,
            "components": sorted(wanted),
        }
        if not same_component:
            findings.append(Finding("versies", service.name, GREEN, "versions_host_none", values, True))
            continue
        same_product = [x for x in same_component if x.product_key == service.app.product_key]
        if not same_product:
            values["host_products"] = sorted({x.product for x in same_component})
            values["shared_components"] = sorted(wanted & {c for x in same_component for c in x.components})
            findings.append(Finding("versies", service.name, RED, "versions_other_product", values, True))
            continue
        host_app = same_product[0]
        values["host_version"] = host_app.version
        mine, theirs = major_version(service.app.version), major_version(host_app.version)
        if mine is None or theirs is None:
            findings.append(Finding("versies", service.name, AMBER, "versions_unknown", values, True))
        elif mine != theirs:
            values.update({"major": mine, "host_major": theirs, "apart": abs(mine - theirs)})
            findings.append(Finding("versies", service.name, AMBER, "versions_major_drift", values, True))
        else:
            findings.append(Finding("versies", service.name, GREEN, "versions_match", values, True))
    return findings


def strongest_test(tests: Sequence[RestoreTest], today: dt.date) -> RestoreTest | None:
    """The current restore test (not expired, not in the future) with the strongest grade, the most
    recent among equals."""
    current = [t for t in tests if t.date <= today < expires_on(t.date)]
    return max(current, key=lambda t: (GRADE_RANK.get(t.grade, 0), t.date), default=None)


def _evidence(p: PairInput) -> Finding:
    today = p.today or dt.date.today()
    best = strongest_test(p.restore_tests, today)
    latest = max((t.date for t in p.restore_tests if t.date <= today), default=None)
    values = {"months": EVIDENCE_MONTHS, "latest": latest, "expired": expires_on(latest) if latest else None}
    if best is None:
        return Finding("testbewijs", "pair", RED, "evidence_none", values)
    values.update({"date": best.date, "grade": best.grade, "expires": expires_on(best.date)})
    level, reason = {
        FULL: (GREEN, "evidence_full"),
        PARTIAL: (AMBER, "evidence_partial"),
        PAPER: (RED, "evidence_paper"),
    }.get(best.grade, (RED, "evidence_ungraded"))
    return Finding("testbewijs", "pair", level, reason, values)


def assess(p: PairInput) -> CommonMode:
    """Every common-mode finding of a pair (an agreement, or a suggestion with `check_sites` and
    `check_tests` off)."""
    result = CommonMode()
    result.findings.append(_safety_region(p))
    if p.check_sites:
        result.findings.append(_flood(p))
        result.findings.append(_shared_place(p, "data_centre", "datacenter", RED))
        result.findings.append(_shared_place(p, "network_provider", "netwerk", AMBER))
    result.findings.append(_suppliers(p))
    distance = _regional_distance(p)
    if distance is not None:
        result.findings.append(distance)
    result.findings.extend(_versions(p))
    if p.check_tests:
        result.findings.append(_evidence(p))
    return result


def suggestion_warnings(a: Party, b: Party) -> list[Finding]:
    """The warnings for a suggested pair, from what is known without an agreement: the same safety
    region (amber) and products both run as SaaS with the same supplier (amber, with the count and
    names). An unknown region or an empty landscape warns nothing here: a suggestion has no sites,
    scope or tests yet."""
    p = PairInput(a, b, check_sites=False, check_tests=False)
    findings = [_safety_region(p)] if a.safety_region and b.safety_region else []
    if a.apps and b.apps:
        findings.append(_suppliers(p))
    return [f for f in findings if f.level != GREEN]
