# SPDX-License-Identifier: EUPL-1.2
"""The glossary of the interface (issue 20, item 7): every abbreviation and method name a page
shows, explained once in plain Dutch for bestuurders and used where the term appears through the
template tags `{% term %}` and `{% uitleg %}` (`goedebuur.common.templatetags.plain`).

Each entry: `term` (as shown), `short` (a few words, the title of an `<abbr>`), `explanation`
(one or two sentences) and, for text that comes from data (checklist tips, the names of cooperation
forms), `matches`: the regular expressions by which `found_in` recognises the term (default: the term
itself, case and whole word). Add a term here, never in a template."""

import re
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Entry:
    term: str
    short: str
    explanation: str
    matches: tuple[str, ...] = ()


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
        (r"BIO2?",),
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
        (r"GR", r"[Gg]emeenschappelijke regeling(en)?"),
    ),
    "Wgr": Entry(
        "Wgr",
        _("Wet gemeenschappelijke regelingen"),
        _(
            "De wet die regelt hoe gemeenten publiekrechtelijk samenwerken in een gemeenschappelijke regeling "
            "(GR): een openbaar lichaam, een bedrijfsvoeringsorganisatie, een gemeenschappelijk orgaan, een "
            "centrumregeling of een regeling zonder meer. Meedoen of uittreden vraagt toestemming van de "
            "gemeenteraad."
        ),
    ),
    "DVO": Entry(
        "DVO",
        _("dienstverleningsovereenkomst"),
        _(
            "Een dienstverleningsovereenkomst: de ene gemeente levert diensten aan de andere, met afspraken "
            "over wat, hoe goed en tegen welke vergoeding. Een lichte vorm van samenwerking, zonder eigen "
            "organisatie."
        ),
        (r"DVO", r"[Dd]ienstverleningsovereenkomst(en)?"),
    ),
    "centrumgemeente": Entry(
        "centrumgemeente",
        _("de gemeente die een taak voor de andere uitvoert"),
        _(
            "In een centrumregeling of een DVO voert één gemeente, de centrum- of gastheergemeente, een taak "
            "uit voor de andere gemeenten. Die betalen haar volgens een afgesproken verdeelsleutel."
        ),
        (r"[Cc]entrumgemeenten?", r"[Gg]astheergemeenten?", r"[Cc]entrumregeling(en)?"),
    ),
    "verdeelsleutel": Entry(
        "verdeelsleutel",
        _("de manier waarop de partners de kosten delen"),
        _(
            "De afspraak over hoe de gemeenten de kosten van de samenwerking delen: naar inwoners, naar wat "
            "ze eerder uitgaven, naar gebruik of in gelijke delen."
        ),
    ),
    "go/no-go": Entry(
        "go/no-go",
        _("het besluit om door te gaan of niet"),
        _(
            "Aan het eind van elke fase besluiten de colleges (soms ook de raden of de stuurgroep) of het "
            "traject doorgaat (go) of niet (no-go). Pas na een go-besluit gaat het traject naar de volgende "
            "fase; na een no-go besluit u opnieuw of stopt u het traject."
        ),
        (r"go/no-go", r"no-go", r"go-besluit(en)?"),
    ),
    "vier K's": Entry(
        "vier K's",
        _("de vier doelen van ICT-samenwerking"),
        _(
            "Kwaliteit, minder meerKosten, Kwetsbaarheid verlagen en Kansen voor personeel. Elke partner "
            "weegt ze van 0 (speelt geen rol) tot 5 (zeer belangrijk); grote verschillen bespreekt u "
            "voordat u iets tekent."
        ),
        (r"vier K['’]s",),
    ),
    "nulmeting": Entry(
        "nulmeting",
        _("de uitgangssituatie vóór de samenwerking"),
        _(
            "Wat de ICT nu kost, hoeveel mensen eraan werken en hoe goed het gaat, vastgelegd voordat de "
            "samenwerking begint. Alleen zo kunt u later laten zien wat de samenwerking opleverde."
        ),
        (r"[Nn]ulmeting",),
    ),
    "intentieverklaring": Entry(
        "intentieverklaring",
        _("verklaring dat de partners willen gaan samenwerken"),
        _(
            "Een kort document waarin de partners vastleggen dat zij een samenwerking willen uitwerken, met "
            "welk doel en wat de volgende stap is. Het bindt juridisch weinig en is meestal de eerste formele "
            "stap."
        ),
        (r"[Ii]ntentieverklaring(en)?",),
    ),
    "AVG": Entry(
        "AVG",
        _("Algemene verordening gegevensbescherming"),
        _(
            "De Europese privacywet (in het Engels GDPR). Wie voor een andere gemeente persoonsgegevens "
            "verwerkt, sluit met haar een verwerkersovereenkomst."
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


@cache
def _pattern(key: str) -> re.Pattern:
    entry = _ENTRIES[key]
    alternatives = "|".join(entry.matches or (re.escape(entry.term),))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def found_in(*texts) -> list[str]:
    """The keys of the terms that occur in `texts`, in glossary order: to explain the jargon of text
    that comes from data (checklist tips, names of cooperation forms) where it appears."""
    text = "\n".join(str(t) for t in texts if t)
    return [key for key in _ENTRIES if text and _pattern(key).search(text)]
