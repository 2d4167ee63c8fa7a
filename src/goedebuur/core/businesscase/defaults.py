# SPDX-License-Identifier: EUPL-1.2
"""Default inputs of a business case, each with its source (no Django): the hidden-cost
checklist, the share of each ICT domain in the ICT cost, and the default saving ranges.

Where no published figure exists the source says so ("aanname Goede Buur"): the user must
confirm or change every hidden cost before the case counts as complete."""

from __future__ import annotations

from collections.abc import Sequence

from goedebuur.core.businesscase.model import HiddenCost, Partner, Range, Saving

ASSUMPTION = "aanname Goede Buur (geen gepubliceerde bron; pas aan aan de eigen situatie)"

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

SAVING_RANGE = Range(0.0, 5.0, 15.0)
SAVING_SOURCE = (
    "COELO (Allers & De Greef, 2017): samenwerking verlaagde de uitgaven gemiddeld niet; alleen "
    "belastingheffing was ongeveer 15 % goedkoper. Daarom 0 % (laag), 5 % (waarschijnlijk), 15 % (hoog)."
)

PREPARATION_PER_PARTNER = Range(10_000, 21_000, 40_000)
PREPARATION_SOURCE = (
    "Regio Nijmegen: het businessplan voor negen gemeenten kostte € 190.000 (≈ € 21.000 per gemeente)"
)
LINK_COST = Range(10_000, 25_000, 75_000)

# key, label, kind, year (0 = last year of the horizon), basis, range, source.
# basis "baseline": percent of the partners' combined yearly ICT cost; "partner": euros per
# partner; "link": euros per connection between sites (partners - 1).
CHECKLIST: tuple[tuple[str, str, str, int, str, Range, str], ...] = (
    (
        "voorbereiding",
        "Voorbereiding en advies (businessplan, juridisch)",
        "eenmalig",
        1,
        "partner",
        PREPARATION_PER_PARTNER,
        PREPARATION_SOURCE,
    ),
    ("projectorganisatie", "Projectorganisatie", "eenmalig", 1, "baseline", Range(2, 3, 5), ASSUMPTION),
    ("migratie", "Migratie en dataconversie", "eenmalig", 2, "baseline", Range(3, 5, 10), ASSUMPTION),
    (
        "harmonisatie",
        "Harmonisatie van applicaties (overstap- en exitkosten bij leveranciers)",
        "eenmalig",
        2,
        "baseline",
        Range(2, 4, 8),
        ASSUMPTION
        + "; dubbele contracten tot hun einddatum worden apart berekend uit het applicatielandschap",
    ),
    (
        "netwerk",
        "Netwerkverbindingen (bijv. glasvezel tussen de locaties)",
        "eenmalig",
        1,
        "link",
        LINK_COST,
        ASSUMPTION + "; per verbinding tussen twee locaties",
    ),
    (
        "personeel",
        "Personele frictiekosten (salarisharmonisatie, verhuizing, omscholing)",
        "eenmalig",
        2,
        "baseline",
        Range(1, 2, 4),
        ASSUMPTION + "; personeel en software zijn samen ≈ 84 % van de ICT-kosten (M&I/Partners, 2019)",
    ),
    (
        "governance",
        "Extra sturing en coördinatie (governance) per jaar",
        "jaarlijks",
        1,
        "baseline",
        Range(1, 1.5, 3),
        ASSUMPTION,
    ),
    (
        "exit",
        "Exitkosten als de samenwerking eindigt (reservering)",
        "eenmalig",
        0,
        "baseline",
        Range(0, 1, 5),
        ASSUMPTION + "; Servicepunt71 laat zien dat een samenwerking ook kan tegenvallen",
    ),
)
CHECKLIST_KEYS = tuple(item[0] for item in CHECKLIST)


def _round_hundreds(value: float) -> int:
    return int(round(value / 100.0)) * 100


def hidden_cost_checklist(partners: Sequence[Partner], horizon: int) -> list[HiddenCost]:
    """The pre-filled, unconfirmed checklist of hidden costs for these partners."""
    baseline = sum(p.baseline_eur for p in partners)
    count = len(partners)
    items = []
    for key, label, kind, year, basis, values, source in CHECKLIST:
        if basis == "baseline":
            factor = baseline / 100.0
            how = f"{values.low:g}-{values.high:g} % van de gezamenlijke ICT-kosten"
        elif basis == "partner":
            factor = count
            how = f"{count} gemeenten"
        else:
            factor = max(count - 1, 0)
            how = f"{max(count - 1, 0)} verbinding(en)"
        amount = Range(*(_round_hundreds(v * factor) for v in (values.low, values.likely, values.high)))
        items.append(
            HiddenCost(
                key=key,
                label=label,
                kind=kind,
                amount=amount,
                year=min(year, horizon),
                source=f"{source} ({how})",
                confirmed=False,
            )
        )
    return items


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
