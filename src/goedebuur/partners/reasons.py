# SPDX-License-Identifier: EUPL-1.2
"""The partner finder's explanations in plain language: `phrase(reason)` turns a
`goedebuur.core.partners.scoring.Reason` (a code and its values) into a sentence in the active
language, for the pages, the API's `toelichting`/`opmerkingen` and the CLI."""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.common import number
from goedebuur.core.partners.features import REGION_TYPES
from goedebuur.core.partners.scoring import Reason


def _names(names: list[str]) -> str:
    return get_text_list(names, _("en"))


def _region(code: str, name: str | None) -> str:
    label = REGION_TYPES.get(code, code)
    return f"{label} {name}" if name else label


def _regions(values) -> str:
    shared = ", ".join(_region(code, name) for code, name in values["shared"])
    if not values["other"]:
        return _("Zelfde %(shared)s.") % {"shared": shared}
    other = ", ".join(REGION_TYPES.get(code, code) for code in values["other"])
    return _("Zelfde %(shared)s. Verschillend: %(other)s.") % {"shared": shared, "other": other}


def _cooperating(values) -> str:
    if not values["domains"]:
        return _("Werken al samen.")
    return _("Werken al samen (%(domains)s).") % {"domains": ", ".join(values["domains"])}


NO_SOURCE = {
    "landscape": gettext_lazy("Nog geen ICT-profielen ingevuld: applicatielandschap telt niet mee."),
    "suppliers": gettext_lazy("Nog geen ICT-profielen ingevuld: leveranciers tellen niet mee."),
    "contract_window": gettext_lazy("Nog geen contractgegevens ingevuld: einddata tellen niet mee."),
    "ambitions": gettext_lazy("Nog geen ambities (vier K's) ingevuld: telt niet mee."),
    "existing_cooperation": gettext_lazy(
        "Het register is niet meegenomen: bestaande samenwerking telt niet mee."
    ),
    "shared_regions": gettext_lazy("Geen regio-indelingen bekend."),
}

# code -> the sentence for its values
SENTENCES = {
    "no_source": lambda v: str(NO_SOURCE.get(v["criterion"], _("Geen gegevens."))),
    "origin_island": lambda v: (
        _(
            "%(name)s heeft in de kaartgegevens geen buurgemeenten (een eiland: de gegeneraliseerde grenzen "
            "stoppen bij de kust). Het criterium 'gedeelde grens' telt daarom voor niemand mee; afstand en "
            "gedeelde regio's bepalen de volgorde. De vertrouwensscore is lager."
        )
        % v
    ),
    "origin_population_unknown": lambda v: (
        _("Het inwonertal van %(name)s is onbekend: omvang telt niet mee.") % v
    ),
    "border_island": lambda v: (
        _("%(island)s heeft geen buurgemeenten in de kaartgegevens (eiland); gemiddelde gebruikt.") % v
    ),
    "border_shared": lambda v: _("%(b)s grenst aan %(a)s.") % v,
    "border_point": lambda v: _("%(b)s raakt %(a)s alleen in één punt (mogelijk een grens over water).") % v,
    "border_none": lambda v: _("%(b)s grenst niet aan %(a)s.") % v,
    "distance": lambda v: (
        _(
            "%(km)s km hemelsbreed tussen de middelpunten, ca. %(road_km)s km over de weg "
            "(schatting: hemelsbreed × %(factor)s)."
        )
        % {"km": number(v["km"], 1), "road_km": number(v["road_km"]), "factor": number(v["factor"], 1)}
    ),
    "regions_none": lambda v: _("Geen gedeelde regio's."),
    "regions_shared": _regions,
    "size_unknown": lambda v: (
        _("Inwonertal van %(names)s onbekend; gemiddelde gebruikt.") % {"names": _names(v["names"])}
    ),
    "size_similar": lambda v: (
        _("Ongeveer even groot: %(b)s en %(a)s inwoners.") % {"a": number(v["a"]), "b": number(v["b"])}
    ),
    "size_ratio": lambda v: (
        _("%(b)s tegen %(a)s inwoners: %(bigger)s is %(ratio)s× zo groot.")
        % {"a": number(v["a"]), "b": number(v["b"]), "bigger": v["bigger"], "ratio": number(v["ratio"], 1)}
    ),
    "landscape_unknown": lambda v: (
        _("Geen profiel met applicaties van %(names)s; gemiddelde gebruikt.") % {"names": _names(v["names"])}
    ),
    "suppliers_unknown": lambda v: (
        _("Geen profiel met leveranciers van %(names)s; gemiddelde gebruikt.") % {"names": _names(v["names"])}
    ),
    "landscape_overlap": lambda v: (
        _("%(count)s gemeenschappelijke applicaties (overlap %(percent)s%%).")
        % {"count": v["common"], "percent": number(v["percent"])}
    ),
    "suppliers_overlap": lambda v: (
        _("%(count)s gemeenschappelijke leveranciers (overlap %(percent)s%%).")
        % {"count": v["common"], "percent": number(v["percent"])}
    ),
    "contracts_unknown": lambda v: (
        _("Geen contracteinddata van %(names)s; gemiddelde gebruikt.") % {"names": _names(v["names"])}
    ),
    "contracts_window": lambda v: (
        _(
            "%(percent)s%% van de contracten loopt binnen %(years)s jaar van elkaar af "
            "(kans op gezamenlijke aanbesteding)."
        )
        % {"percent": number(v["percent"]), "years": v["years"]}
    ),
    "ambitions_unknown": lambda v: _("Ambities (vier K's) niet bij beide ingevuld; gemiddelde gebruikt."),
    "ambitions_similar": lambda v: (
        _("Ambities lijken %(percent)s%% op elkaar (op %(count)s van de vier K's vergeleken).")
        % {"percent": number(v["percent"]), "count": v["compared"]}
    ),
    "cooperating": _cooperating,
    "not_cooperating": lambda v: _("Werken nog niet samen volgens het register."),
}


def phrase(reason: Reason) -> str:
    """The sentence for a reason or note; "" for a reason without a code."""
    sentence = SENTENCES.get(reason.code)
    return sentence(reason.values) if sentence else ""
