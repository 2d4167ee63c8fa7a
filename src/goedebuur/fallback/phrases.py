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

from goedebuur.common import number
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
