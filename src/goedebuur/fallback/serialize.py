# SPDX-License-Identifier: EUPL-1.2
"""Feasibility and simulation results as plain dicts with the API's lowerCamelCase names, shared by
the API (`/api/v1/achtervangafspraken/{id}/haalbaarheid` and `/simulatie`) and the CLI (`--json`)."""

import math

from goedebuur.core.fallback.restore_schedule import Schedule

from . import services
from .models import Agreement


def _number(value, digits=3):
    if value is None:
        return None
    if math.isinf(value):
        return None
    return round(float(value), digits)


def feasibility_dict(agreement: Agreement, results=None) -> dict:
    results = results if results is not None else services.assess(agreement)
    return {
        "afspraak": agreement.pk,
        "stoplicht": services.overall_status(results),
        "afstandKm": _number(services.distance_km(agreement), 2),
        "richtingen": [
            {
                "gast": r.guest.code,
                "gastNaam": r.guest.name,
                "gastheer": r.host.code,
                "gastheerNaam": r.host.name,
                "stoplicht": r.feasibility.status,
                "toetsen": [
                    {
                        "toets": c.topic,
                        "onderwerp": c.subject,
                        "stoplicht": c.status,
                        "nodig": _number(c.needed),
                        "beschikbaar": _number(c.available),
                        "eenheid": c.unit,
                        "toelichting": c.explanation,
                    }
                    for c in r.feasibility.checks
                ],
            }
            for r in results
        ],
    }


def schedule_dict(schedule: Schedule) -> dict:
    return {
        "methode": schedule.method,
        "binnenRto": schedule.met_count,
        "aantalDiensten": len(schedule.entries),
        "klaarNaUur": _number(schedule.makespan),
        "diensten": [
            {
                "dienst": int(e.key),
                "naam": e.name,
                "slot": e.slot + 1,
                "startUur": _number(e.start),
                "klaarUur": _number(e.end),
                "rtoUur": _number(e.rto_hours),
                "binnenRto": e.met,
            }
            for e in sorted(schedule.entries, key=lambda e: (e.start, e.key))
        ],
    }


def simulation_dict(agreement: Agreement, results=None) -> dict:
    results = results if results is not None else services.assess(agreement)
    return {
        "afspraak": agreement.pk,
        "herstelslots": agreement.restore_slots,
        "doorvoerPerSlotMbps": _number(services.rate_per_slot(agreement)),
        "richtingen": [
            {
                "gast": r.guest.code,
                "gastNaam": r.guest.name,
                "gastheer": r.host.code,
                "gastheerNaam": r.host.name,
                "gepland": schedule_dict(r.best),
                "naief": schedule_dict(r.naive),
                "extraBinnenRto": r.gain,
            }
            for r in results
        ],
    }
