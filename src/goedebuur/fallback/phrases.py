# SPDX-License-Identifier: EUPL-1.2
"""The words of the feasibility check: the core (`goedebuur.core.fallback.feasibility`) returns
codes and numbers, this module phrases them with gettext for the pages, the PDF/DOCX exports, the
API and the command line (Dutch by default, English on the English interface). Numbers through
`goedebuur.common.number`, without decimals when they are all zero (20, not 20,0)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from goedebuur.common import date as format_date
from goedebuur.common import number
from goedebuur.core.fallback import common_mode as cm
from goedebuur.core.fallback import feasibility as ff
from goedebuur.core.fallback import restore_schedule as rs

LABELS = {
    ff.GREEN: gettext_lazy("haalbaar"),
    ff.AMBER: gettext_lazy("krap"),
    ff.RED: gettext_lazy("niet haalbaar"),
}
SUBJECTS = {
    "vcpu": "vCPU",
    "ram": "RAM",
    "storage": gettext_lazy("opslag"),
    "workplaces": gettext_lazy("noodwerkplekken"),
    "all": gettext_lazy("alle diensten samen"),
    "first_copy": gettext_lazy("eerste kopie"),
    "sites": gettext_lazy("locaties"),
}
UNITS = {
    "vcpu": "vCPU",
    "gb": "GB",
    "workplaces": gettext_lazy("werkplekken"),
    "mbps": "Mbit/s",
    "hours": gettext_lazy("uur"),
    "km": "km",
}


def fmt(value, decimals: int = 1) -> str:
    """A number as people read it (1.234,5 in Dutch), without decimals when they are all zero;
    'onbekend' for None and 'oneindig' for infinity."""
    if value is None:
        return _("onbekend")
    value = float(value)
    if math.isinf(value):
        return _("oneindig")
    text = number(value, decimals)
    zeros = formats.get_format("DECIMAL_SEPARATOR") + "0" * decimals
    if decimals and text.endswith(zeros):
        text = text[: -len(zeros)]
    return text


def status_label(status: str) -> str:
    return str(LABELS[status])


RISK_LABELS = {
    ff.GREEN: gettext_lazy("geen gedeeld risico"),
    ff.AMBER: gettext_lazy("let op"),
    ff.RED: gettext_lazy("gedeeld risico"),
}


def status_label_risk(level: str) -> str:
    """The word of a common-mode traffic light (the feasibility words do not fit: 'haalbaar')."""
    return str(RISK_LABELS[level])


def subject(check: ff.Check) -> str:
    return check.subject if check.about_service else str(SUBJECTS.get(check.subject, check.subject))


def unit(check: ff.Check) -> str:
    return str(UNITS.get(check.unit, check.unit))


def explain(check: ff.Check) -> str:
    """The explanation of one check in the active language."""
    v = check.values

    def n(key, decimals=1):
        return fmt(v[key], decimals)

    reason = check.reason
    if reason == "capacity_fits":
        return _(
            "%(host)s reserveert %(reserved)s %(unit)s; de diensten van %(guest)s hebben %(need)s %(unit)s "
            "nodig. Dat past, met ruimte over."
        ) % {
            "host": v["host"],
            "guest": v["guest"],
            "reserved": n("reserved"),
            "need": n("need"),
            "unit": unit(check),
        }
    if reason == "capacity_tight":
        return _(
            "%(guest)s heeft %(need)s van de %(reserved)s gereserveerde %(unit)s nodig (meer dan %(headroom)s %%). "
            "Het past, maar er is weinig ruimte voor groei of extra belasting tijdens een calamiteit."
        ) % {
            "guest": v["guest"],
            "need": n("need"),
            "reserved": n("reserved"),
            "unit": unit(check),
            "headroom": v["headroom"],
        }
    if reason == "capacity_short":
        return _(
            "%(guest)s heeft %(need)s %(unit)s nodig, %(host)s reserveert maar %(reserved)s. Er komt %(short)s "
            "%(unit)s tekort; %(host)s moet meer reserveren of er moeten minder diensten worden overgenomen."
        ) % {
            "guest": v["guest"],
            "host": v["host"],
            "need": n("need"),
            "reserved": n("reserved"),
            "short": n("short"),
            "unit": unit(check),
        }
    if reason in ("replication_fits", "replication_too_slow"):
        values = {
            "change": n("change"),
            "average": n("average", 2),
            "rpo": n("rpo"),
            "factor": n("factor", 2),
            "need": n("need", 2),
            "link": n("link"),
            "host": v["host"],
        }
        if reason == "replication_fits":
            return (
                _(
                    "%(change)s GB wijzigingen per dag is gemiddeld %(average)s Mbit/s; bij een RPO van %(rpo)s "
                    "uur en piekfactor %(factor)s is %(need)s Mbit/s nodig; de verbinding levert %(link)s Mbit/s."
                )
                % values
            )
        return (
            _(
                "%(change)s GB wijzigingen per dag is gemiddeld %(average)s Mbit/s; bij een RPO van %(rpo)s uur "
                "en piekfactor %(factor)s is %(need)s Mbit/s nodig, de verbinding levert %(link)s Mbit/s. De "
                "kopie bij %(host)s loopt dan meer dan %(rpo)s uur achter: de RPO is niet haalbaar. Verhoog de "
                "bandbreedte of spreek een ruimere RPO af."
            )
            % values
        )
    if reason.startswith("replication_total_"):
        values = {"average": n("average", 2), "peak": n("peak", 2), "link": n("link")}
        if reason == "replication_total_behind":
            text = _(
                "Alle diensten samen wijzigen gemiddeld %(average)s Mbit/s, meer dan de %(link)s Mbit/s van de "
                "verbinding: de replicatie raakt steeds verder achter."
            )
        elif reason == "replication_total_peaks":
            text = _(
                "Gemiddeld past het (%(average)s Mbit/s), maar in drukke uren is %(peak)s Mbit/s nodig en levert "
                "de verbinding %(link)s Mbit/s: dan lopen de kopieën achter en worden korte RPO's niet gehaald."
            )
        else:
            text = _(
                "Alle diensten samen hebben in drukke uren %(peak)s Mbit/s nodig (gemiddeld %(average)s); de "
                "verbinding levert %(link)s Mbit/s."
            )
        return text % values
    if reason.startswith("seeding_"):
        values = {"volume": n("volume"), "link": n("link"), "hours": n("hours"), "days": n("days")}
        if reason == "seeding_weekend":
            text = _(
                "De eerste volledige kopie (%(volume)s GB) duurt over %(link)s Mbit/s %(hours)s uur (%(days)s "
                "dagen): dat past in een weekend."
            )
        elif reason == "seeding_long":
            text = _(
                "De eerste volledige kopie (%(volume)s GB) duurt over %(link)s Mbit/s %(hours)s uur (%(days)s "
                "dagen): langer dan een weekend; plan het in delen of buiten kantooruren."
            )
        else:
            text = _(
                "De eerste volledige kopie (%(volume)s GB) duurt over %(link)s Mbit/s %(hours)s uur (%(days)s "
                "dagen): meer dan twee weken. Vervoer de eerste kopie op schijven of verhoog de bandbreedte."
            )
        return text % values
    if reason == "distance_unknown":
        return _("De afstand is onbekend: vul de coördinaten van beide locaties in.")
    if reason.startswith("distance_"):
        values = {"km": n("km"), "min": n("min"), "max": n("max")}
        if reason == "distance_too_close":
            text = _(
                "De locaties liggen %(km)s km uit elkaar, minder dan %(min)s km: één incident (brand, "
                "overstroming, stroomstoring) kan beide treffen (BIO2 8.13.03)."
            )
        elif reason == "distance_too_far":
            text = _(
                "De locaties liggen %(km)s km uit elkaar, verder dan %(max)s km: gescheiden risicozones, maar "
                "ver voor medewerkers en voor een glasverbinding zonder versterking."
            )
        else:
            text = _(
                "De locaties liggen %(km)s km uit elkaar, binnen de band van %(min)s-%(max)s km: gescheiden "
                "risicozones en bereikbaar."
            )
        return text % values
    values = {
        "data": n("data"),
        "rate": n("rate"),
        "hours": n("hours"),
        "rto": n("rto"),
        "chain": n("chain"),
        "end": n("end"),
    }
    if reason == "rto_alone_too_slow":
        text = _(
            "Herstel van %(data)s GB bij %(rate)s Mbit/s per herstelslot duurt %(hours)s uur, langer dan de RTO "
            "van %(rto)s uur, ook als deze dienst als eerste gaat."
        )
    elif reason == "rto_chain_too_slow":
        text = _(
            "Herstel van %(data)s GB bij %(rate)s Mbit/s per herstelslot duurt %(hours)s uur, maar eerst moeten "
            "de diensten waarvan hij afhangt terug zijn: op zijn vroegst klaar na %(chain)s uur, later dan de "
            "RTO van %(rto)s uur."
        )
    elif reason == "rto_shared":
        text = _(
            "Herstel van %(data)s GB bij %(rate)s Mbit/s per herstelslot duurt %(hours)s uur. In de beste "
            "volgorde is hij pas na %(end)s uur terug (RTO %(rto)s uur), omdat de herstelcapaciteit gedeeld "
            "wordt. Meer herstelslots of meer doorvoer helpt."
        )
    else:
        text = _(
            "Herstel van %(data)s GB bij %(rate)s Mbit/s per herstelslot duurt %(hours)s uur; in de geplande "
            "volgorde terug na %(end)s uur, binnen de RTO van %(rto)s uur."
        )
    return text % values


def optimality(schedule: rs.Schedule) -> str:
    """How good the planned order is: proven optimal, or its distance to the bound."""
    if schedule.status == "optimal":
        return _(
            "Optimaal: geen volgorde haalt meer RTO's, en bij evenveel RTO's is er geen met minder "
            "overschrijding of die eerder klaar is."
        )
    if schedule.status == "max_met" or not schedule.gap:
        return _(
            "Geen volgorde haalt meer RTO's (bewezen); de overschrijding van de te late diensten is "
            "mogelijk niet de kleinste."
        )
    return ngettext(
        "Mogelijk niet optimaal: een andere volgorde haalt hoogstens %(n)s RTO meer (bovengrens %(bound)s).",
        "Mogelijk niet optimaal: een andere volgorde haalt hoogstens %(n)s RTO's meer (bovengrens %(bound)s).",
        schedule.gap,
    ) % {"n": schedule.gap, "bound": schedule.bound_met}


def schedule_error(error: rs.ScheduleError) -> str:
    """Why a restore cannot be scheduled, naming the services."""
    names = error.names
    if error.reason == "cycle":
        return _("De afhankelijkheden zijn rond: %(names)s.") % {"names": ", ".join(names)}
    if error.reason == "unknown_dependency":
        return _("%(name)s hangt af van een onbekende dienst (%(key)s).") % {
            "name": names[0],
            "key": names[1],
        }
    if error.reason == "self_dependency":
        return _("%(name)s kan niet van zichzelf afhangen.") % {"name": names[0]}
    if error.reason == "duplicate":
        return _("Elke dienst mag maar één keer voorkomen.")
    return _("Er is minstens één herstelslot nodig.")


@dataclass(frozen=True)
class PhrasedCheck:
    """A check as pages, exports, API and command line show it."""

    topic: str
    subject: str
    status: str
    needed: float | None
    available: float | None
    unit: str
    explanation: str


def phrase(check: ff.Check) -> PhrasedCheck:
    return PhrasedCheck(
        check.topic, subject(check), check.status, check.needed, check.available, unit(check), explain(check)
    )


# --- common-mode risk (`goedebuur.core.fallback.common_mode`) ---------------------------------------

COMMON_MODE_TOPICS = {
    "veiligheidsregio": gettext_lazy("veiligheidsregio"),
    "overstroming": gettext_lazy("overstromingsgebied"),
    "datacenter": gettext_lazy("datacenter"),
    "netwerk": gettext_lazy("netwerkleverancier"),
    "leverancier": gettext_lazy("leverancier en hosting"),
    "afstand": gettext_lazy("afstand bij regionale rampen"),
    "versies": gettext_lazy("versies"),
    "testbewijs": gettext_lazy("bewijs uit hersteltests"),
}
GRADE_LABELS = {
    cm.PAPER: gettext_lazy("papieren doorloop"),
    cm.PARTIAL: gettext_lazy("gedeeltelijk herstel"),
    cm.FULL: gettext_lazy("volledig herstel bij de partner, met gebruikers"),
    None: gettext_lazy("niet beoordeeld"),
}


@dataclass(frozen=True)
class PhrasedFinding:
    """A common-mode finding as pages, exports, API and command line show it: the explanation says
    what was found with its numbers, `fix` what would take the risk away (empty when green)."""

    topic: str
    topic_label: str
    subject: str
    level: str
    reason: str
    explanation: str
    fix: str


def _day(value) -> str:
    return format_date(value) if value else _("onbekend")


def _names(items) -> str:
    return ", ".join(items)


def _explain_finding(f: cm.Finding) -> tuple[str, str]:
    v, r = f.values, f.reason
    if r == "safety_region_same":
        return (
            _(
                "%(a)s en %(b)s liggen allebei in veiligheidsregio %(region)s. Bij een regionale crisis "
                "(overstroming, grote brand, langdurige stroomstoring) staan beide crisisorganisaties onder "
                "dezelfde regionale leiding en vragen dezelfde mensen en middelen."
            )
            % {"a": v["a"], "b": v["b"], "region": v["region_a"]},
            _(
                "Kies een achtervang buiten de veiligheidsregio, of leg een tweede achtervang daarbuiten vast."
            ),
        )
    if r == "safety_region_different":
        return (
            _("%(a)s ligt in veiligheidsregio %(region_a)s, %(b)s in %(region_b)s.") % v,
            "",
        )
    if r == "safety_region_unknown":
        return (
            _("De veiligheidsregio van %(a)s of %(b)s staat niet in de referentiegegevens.") % v,
            _("Controleer de regio-indeling in de referentiegegevens."),
        )
    if r in ("flood_same", "flood_different", "flood_unknown"):
        values = {
            "site_a": v["site_a"] or _("locatie A"),
            "site_b": v["site_b"] or _("locatie B"),
            "area_a": v["area_a"],
            "area_b": v["area_b"],
            "source_a": v["source_a"] or _("geen bron vermeld"),
            "source_b": v["source_b"] or _("geen bron vermeld"),
        }
        if r == "flood_same":
            return (
                _(
                    "%(site_a)s en %(site_b)s liggen in hetzelfde overstromingsgebied (%(area_a)s; bron: "
                    "%(source_a)s / %(source_b)s). Eén doorbraak kan beide locaties treffen."
                )
                % values,
                _(
                    "Kies voor één van beide een locatie in een ander overstromingsgebied (bijv. een datacenter elders)."
                ),
            )
        if r == "flood_different":
            return (
                _(
                    "%(site_a)s ligt in %(area_a)s (bron: %(source_a)s), %(site_b)s in %(area_b)s (bron: "
                    "%(source_b)s)."
                )
                % values,
                "",
            )
        return (
            _(
                "Het overstromingsgebied van een of beide locaties is niet ingevuld; het pakket bevat geen "
                "landelijke overstromingskaart."
            ),
            _("Vul per locatie het overstromingsgebied en de bron in (bijv. LIWO of de Atlas Leefomgeving)."),
        )
    if r.startswith(("datacentre_", "network_")):
        values = {"a": v["a"], "b": v["b"]}
        texts = {
            "datacentre_same": (
                _(
                    "Beide locaties draaien in hetzelfde datacenter (%(a)s). Brand, stroom- of koelingsuitval of "
                    "ransomware in dat datacenter treft de systemen én de achtervang tegelijk."
                ),
                _("Laat de achtervang in een ander datacenter draaien, met gescheiden back-ups."),
            ),
            "datacentre_different": (_("Verschillende datacenters: %(a)s en %(b)s."), ""),
            "datacentre_unknown": (
                _("Het datacenter van een of beide locaties is niet ingevuld."),
                _("Vul per locatie het datacenter in."),
            ),
            "network_same": (
                _(
                    "Beide locaties gebruiken dezelfde netwerkleverancier (%(a)s). Een storing bij die "
                    "leverancier kan beide afsluiten; de gegevens blijven wel bewaard."
                ),
                _("Neem voor één locatie een tweede verbinding bij een andere netwerkleverancier."),
            ),
            "network_different": (_("Verschillende netwerkleveranciers: %(a)s en %(b)s."), ""),
            "network_unknown": (
                _("De netwerkleverancier van een of beide locaties is niet ingevuld."),
                _("Vul per locatie de netwerkleverancier in."),
            ),
        }
        text, fix = texts[r]
        return text % values, fix
    if r == "suppliers_unknown":
        return (
            _("Het applicatielandschap van %(names)s is leeg: gedeelde leveranciers zijn niet te toetsen.")
            % {"names": _names(v["missing"])},
            _("Vul het applicatielandschap in (Profiel > Landschap)."),
        )
    if r == "suppliers_shared_in_scope":
        return (
            _(
                "%(a)s en %(b)s nemen %(count)s product(en) allebei als SaaS af bij dezelfde leverancier: "
                "%(products)s. Daarvan valt %(in_scope_count)s onder deze afspraak (%(in_scope)s): valt de "
                "leverancier uit, dan kan de partner die dienst niet overnemen."
            )
            % {
                "a": v["a"],
                "b": v["b"],
                "count": v["count"],
                "products": _names(v["products"]),
                "in_scope_count": v["in_scope_count"],
                "in_scope": _names(v["in_scope"]),
            },
            _(
                "Spreek met de leverancier een uitwijk in een ander datacenter en een eigen kopie van de "
                "gegevens af, of haal de dienst uit deze afspraak."
            ),
        )
    if r == "suppliers_shared":
        return (
            _(
                "%(a)s en %(b)s nemen %(count)s product(en) allebei als SaaS af bij dezelfde leverancier: "
                "%(products)s. Eén storing of ransomware-aanval bij die leverancier treft beide tegelijk."
            )
            % {"a": v["a"], "b": v["b"], "count": v["count"], "products": _names(v["products"])},
            _("Vraag de leverancier naar gescheiden omgevingen en een eigen kopie van de gegevens."),
        )
    if r == "suppliers_separate":
        return _("%(a)s en %(b)s nemen geen SaaS-product bij dezelfde leverancier af.") % v, ""
    if r in ("regional_too_close", "regional_fits"):
        values = {"km": fmt(v["km"]), "min": fmt(v["min"])}
        if r == "regional_too_close":
            return (
                _(
                    "De locaties liggen %(km)s km uit elkaar, minder dan %(min)s km: een regionale ramp "
                    "(overstroming van een dijkring, regionale stroomuitval) kan beide treffen."
                )
                % values,
                _("Kies een tweede achtervang of uitwijklocatie op meer dan %(min)s km.") % values,
            )
        return _("De locaties liggen %(km)s km uit elkaar, ten minste %(min)s km.") % values, ""
    if r.startswith("versions_"):
        values = {
            "guest": v["guest"],
            "host": v["host"],
            "product": v["product"],
            "version": v["version"] or _("onbekend"),
            "host_version": v.get("host_version") or _("onbekend"),
            "components": _names(v["components"]),
            "host_products": _names(v.get("host_products", ())),
            "apart": v.get("apart", 0),
        }
        if r == "versions_other_product":
            return (
                _(
                    "%(guest)s gebruikt %(product)s voor %(components)s, %(host)s een ander product "
                    "(%(host_products)s). %(host)s heeft geen kennis, licenties of koppelingen om deze dienst "
                    "te draaien."
                )
                % values,
                _(
                    "Spreek af dat %(host)s een omgeving met %(product)s klaarhoudt en oefent, of kies "
                    "samen één product."
                )
                % values,
            )
        if r == "versions_major_drift":
            return (
                _(
                    "%(guest)s draait %(product)s versie %(version)s, %(host)s versie %(host_version)s: "
                    "%(apart)s hoofdversie(s) verschil. Gegevens en koppelingen passen dan mogelijk niet."
                )
                % values,
                _("Breng beide op dezelfde hoofdversie of test het herstel op de versie van %(host)s.")
                % values,
            )
        if r == "versions_unknown":
            return (
                _(
                    "%(guest)s en %(host)s gebruiken allebei %(product)s, maar een versie ontbreekt "
                    "(%(version)s / %(host_version)s)."
                )
                % values,
                _("Vul de versie in het applicatielandschap van beide gemeenten in."),
            )
        if r == "versions_match":
            return (
                _("%(guest)s en %(host)s draaien allebei %(product)s versie %(version)s / %(host_version)s.")
                % values,
                "",
            )
        return (
            _("%(host)s heeft geen eigen applicatie voor %(components)s: geen versieverschil te toetsen.")
            % values,
            "",
        )
    values = {
        "months": v["months"],
        "date": _day(v.get("date")),
        "expires": _day(v.get("expires")),
        "latest": _day(v.get("latest")),
        "expired": _day(v.get("expired")),
        "grade": str(GRADE_LABELS.get(v.get("grade"), v.get("grade"))),
    }
    fix_full = _(
        "Voer een volledige hersteltest uit bij de partner, met gebruikers, en leg de zwaarte vast in het logboek."
    )
    if r == "evidence_none":
        if v.get("latest"):
            return (
                _(
                    "De laatste hersteltest (%(latest)s) telt niet meer: een test geldt %(months)s maanden "
                    "(verlopen op %(expired)s)."
                )
                % values,
                fix_full,
            )
        return _("Er is nog geen hersteltest vastgelegd.") % values, fix_full
    text = (
        _("Sterkste geldige hersteltest: %(grade)s op %(date)s, geldig tot %(expires)s (%(months)s maanden).")
        % values
    )
    if r == "evidence_full":
        return text, ""
    if r == "evidence_partial":
        return text + " " + _(
            "Een gedeeltelijk herstel bewijst niet dat alles bij de partner draait."
        ), fix_full
    return text + " " + _("Een papieren doorloop bewijst niet dat herstel werkt."), fix_full


def phrase_finding(finding: cm.Finding) -> PhrasedFinding:
    explanation, fix = _explain_finding(finding)
    subject = finding.subject if finding.about_service else ""
    return PhrasedFinding(
        finding.topic,
        str(COMMON_MODE_TOPICS[finding.topic]),
        subject,
        finding.level,
        finding.reason,
        explanation,
        fix,
    )
