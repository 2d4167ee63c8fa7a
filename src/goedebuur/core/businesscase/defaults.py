# SPDX-License-Identifier: EUPL-1.2
"""Default inputs of a business case, each with its source (no Django): the hidden-cost
checklist, the share of each ICT domain in the ICT cost, and the default saving ranges.

The hidden costs scale with the case's scope, as the savings do: a percentage applies to the yearly
ICT cost *of the chosen domains* (the scope), never to the partners' whole ICT cost, and the
per-partner and per-connection items scale with the number of partners. Every default says where
it comes from: a published figure with its source, or "aanname Goede Buur" with the reasoning
behind the number (`reason`), so that the user can judge it before confirming it. The user must
confirm or change every hidden cost before the case counts as complete."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goedebuur.core.businesscase.model import HiddenCost, Partner, Range, Saving

ASSUMPTION = "aanname Goede Buur (geen gepubliceerde bron; pas aan aan de eigen situatie)"
ASSUMPTION_LABEL = "Aanname Goede Buur"

# Share of the yearly ICT cost per ICT domain (slug of the managed list), in percent.
DOMAIN_SHARES: dict[str, tuple[float, str]] = {
    "applicaties": (34.0, "M&I/Partners, ICT-benchmark gemeenten (2021): software € 33 van € 96 per inwoner"),
    "infrastructuur-beheer": (25.0, ASSUMPTION),
    "werkplek": (15.0, ASSUMPTION),
    "hosting-datacenter": (8.0, ASSUMPTION),
    "bedrijfsvoering-breed": (5.0, ASSUMPTION),
    "informatiebeveiliging-privacy": (4.0, ASSUMPTION),
    "gegevensbeheer": (4.0, ASSUMPTION),
    "inkoop": (3.0, ASSUMPTION),
    "achtervang-uitwijk": (2.0, ASSUMPTION),
}
DEFAULT_DOMAIN_SHARE = (5.0, ASSUMPTION)
# Domains whose cooperation needs a physical connection between the sites (a shared network,
# workplaces or computer room); for applications in the cloud or joint purchasing it rarely does.
NETWORK_DOMAINS = frozenset({"infrastructuur-beheer", "werkplek", "hosting-datacenter", "achtervang-uitwijk"})
# From this share of the ICT cost in scope on, a cooperation is "broad" (like Regio Nijmegen's).
BROAD_SCOPE_PCT = 50.0

SAVING_RANGE = Range(0.0, 5.0, 15.0)
SAVING_SOURCE = (
    "COELO (Allers & De Greef, 2017): samenwerking verlaagde de uitgaven gemiddeld niet; alleen "
    "belastingheffing was ongeveer 15 % goedkoper. Daarom 0 % (laag), 5 % (waarschijnlijk), 15 % (hoog)."
)

PREPARATION_PER_PARTNER = Range(10_000, 21_000, 40_000)
PREPARATION_NARROW = Range(5_000, 10_500, 21_000)
PREPARATION_SOURCE = (
    "Regio Nijmegen: het businessplan voor negen gemeenten kostte € 190.000 (≈ € 21.000 per gemeente)"
)
LINK_COST = Range(10_000, 25_000, 75_000)
LINK_COST_UNNEEDED = Range(0, 0, 25_000)


@dataclass(frozen=True)
class DefaultCost:
    """One item of the checklist: `basis` says what `values` multiply ("scope": percent of the
    yearly ICT cost of the chosen domains; "partner": euros per partner; "link": euros per
    connection between two sites); `source` is a citation or ""; `reason` why the numbers."""

    key: str
    label: str
    kind: str
    year: int  # 0 = the last year of the horizon
    basis: str
    values: Range
    source: str
    reason: str


CHECKLIST: tuple[DefaultCost, ...] = (
    DefaultCost(
        "voorbereiding",
        "Voorbereiding en advies (businessplan, juridisch)",
        "eenmalig",
        1,
        "partner",
        PREPARATION_PER_PARTNER,
        PREPARATION_SOURCE,
        "per deelnemende gemeente; voor een samenwerking op minder dan de helft van de ICT de helft "
        "daarvan (aanname: een kleiner plan)",
    ),
    DefaultCost(
        "projectorganisatie",
        "Projectorganisatie",
        "eenmalig",
        1,
        "scope",
        Range(2, 5, 10),
        "",
        "een projectleider en inzet van de eigen mensen tijdens voorbereiding en overgang, ongeveer "
        "een twintigste van een jaar ICT-kosten van wat u samen gaat doen",
    ),
    DefaultCost(
        "migratie",
        "Migratie en dataconversie",
        "eenmalig",
        2,
        "scope",
        Range(3, 8, 15),
        "",
        "overzetten, converteren en testen van gegevens en koppelingen; hoog bij veel maatwerk, "
        "koppelingen of oude gegevens, laag als de partners al dezelfde software gebruiken",
    ),
    DefaultCost(
        "harmonisatie",
        "Harmonisatie van applicaties (overstap- en exitkosten bij leveranciers)",
        "eenmalig",
        2,
        "scope",
        Range(1, 5, 10),
        "",
        "eenmalige kosten van leveranciers voor overstap, inrichting en exit; dubbele contracten tot "
        "hun einddatum worden apart berekend uit het applicatielandschap",
    ),
    DefaultCost(
        "netwerk",
        "Netwerkverbindingen (bijv. glasvezel tussen de locaties)",
        "eenmalig",
        1,
        "link",
        LINK_COST,
        "",
        "per verbinding tussen twee locaties; alleen waarschijnlijk als infrastructuur, werkplek, "
        "hosting of uitwijk tot de samenwerking horen",
    ),
    DefaultCost(
        "personeel",
        "Personele frictiekosten (salarisharmonisatie, verhuizing, omscholing)",
        "eenmalig",
        2,
        "scope",
        Range(0, 2, 5),
        "",
        "personeel en software zijn samen ≈ 84 % van de ICT-kosten (M&I/Partners, 2019); laag "
        "(0 %) als niemand van werkgever of werkplek verandert, hoog bij een gezamenlijke afdeling",
    ),
    DefaultCost(
        "governance",
        "Extra sturing en coördinatie (governance) per jaar",
        "jaarlijks",
        1,
        "scope",
        Range(0.5, 1.5, 3),
        "",
        "overleg, regie, contractmanagement en verantwoording aan de gemeenten, elk jaar zolang de "
        "samenwerking loopt",
    ),
    DefaultCost(
        "exit",
        "Exitkosten als de samenwerking eindigt (reservering)",
        "eenmalig",
        0,
        "scope",
        Range(0, 1, 5),
        "",
        "een reservering voor ontvlechten als de samenwerking stopt; Servicepunt71 laat zien dat "
        "een samenwerking ook kan tegenvallen",
    ),
)
CHECKLIST_KEYS = tuple(item.key for item in CHECKLIST)


@dataclass(frozen=True)
class Scope:
    """What the hidden costs scale with: the chosen domains and the share of the ICT cost they take."""

    domains: tuple[str, ...]
    share_pct: float  # percent of the partners' yearly ICT cost in scope

    @property
    def whole(self) -> bool:
        return not self.domains


def scope_of(domains: Sequence[tuple[str, float]] | None) -> Scope:
    """The scope of (domain, share in percent) pairs; none chosen is the whole ICT cost."""
    chosen = tuple(domains or ())
    if not chosen:
        return Scope((), 100.0)
    return Scope(tuple(d for d, _share in chosen), min(sum(float(s) for _d, s in chosen), 100.0))


def _round_hundreds(value: float) -> int:
    return int(round(value / 100.0)) * 100


@dataclass(frozen=True)
class Calculation:
    """How a default hidden cost was computed, in values only (the app words it for the source):
    `values` are percent of `in_scope_eur` (basis "scope"), euros per partner ("partner") or euros
    per connection between two sites ("link")."""

    basis: str
    values: Range
    in_scope_eur: float  # the partners' yearly ICT cost in scope
    share_pct: float | None  # the scope's share of the whole ICT cost; None: the whole ICT
    partners: int
    links: int
    network_needed: bool


def checklist_with_calculations(
    partners: Sequence[Partner], horizon: int, domains: Sequence[tuple[str, float]] | None = None
) -> list[tuple[HiddenCost, Calculation]]:
    """The pre-filled, unconfirmed checklist of hidden costs for these partners and this scope
    (`domains`: (slug, share of the ICT cost in percent) of each chosen domain; None or empty:
    the whole ICT cost), each with how its amount was computed. Each item's source gives the
    citation or the assumption with its reasoning."""
    scope = scope_of(domains)
    baseline = sum(p.baseline_eur for p in partners)
    in_scope = baseline * scope.share_pct / 100.0
    count = len(partners)
    links = max(count - 1, 0)
    needs_network = scope.whole or bool(NETWORK_DOMAINS & set(scope.domains))
    broad = scope.share_pct >= BROAD_SCOPE_PCT
    items = []
    for item in CHECKLIST:
        values = item.values
        if item.basis == "scope":
            factor = in_scope / 100.0
        elif item.basis == "partner":
            values = values if broad else PREPARATION_NARROW
            factor = count
        else:
            values = values if needs_network else LINK_COST_UNNEEDED
            factor = links
        amount = Range(*(_round_hundreds(v * factor) for v in (values.low, values.likely, values.high)))
        origin = f"Bron: {item.source}. Toelichting" if item.source else ASSUMPTION_LABEL
        cost = HiddenCost(
            key=item.key,
            label=item.label,
            kind=item.kind,
            amount=amount,
            year=min(item.year, horizon),
            source=f"{origin}: {item.reason}.",
            confirmed=False,
        )
        calculation = Calculation(
            basis=item.basis,
            values=values,
            in_scope_eur=in_scope,
            share_pct=None if scope.whole else round(scope.share_pct, 1),
            partners=count,
            links=links,
            network_needed=needs_network,
        )
        items.append((cost, calculation))
    return items


def hidden_cost_checklist(
    partners: Sequence[Partner], horizon: int, domains: Sequence[tuple[str, float]] | None = None
) -> list[HiddenCost]:
    """The checklist of `checklist_with_calculations` without the calculations."""
    return [cost for cost, _calculation in checklist_with_calculations(partners, horizon, domains)]


def default_saving(domain: str, label: str, horizon: int) -> Saving:
    share, share_source = DOMAIN_SHARES.get(domain, DEFAULT_DOMAIN_SHARE)
    return Saving(
        domain=domain,
        label=label,
        domain_share_pct=share,
        percent=SAVING_RANGE,
        start_year=min(2, horizon),
        ramp_years=2,
        source=f"{SAVING_SOURCE} Aandeel van het domein: {share_source}.",
    )
