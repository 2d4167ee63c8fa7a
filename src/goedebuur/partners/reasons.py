# SPDX-License-Identifier: EUPL-1.2
"""The partner finder's words in plain language: the names of the criteria, region divisions and
the four K's, and `phrase(reason)`, which turns a `goedebuur.core.partners.evidence.Reason` (a code
and its values, naming the evidence) into a sentence in the active language, for the pages, the
API's `toelichting`/`opmerkingen` and the CLI."""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from goedebuur.common import number
from goedebuur.core.partners.evidence import Reason

CRITERION_LABELS = {
    "shared_regelingen": gettext_lazy("gedeelde regelingen"),
    "shared_regions": gettext_lazy("gedeelde regio's"),
    "distance": gettext_lazy("afstand"),
    "shared_border": gettext_lazy("gedeelde grens"),
    "size": gettext_lazy("vergelijkbare omvang"),
    "council": gettext_lazy("politieke kleur van de raad"),
    "landscape": gettext_lazy("applicatielandschap"),
    "suppliers": gettext_lazy("leveranciers"),
    "contract_window": gettext_lazy("contracteinddata"),
    "ambitions": gettext_lazy("ambities (vier K's)"),
}

REGION_LABELS = {
    "arbeidsmarktregio": gettext_lazy("arbeidsmarktregio"),
    "veiligheidsregio": gettext_lazy("veiligheidsregio"),
    "jeugdregio": gettext_lazy("jeugdregio"),
    "corop": gettext_lazy("COROP-regio"),
    "ggdregio": gettext_lazy("GGD-regio"),
    "res": gettext_lazy("RES-regio"),
    "provincie": gettext_lazy("provincie"),
}

AMBITION_LABELS = {
    "kwaliteit": gettext_lazy("Kwaliteit"),
    "kosten": gettext_lazy("minder meerKosten"),
    "kwetsbaarheid": gettext_lazy("Kwetsbaarheid verlagen"),
    "kansen": gettext_lazy("Kansen voor personeel"),
}


def criterion_label(key: str) -> str:
    return str(CRITERION_LABELS.get(key, key))


def criterion_list(keys) -> str:
    return _names([criterion_label(k) for k in keys])


def _names(names) -> str:
    return get_text_list([str(n) for n in names], _("en"))


def _region(code: str, name: str | None) -> str:
    label = str(REGION_LABELS.get(code, code))
    return f"{label} {name}" if name else label


def _regions(values) -> str:
    shared = ", ".join(_region(code, name) for code, name in values["shared"])
    if not values["other"]:
        return _("Zelfde %(shared)s.") % {"shared": shared}
    other = ", ".join(str(REGION_LABELS.get(code, code)) for code in values["other"])
    return _("Zelfde %(shared)s. Verschillend: %(other)s.") % {"shared": shared, "other": other}


def _regelingen(values) -> str:
    examples = _names(
        _("%(name)s (sinds %(year)s)") % {"name": name, "year": year} if year else name
        for name, year in values["examples"]
    )
    count = values["count"]
    text = ngettext(
        "Delen %(count)s regeling: %(examples)s.",
        "Delen %(count)s regelingen, waaronder %(examples)s.",
        count,
    ) % {"count": count, "examples": examples}
    if values["domains"]:
        text += " " + _("Domeinen: %(domains)s.") % {"domains": ", ".join(values["domains"])}
    return text


def _council(values) -> str:
    if not values["parties"]:
        return _("De raden hebben geen partij gemeen.")
    return _(
        "De zetelverdeling van de raden lijkt %(percent)s%% op elkaar; gedeelde partijen: %(parties)s."
    ) % {
        "percent": number(values["percent"]),
        "parties": ", ".join(values["parties"]),
    }


def _product(product: str, components: list[str]) -> str:
    if not components:
        return product
    shown = ", ".join(components[:2]) + (", …" if len(components) > 2 else "")
    return f"{product} ({shown})"


def _landscape(values) -> str:
    if not values["common"]:
        return _("Geen enkel pakket gemeen voor dezelfde referentiecomponent.")
    examples = _names(_product(product, components) for product, components in values["examples"])
    count = values["products"]
    return ngettext(
        "Zelfde pakket: %(examples)s (overlap %(percent)s%%).",
        "Zelfde %(count)s pakketten, waaronder %(examples)s (overlap %(percent)s%%).",
        count,
    ) % {
        "count": count,
        "examples": examples,
        "percent": number(values["percent"]),
    }


def _suppliers(values) -> str:
    if not values["common"]:
        return _("Geen gemeenschappelijke leveranciers.")
    return ngettext(
        "%(count)s gemeenschappelijke leverancier: %(examples)s (overlap %(percent)s%%).",
        "%(count)s gemeenschappelijke leveranciers, waaronder %(examples)s (overlap %(percent)s%%).",
        values["common"],
    ) % {
        "count": values["common"],
        "examples": _names(str(e) for e in values["examples"]),
        "percent": number(values["percent"]),
    }


def _when(year_a: int, year_b: int) -> str:
    return str(year_a) if year_a == year_b else _("%(a)s en %(b)s") % {"a": year_a, "b": year_b}


ACCESS = {
    "shared": gettext_lazy("zichtbaar omdat de contracten gedeeld zijn"),
    "all": gettext_lazy("zichtbaar voor beheerders"),
}


def _contracts(values) -> str:
    if not values["common"]:
        text = _("Geen contracten voor dezelfde referentiecomponent")
    elif not values["aligned"]:
        text = ngettext(
            "%(common)s contract voor dezelfde referentiecomponent, niet binnen %(years)s jaar van elkaar aflopend",
            "%(common)s contracten voor dezelfde referentiecomponent, geen binnen %(years)s jaar van elkaar aflopend",
            values["common"],
        ) % {"common": values["common"], "years": values["years"]}
    elif values["aligned"] == 1:
        component, year_a, year_b = values["examples"][0]
        text = _(
            "Contract voor %(component)s loopt bij beide af in %(when)s: kans om samen aan te besteden"
        ) % {
            "component": component,
            "when": _when(year_a, year_b),
        }
    else:
        text = _(
            "Voor %(aligned)s van de %(common)s gedeelde referentiecomponenten lopen de contracten binnen "
            "%(years)s jaar van elkaar af, waaronder %(examples)s: kans om samen aan te besteden"
        ) % {
            "aligned": values["aligned"],
            "common": values["common"],
            "years": values["years"],
            "examples": _names(f"{component} ({_when(a, b)})" for component, a, b in values["examples"]),
        }
    access = ACCESS.get(values.get("access") or "")
    return f"{text} ({access})." if access else f"{text}."


def _ambitions(values) -> str:
    text = _("Ambities lijken %(percent)s%% op elkaar (op %(count)s van de vier K's vergeleken).") % {
        "percent": number(values["percent"]),
        "count": values["compared"],
    }
    if values.get("both_high"):
        text += " " + _("Beide hoog op %(ambitions)s.") % {
            "ambitions": _names(AMBITION_LABELS.get(k, k) for k in values["both_high"])
        }
    return text


NO_SOURCE = {
    "shared_regelingen": gettext_lazy(
        "Het register is niet meegenomen: gedeelde regelingen tellen niet mee."
    ),
    "council": gettext_lazy("Geen samenstelling van de raden bekend: telt niet mee."),
    "landscape": gettext_lazy("Nog geen applicatielandschappen ingevuld: telt niet mee."),
    "suppliers": gettext_lazy("Nog geen applicatielandschappen ingevuld: leveranciers tellen niet mee."),
    "contract_window": gettext_lazy("Geen contracteinddata die u mag zien: telt niet mee."),
    "ambitions": gettext_lazy("Nog geen ambities (vier K's) ingevuld: telt niet mee."),
    "shared_regions": gettext_lazy("Geen regio-indelingen bekend."),
}

HIDDEN = {
    "landscape": gettext_lazy(
        "Applicatielandschappen zijn alleen zichtbaar voor ingelogde medewerkers van gemeenten: telt hier niet mee."
    ),
    "suppliers": gettext_lazy(
        "Leveranciers zijn alleen zichtbaar voor ingelogde medewerkers van gemeenten: telt hier niet mee."
    ),
    "contract_window": gettext_lazy(
        "Contracten zijn alleen zichtbaar voor de gemeente zelf en wie zij ze laat zien: telt hier niet mee."
    ),
    "ambitions": gettext_lazy(
        "Ambities zijn alleen zichtbaar voor ingelogde medewerkers van gemeenten: telt hier niet mee."
    ),
}

ORIGIN_NO_DATA = {
    "council": gettext_lazy(
        "De samenstelling van de raad van %(name)s is onbekend: politieke kleur telt niet mee."
    ),
    "landscape": gettext_lazy(
        "%(name)s heeft geen applicatielandschap ingevuld: applicatielandschap en leveranciers tellen niet mee."
    ),
    "suppliers": gettext_lazy("%(name)s heeft geen leveranciers ingevuld: leveranciers tellen niet mee."),
    "contract_window": gettext_lazy(
        "Van %(name)s zijn geen contracteinddata zichtbaar voor u: contracteinddata tellen niet mee."
    ),
    "ambitions": gettext_lazy(
        "%(name)s heeft de ambities (vier K's) niet ingevuld: ambities tellen niet mee."
    ),
}

# code -> the sentence for its values
SENTENCES = {
    "no_source": lambda v: str(NO_SOURCE.get(v["criterion"], _("Geen gegevens."))),
    "hidden": lambda v: str(HIDDEN.get(v["criterion"], _("Niet zichtbaar voor u: telt niet mee."))),
    "origin_no_data": lambda v: str(ORIGIN_NO_DATA[v["criterion"]]) % {"name": v["name"]},
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
    "regelingen_shared": _regelingen,
    "regelingen_none": lambda v: _("Delen geen lopende regeling of samenwerking in het register."),
    "council_similar": _council,
    "council_unknown": lambda v: (
        _("Samenstelling van de raad van %(names)s onbekend; gemiddelde gebruikt.")
        % {"names": _names(v["names"])}
    ),
    "landscape_unknown": lambda v: (
        _("Geen applicatielandschap van %(names)s; gemiddelde gebruikt.") % {"names": _names(v["names"])}
    ),
    "suppliers_unknown": lambda v: (
        _("Geen leveranciers van %(names)s bekend; gemiddelde gebruikt.") % {"names": _names(v["names"])}
    ),
    "landscape_overlap": _landscape,
    "suppliers_overlap": _suppliers,
    "contracts_unknown": lambda v: (
        _("Geen contracteinddata van %(names)s die u mag zien; telt als onbekend (gemiddelde gebruikt).")
        % {"names": _names(v["names"])}
    ),
    "contracts_window": _contracts,
    "ambitions_unknown": lambda v: _("Ambities (vier K's) niet bij beide ingevuld; gemiddelde gebruikt."),
    "ambitions_similar": _ambitions,
}


def phrase(reason: Reason) -> str:
    """The sentence for a reason or note; "" for a reason without a code."""
    sentence = SENTENCES.get(reason.code)
    return sentence(reason.values) if sentence else ""


def strongest(candidate, count: int = 2) -> list[str]:
    """The sentences of the criteria that add most to a candidate's score (weight × score, with
    data), for the lines under each candidate."""
    scored = sorted(
        (s for s in candidate.criteria.values() if s.has_data and s.weight > 0 and s.score > 0),
        key=lambda s: (-s.weight * s.score, s.key),
    )
    return [phrase(s.reason) for s in scored[:count]]
