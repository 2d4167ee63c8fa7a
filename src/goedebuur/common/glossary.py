# SPDX-License-Identifier: EUPL-1.2
"""The glossary of the interface (issue 20, item 7): every abbreviation and method name a page
shows, explained once in plain Dutch for bestuurders and used where the term appears through the
template tags `{% term %}` and `{% uitleg %}` (`goedebuur.common.templatetags.plain`).

Each entry: `term` (as shown), `short` (a few words, the title of an `<abbr>`) and `explanation`
(one or two sentences). Add a term here, never in a template."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Entry:
    term: str
    short: str
    explanation: str


_ENTRIES = {
    "BIV": Entry(
        "BIV",
        _("beschikbaarheid, integriteit, vertrouwelijkheid"),
        _(
            "Hoe belangrijk een toepassing is voor beschikbaarheid, integriteit en vertrouwelijkheid, elk van "
            "1 (laag) tot 3 (hoog). ‘232’ betekent: beschikbaarheid 2, integriteit 3, vertrouwelijkheid 2."
        ),
    ),
    "RTO": Entry(
        "RTO",
        _("hersteltijd: hoe lang een dienst hooguit uit mag liggen"),
        _(
            "Recovery Time Objective: de tijd waarbinnen een dienst na uitval weer moet werken, bijvoorbeeld "
            "4 uur."
        ),
    ),
    "RPO": Entry(
        "RPO",
        _("hoeveel gegevens hooguit verloren mogen gaan, in tijd"),
        _(
            "Recovery Point Objective: hoe oud de teruggezette gegevens hooguit mogen zijn. Een RPO van 1 uur "
            "betekent dat hooguit het werk van het laatste uur opnieuw moet."
        ),
    ),
    "BIO": Entry(
        "BIO",
        _("Baseline Informatiebeveiliging Overheid"),
        _(
            "De verplichte normen voor informatiebeveiliging van de overheid; BIO2 is de nieuwe versie. "
            "Verwijzingen als ‘BIO2 8.13.03’ noemen de maatregel."
        ),
    ),
    "GEMMA": Entry(
        "GEMMA",
        _("gemeentelijke referentiearchitectuur van VNG Realisatie"),
        _(
            "De Gemeentelijke Model Architectuur: een gedeelde indeling van wat gemeentelijke ICT doet (de "
            "‘referentiecomponenten’, zoals zaaksysteem of basisregistratie). Zo kunnen gemeenten hun "
            "applicaties vergelijken, ook als ze een ander product gebruiken."
        ),
    ),
    "GR": Entry(
        "GR",
        _("gemeenschappelijke regeling"),
        _(
            "Een gemeenschappelijke regeling is een samenwerking van gemeenten (of andere overheden) op grond "
            "van de Wet gemeenschappelijke regelingen (Wgr), bijvoorbeeld een openbaar lichaam of een "
            "bedrijfsvoeringsorganisatie."
        ),
    ),
    "fit": Entry(
        "fit",
        _("hoe goed gemeenten als ICT-partner bij elkaar passen (0–1)"),
        _(
            "Een score van 0 tot 1 uit de criteria van de partnerzoeker (gedeelde regelingen en regio's, "
            "afstand, grootte, en meer als u bent ingelogd). Hoger is beter; de fit van een groep is het "
            "gemiddelde van alle paren erin."
        ),
    ),
    "spreiding": Entry(
        "spreiding",
        _("hoe ver de gemeenten van een groep uit elkaar liggen"),
        _(
            "De gemiddelde afstand (als wortel van het gemiddelde kwadraat) van de middelpunten van de "
            "gemeenten tot het midden van hun groep, in km. Lager is compacter. De som voor het hele voorstel "
            "staat in km²."
        ),
    ),
    "middelpunt": Entry(
        "middelpunt",
        _("het zwaartepunt van het grondgebied van een gemeente"),
        _(
            "Afstanden tussen gemeenten zijn overal hemelsbreed tussen de middelpunten (zwaartepunten) van "
            "hun grondgebied. Dat is niet de afstand tussen de gemeentehuizen en niet de afstand over de weg."
        ),
    ),
    "RD": Entry(
        "RD New",
        _("het Nederlandse coördinatenstelsel (Rijksdriehoeksmeting)"),
        _(
            "De Rijksdriehoeksmeting (EPSG:28992) is het officiële kaartstelsel van Nederland, in meters; "
            "afstanden daarin kloppen op ongeveer een meter."
        ),
    ),
    "Moore-Hodgson": Entry(
        "Moore-Hodgson",
        _("een rekenmethode voor de herstelvolgorde"),
        _(
            "Een bekende rekenmethode die de volgorde kiest waarin zoveel mogelijk diensten binnen hun RTO "
            "terug zijn. Bij meer herstelsloten of afhankelijkheden gebruikt de planner een vuistregel: "
            "eerst de dienst met de vroegste deadline (EDD), daarna verbeterd."
        ),
    ),
    "herstelslot": Entry(
        "herstelslot",
        _("één terugzetting die tegelijk met andere kan lopen"),
        _(
            "Het aantal diensten dat tegelijk teruggezet kan worden; elk slot krijgt een deel van de verbinding."
        ),
    ),
    "seed": Entry(
        "seed",
        _("startgetal van de toevalsberekening"),
        _(
            "Het startgetal van een berekening met toeval. Met hetzelfde startgetal komt precies dezelfde "
            "uitkomst terug, zodat iedereen die kan nagaan."
        ),
    ),
    "NCW": Entry(
        "NCW",
        _("netto contante waarde"),
        _(
            "Netto contante waarde: alle toekomstige opbrengsten min kosten, omgerekend naar wat ze vandaag "
            "waard zijn. Positief betekent: de samenwerking levert per saldo op."
        ),
    ),
    "P10/P50/P90": Entry(
        "P10 / P50 / P90",
        _("de onzekerheidsmarge: pessimistisch, middelste en optimistische uitkomst"),
        _(
            "Uit duizenden doorrekeningen: P50 is de middelste uitkomst, in 10% van de gevallen is het slechter "
            "dan P10 en in 10% beter dan P90."
        ),
    ),
    "PERT": Entry(
        "PERT",
        _("schatting uit laagste, meest waarschijnlijke en hoogste waarde"),
        _(
            "Een manier om met onzekere bedragen te rekenen: u geeft de laagste, de meest waarschijnlijke en de "
            "hoogste waarde, en de berekening weegt de meest waarschijnlijke het zwaarst."
        ),
    ),
}


def entry(key: str) -> Entry:
    """The glossary entry for `key`; a KeyError names a term missing from the glossary."""
    return _ENTRIES[key]


def keys() -> list[str]:
    return list(_ENTRIES)
