# SPDX-License-Identifier: EUPL-1.2
"""Demo ICT profiles and application landscapes for six municipalities in and around the Food
Valley (Rhenen, Veenendaal, Renswoude, Ede, Wageningen, Utrechtse Heuvelrug).

Everything here is fictional and labelled as demo (`is_demo`): the suppliers and products are
invented names, the figures are plausible orders of magnitude, not the municipalities' own. The
landscapes overlap on purpose (Rhenen and Veenendaal run largely the same packages, as in their
real ICT cooperation) and many contracts end in 2027-2028, so that comparisons and
joint-purchasing windows show up. Loading is idempotent and never touches a municipality whose
profile was entered for real."""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.municipalities.models import Municipality

from .landscape import upsert_application
from .models import Application, Profile
from .profile import save_profile

NOTE = "demogegevens"
SEED_COOPERATION = "ICT-samenwerking Rhenen-Veenendaal"

# key: (supplier, product, GEMMA reference components, version) — fictional names.
PRODUCTS = {
    "zaak": (
        "Polderdata B.V.",
        "ZaakStroom",
        ["Zaakregistratiecomponent", "Generiek zaakafhandelcomponent", "Zaaktypecataloguscomponent"],
        "4.2",
    ),
    "zaak2": (
        "Lindeboom ICT",
        "Dossierwijs",
        ["Zaakregistratiecomponent", "Generiek zaakafhandelcomponent"],
        "11",
    ),
    "doc": (
        "Dijkstra Gemeentesoftware",
        "DocuDijk",
        ["Documentregistratiecomponent", "Documentbeheercomponent"],
        "8.1",
    ),
    "doc2": (
        "Vallei Informatica",
        "Archiefkluis",
        ["Documentregistratiecomponent", "Archiefbeheercomponent"],
        "3",
    ),
    "burger": (
        "Beemster Digitaal",
        "Burgerbalie",
        ["Burgerzakencomponent", "GBA-administratiecomponent"],
        "2026.1",
    ),
    "burger2": (
        "Polderdata B.V.",
        "PersoonsPlein",
        ["Burgerzakencomponent", "GBA-administratiecomponent"],
        "7",
    ),
    "belasting": (
        "Grift Solutions",
        "Heffingsmeester",
        ["Belastingencomponent", "WOZ-beheercomponent", "WOZ-taxatiecomponent"],
        "5",
    ),
    "financieel": ("Dijkstra Gemeentesoftware", "Kasboek Overheid", ["Financieel component"], "2025"),
    "financieel2": (
        "Lindeboom ICT",
        "Begrotingsbaas",
        ["Financieel component", "Planning en control component"],
        "6",
    ),
    "salaris": (
        "Noordkaap Cloud",
        "Loonlijn",
        ["Salarisadministratie en -verwerkingcomponent", "Personeelsinformatiecomponent"],
        "",
    ),
    "sociaal": ("Heuvelrug Systems", "Sociaal Domein Suite", ["Wmo-component", "Jeugdzorgcomponent"], "9.3"),
    "sociaal2": ("Polderdata B.V.", "Zorgloket", ["Wmo-component", "Jeugdzorgcomponent"], "2"),
    "inkomen": (
        "Heuvelrug Systems",
        "Inkomenswijzer",
        ["Inkomenscomponent", "Reïntegratie- en werkzoekendencomponent"],
        "9.3",
    ),
    "vth": (
        "Grift Solutions",
        "VTH-Vizier",
        ["Vergunning- Toezicht- en Handhavingcomponent fysieke leefomgeving"],
        "3",
    ),
    "web": ("Noordkaap Cloud", "Gemeentesite CMS", ["Webcontentpublicatie- en beheercomponent"], ""),
    "formulier": (
        "Beemster Digitaal",
        "Formulierfabriek",
        ["E-formulieren publicatie-en-beheercomponent"],
        "4",
    ),
    "crm": ("Lindeboom ICT", "KlantKompas", ["Relatiebeheercomponent (CRM)", "Klantgeleidingcomponent"], "2"),
    "kantoor": ("Noordkaap Cloud", "Werkplek Online", ["Kantoorautomatiseringcomponent"], ""),
    "geo": ("Vallei Informatica", "GeoGrond", ["BAG-beheercomponent", "BGT-beheercomponent"], "12"),
    "raad": ("Beemster Digitaal", "Raadsplein", ["Bestuur- en Raadsinformatiecomponent"], ""),
    "backup": ("Heuvelrug Systems", "Kluisback-up", ["Data-back-up-en-herstel-component"], "5"),
    "mor": ("Grift Solutions", "MeldPunt Buiten", ["Meldingen openbare ruimtecomponent"], "2"),
    "dwh": ("Polderdata B.V.", "Datadijk", ["Gegevensmagazijncomponent", "BI-component"], "1.8"),
}

D = dt.date
# Per municipality: (product key, hosting, start, end, notice months, yearly cost in euro).
# Rhenen and Veenendaal buy together through their cooperation: same products, same end dates.
LANDSCAPES = {
    "GM0345": [  # Veenendaal
        ("zaak", "gedeeld-datacenter", D(2021, 7, 1), D(2027, 6, 30), 6, 96_000),
        ("doc", "gedeeld-datacenter", D(2020, 1, 1), D(2027, 12, 31), 6, 41_000),
        ("burger", "saas", D(2022, 1, 1), D(2027, 12, 31), 3, 38_000),
        ("belasting", "gedeeld-datacenter", D(2019, 1, 1), D(2028, 3, 31), 6, 52_000),
        ("financieel", "gedeeld-datacenter", D(2018, 1, 1), D(2027, 9, 30), 12, 61_000),
        ("salaris", "saas", D(2023, 1, 1), D(2029, 12, 31), 3, 29_000),
        ("sociaal", "saas", D(2021, 1, 1), D(2027, 12, 31), 6, 74_000),
        ("inkomen", "saas", D(2021, 1, 1), D(2027, 12, 31), 6, 33_000),
        ("vth", "saas", D(2024, 1, 1), D(2030, 12, 31), 6, 45_000),
        ("web", "saas", D(2022, 5, 1), D(2028, 4, 30), 3, 18_000),
        ("formulier", "saas", D(2022, 5, 1), D(2028, 4, 30), 3, 12_000),
        ("crm", "saas", D(2020, 9, 1), D(2027, 8, 31), 3, 22_000),
        ("kantoor", "saas", D(2023, 1, 1), D(2028, 12, 31), 1, 210_000),
        ("geo", "gedeeld-datacenter", D(2019, 6, 1), D(2028, 5, 31), 6, 27_000),
        ("raad", "saas", D(2021, 3, 1), D(2027, 2, 28), 3, 9_000),
        ("backup", "gedeeld-datacenter", D(2022, 1, 1), D(2027, 12, 31), 3, 31_000),
    ],
    "GM0340": [  # Rhenen
        ("zaak", "gedeeld-datacenter", D(2021, 7, 1), D(2027, 6, 30), 6, 31_000),
        ("doc", "gedeeld-datacenter", D(2020, 1, 1), D(2027, 12, 31), 6, 14_000),
        ("burger", "saas", D(2022, 1, 1), D(2027, 12, 31), 3, 13_000),
        ("belasting", "gedeeld-datacenter", D(2019, 1, 1), D(2028, 3, 31), 6, 17_000),
        ("financieel", "gedeeld-datacenter", D(2018, 1, 1), D(2027, 9, 30), 12, 21_000),
        ("salaris", "saas", D(2023, 1, 1), D(2029, 12, 31), 3, 9_500),
        ("sociaal2", "saas", D(2022, 1, 1), D(2028, 6, 30), 6, 26_000),
        ("inkomen", "saas", D(2021, 1, 1), D(2027, 12, 31), 6, 11_000),
        ("vth", "saas", D(2024, 1, 1), D(2030, 12, 31), 6, 15_000),
        ("web", "saas", D(2022, 5, 1), D(2028, 4, 30), 3, 8_000),
        ("formulier", "saas", D(2022, 5, 1), D(2028, 4, 30), 3, 5_000),
        ("kantoor", "saas", D(2023, 1, 1), D(2028, 12, 31), 1, 64_000),
        ("geo", "gedeeld-datacenter", D(2019, 6, 1), D(2028, 5, 31), 6, 9_000),
        ("backup", "gedeeld-datacenter", D(2022, 1, 1), D(2027, 12, 31), 3, 11_000),
    ],
    "GM0339": [  # Renswoude
        ("zaak2", "saas", D(2022, 1, 1), D(2027, 12, 31), 3, 9_000),
        ("doc2", "saas", D(2021, 1, 1), D(2027, 10, 31), 3, 5_500),
        ("burger2", "saas", D(2020, 1, 1), D(2027, 12, 31), 3, 6_000),
        ("belasting", "saas", D(2021, 1, 1), D(2028, 6, 30), 6, 6_500),
        ("financieel2", "saas", D(2022, 1, 1), D(2028, 12, 31), 6, 8_000),
        ("salaris", "saas", D(2023, 1, 1), D(2028, 12, 31), 3, 3_500),
        ("sociaal", "saas", D(2021, 1, 1), D(2027, 9, 30), 6, 12_000),
        ("web", "saas", D(2023, 1, 1), D(2027, 12, 31), 3, 4_000),
        ("formulier", "saas", D(2023, 1, 1), D(2027, 12, 31), 3, 2_500),
        ("kantoor", "saas", D(2024, 1, 1), D(2029, 12, 31), 1, 19_000),
        ("geo", "saas", D(2020, 1, 1), D(2028, 2, 29), 3, 3_000),
        ("raad", "saas", D(2021, 1, 1), D(2027, 6, 30), 3, 2_000),
    ],
    "GM0228": [  # Ede
        ("zaak", "on-premises", D(2020, 1, 1), D(2027, 12, 31), 6, 160_000),
        ("doc2", "on-premises", D(2019, 1, 1), D(2028, 6, 30), 6, 70_000),
        ("burger", "saas", D(2022, 7, 1), D(2028, 6, 30), 3, 66_000),
        ("belasting", "on-premises", D(2020, 1, 1), D(2027, 12, 31), 6, 88_000),
        ("financieel2", "on-premises", D(2021, 1, 1), D(2028, 9, 30), 12, 102_000),
        ("salaris", "saas", D(2023, 1, 1), D(2028, 12, 31), 3, 49_000),
        ("sociaal", "saas", D(2021, 1, 1), D(2028, 1, 31), 6, 135_000),
        ("inkomen", "saas", D(2021, 1, 1), D(2028, 1, 31), 6, 58_000),
        ("vth", "on-premises", D(2020, 1, 1), D(2027, 12, 31), 6, 77_000),
        ("web", "saas", D(2021, 1, 1), D(2027, 6, 30), 3, 30_000),
        ("formulier", "saas", D(2021, 1, 1), D(2027, 6, 30), 3, 19_000),
        ("crm", "saas", D(2020, 1, 1), D(2027, 12, 31), 3, 41_000),
        ("kantoor", "saas", D(2023, 1, 1), D(2028, 12, 31), 1, 380_000),
        ("geo", "on-premises", D(2018, 1, 1), D(2027, 12, 31), 6, 44_000),
        ("raad", "saas", D(2022, 1, 1), D(2028, 12, 31), 3, 15_000),
        ("mor", "saas", D(2022, 1, 1), D(2028, 3, 31), 3, 21_000),
        ("dwh", "on-premises", D(2023, 1, 1), D(2029, 12, 31), 6, 56_000),
        ("backup", "on-premises", D(2022, 1, 1), D(2028, 6, 30), 3, 47_000),
    ],
    "GM0289": [  # Wageningen
        ("zaak", "saas", D(2022, 1, 1), D(2028, 3, 31), 6, 58_000),
        ("doc", "saas", D(2021, 1, 1), D(2027, 12, 31), 6, 24_000),
        ("burger2", "saas", D(2021, 1, 1), D(2027, 10, 31), 3, 22_000),
        ("belasting", "saas", D(2020, 1, 1), D(2028, 6, 30), 6, 31_000),
        ("financieel", "saas", D(2019, 1, 1), D(2027, 12, 31), 12, 37_000),
        ("salaris", "saas", D(2023, 1, 1), D(2029, 6, 30), 3, 17_000),
        ("sociaal2", "saas", D(2022, 1, 1), D(2028, 6, 30), 6, 49_000),
        ("vth", "saas", D(2022, 1, 1), D(2028, 3, 31), 6, 28_000),
        ("web", "saas", D(2022, 1, 1), D(2027, 12, 31), 3, 12_000),
        ("crm", "saas", D(2021, 1, 1), D(2027, 12, 31), 3, 15_000),
        ("kantoor", "saas", D(2023, 1, 1), D(2028, 12, 31), 1, 125_000),
        ("geo", "saas", D(2020, 1, 1), D(2028, 5, 31), 6, 16_000),
        ("raad", "saas", D(2021, 1, 1), D(2027, 6, 30), 3, 6_000),
    ],
    "GM1581": [  # Utrechtse Heuvelrug
        ("zaak2", "saas", D(2021, 1, 1), D(2027, 12, 31), 3, 62_000),
        ("doc", "gedeeld-datacenter", D(2020, 1, 1), D(2028, 6, 30), 6, 28_000),
        ("burger", "saas", D(2022, 1, 1), D(2028, 3, 31), 3, 27_000),
        ("belasting", "gedeeld-datacenter", D(2020, 1, 1), D(2027, 12, 31), 6, 36_000),
        ("financieel2", "gedeeld-datacenter", D(2020, 1, 1), D(2028, 6, 30), 12, 44_000),
        ("salaris", "saas", D(2023, 1, 1), D(2029, 12, 31), 3, 21_000),
        ("sociaal", "saas", D(2021, 1, 1), D(2027, 12, 31), 6, 58_000),
        ("inkomen", "saas", D(2021, 1, 1), D(2027, 12, 31), 6, 24_000),
        ("vth", "saas", D(2023, 1, 1), D(2029, 12, 31), 6, 33_000),
        ("web", "saas", D(2022, 1, 1), D(2028, 4, 30), 3, 14_000),
        ("formulier", "saas", D(2022, 1, 1), D(2028, 4, 30), 3, 9_000),
        ("kantoor", "saas", D(2023, 1, 1), D(2028, 12, 31), 1, 150_000),
        ("geo", "gedeeld-datacenter", D(2019, 1, 1), D(2027, 12, 31), 6, 19_000),
        ("mor", "saas", D(2022, 1, 1), D(2028, 3, 31), 3, 9_000),
        ("backup", "gedeeld-datacenter", D(2022, 1, 1), D(2028, 6, 30), 3, 22_000),
    ],
}

# Per municipality: ICT spend per inhabitant (euro), workplaces per 1,000 inhabitants, ICT fte per
# 1,000 inhabitants, hosting model, ambitions (kwaliteit, kosten, kwetsbaarheid, personeel), open
# ICT domains.
PROFILES = {
    "GM0345": (
        99,
        9.5,
        0.45,
        "gedeeld-datacenter",
        (4, 3, 5, 3),
        ["infrastructuur-beheer", "achtervang-uitwijk", "inkoop"],
    ),
    "GM0340": (
        104,
        10.5,
        0.50,
        "gedeeld-datacenter",
        (4, 4, 5, 2),
        ["infrastructuur-beheer", "achtervang-uitwijk", "inkoop"],
    ),
    "GM0339": (
        118,
        12.0,
        0.55,
        "cloud",
        (3, 5, 4, 4),
        ["applicaties", "inkoop", "informatiebeveiliging-privacy"],
    ),
    "GM0228": (
        92,
        8.5,
        0.40,
        "eigen-serverruimte",
        (5, 3, 3, 4),
        ["inkoop", "applicaties", "gegevensbeheer"],
    ),
    "GM0289": (101, 9.0, 0.42, "cloud", (4, 3, 4, 3), ["inkoop", "werkplek", "applicaties"]),
    "GM1581": (
        97,
        9.0,
        0.43,
        "mix",
        (3, 4, 5, 3),
        ["achtervang-uitwijk", "informatiebeveiliging-privacy", "inkoop"],
    ),
}

MOTIVATIONS = {
    "kwaliteit": "Betrouwbare dienstverlening aan inwoners, ook buiten kantoortijden.",
    "kosten": "De ICT-kosten stijgen sneller dan de begroting; samen inkopen moet dat afremmen.",
    "kwetsbaarheid": "Kleine teams en één serverruimte: uitval van één medewerker of locatie raakt ons direct.",
    "personeel": "Specialisten zijn lastig te werven; een grotere organisatie biedt doorgroeikansen.",
}


@transaction.atomic
def load_demo_profiles() -> dict[str, int]:
    """Create the demo profiles and landscapes that are not there yet. Returns counts of what was
    added ({"profiles": n, "applications": m})."""
    municipalities = Municipality.objects.in_bulk(list(LANDSCAPES), field_name="code")
    seed = Cooperation.objects.filter(name=SEED_COOPERATION, deleted_at__isnull=True).first()
    domains = IctDomain.objects.in_bulk(field_name="slug")
    added = {"profiles": 0, "applications": 0}
    for code, rows in LANDSCAPES.items():
        municipality = municipalities.get(code)
        if municipality is None:
            continue
        existing = Profile.objects.filter(municipality=municipality).first()
        if existing is not None and not existing.is_demo:
            continue  # real data entered by the municipality: leave it alone
        if existing is None:
            _create_profile(municipality, seed, domains)
            added["profiles"] += 1
        have = set(
            Application.objects.filter(municipality=municipality).values_list("product__name", flat=True)
        )
        for key, hosting, start, end, notice, cost in rows:
            supplier, product, components, version = PRODUCTS[key]
            if product in have:
                continue
            upsert_application(
                municipality,
                {
                    "supplier": supplier,
                    "product": product,
                    "version": version,
                    "components": components,
                    "hosting": hosting,
                    "is_demo": True,
                    "contract": {
                        "start_date": start,
                        "end_date": end,
                        "notice_months": notice,
                        "yearly_cost_eur": cost,
                        "extension_options": "1 x 2 jaar" if end.year <= 2028 else "",
                    },
                },
                None,
                note=NOTE,
            )
            added["applications"] += 1
    return added


def _create_profile(municipality, seed, domains):
    per_inhabitant, workplaces, fte, hosting, ambitions, open_domains = PROFILES[municipality.code]
    inhabitants = municipality.population or 0
    profile = Profile(
        municipality=municipality,
        inhabitants=municipality.population,
        inhabitants_year=municipality.population_year,
        ict_spend_eur=round(inhabitants * per_inhabitant, -3) or None,
        ict_spend_year=2025,
        ict_fte=Decimal(inhabitants * fte / 1000).quantize(Decimal("0.1")) if inhabitants else None,
        workplaces=round(inhabitants * workplaces / 1000) or None,
        hosting_model=hosting,
        contact_name="Demo-contactpersoon",
        contact_email=f"ict-demo-{municipality.code.lower()}@example.org",
        is_demo=True,
    )
    for key, value in zip(("kwaliteit", "kosten", "kwetsbaarheid", "personeel"), ambitions, strict=True):
        setattr(profile, f"ambition_{key}", value)
        setattr(profile, f"ambition_{key}_motivation", MOTIVATIONS[key])
    share = [seed] if seed is not None and municipality.code in ("GM0340", "GM0345") else []
    save_profile(
        profile,
        None,
        open_domains=[domains[slug] for slug in open_domains if slug in domains],
        share_contracts_with=share,
        note=NOTE,
    )
