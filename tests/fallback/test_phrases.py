# SPDX-License-Identifier: EUPL-1.2
"""The feasibility check in words: the core gives codes and numbers, the app phrases them (Dutch by
default, English on the English interface)."""

import math

from django.utils import translation

from goedebuur.core.fallback import feasibility as ff
from goedebuur.fallback import phrases


def service(key="zaak", *, rto=8, rpo=1, data=900, change=108, workplaces=10, deps=()):
    return ff.ServiceSpec(key, key.capitalize(), 3, rto, rpo, data, change, 4, 16, workplaces, tuple(deps))


def assess(services, *, link=1000, km=9.0):
    return ff.assess(
        ff.Direction(
            guest="Rhenen",
            host="Veenendaal",
            services=tuple(services),
            reservation=ff.Reservation(vcpu=20, ram_gb=64, storage_gb=4000, workplaces=25),
            link_mbps=link,
            restore_mbps=1000,
            distance_km=km,
        )
    )


def phrased(result, topic, subject):
    return next(
        phrases.phrase(c) for c in result.checks if c.topic == topic and phrases.subject(c) == subject
    )


def test_it_explains_a_capacity_shortage_with_the_numbers():
    row = phrased(assess([service(workplaces=30)]), "capaciteit", "noodwerkplekken")
    assert row.unit == "werkplekken"
    assert row.explanation == (
        "Rhenen heeft 30 werkplekken nodig, Veenendaal reserveert maar 25. Er komt 5 werkplekken tekort; "
        "Veenendaal moet meer reserveren of er moeten minder diensten worden overgenomen."
    )


def test_it_explains_the_replication_with_two_decimals():
    row = phrased(assess([service("zaak", rpo=1)], link=25), "replicatie", "Zaak")
    assert row.explanation.startswith(
        "108 GB wijzigingen per dag is gemiddeld 10 Mbit/s; bij een RPO van 1 uur en piekfactor 3 is "
        "30 Mbit/s nodig, de verbinding levert 25 Mbit/s."
    )


def test_it_says_why_a_service_misses_its_rto():
    services = [service("groot", data=9000, rto=4), service("idm", data=900, rto=48)]
    services.append(service("zaak", data=450, rto=2, deps=["idm"]))
    result = assess(services)
    assert "ook als deze dienst als eerste gaat" in phrased(result, "hersteltijd", "Groot").explanation
    assert "afhangt" in phrased(result, "hersteltijd", "Zaak").explanation


def test_it_names_the_fixed_subjects_and_the_distance_band():
    row = phrased(assess([service()], km=9.0), "afstand", "locaties")
    assert row.explanation == (
        "De locaties liggen 9 km uit elkaar, binnen de band van 5-40 km: gescheiden risicozones en bereikbaar."
    )


def test_it_formats_numbers_as_people_read_them():
    assert phrases.fmt(1234.5) == "1.234,5"
    assert phrases.fmt(20.0) == "20"
    assert phrases.fmt(1.25, 2) == "1,25"
    assert phrases.fmt(math.inf) == "oneindig"
    assert phrases.fmt(None) == "onbekend"


def test_it_speaks_english_on_the_english_interface():
    with translation.override("en"):
        row = phrased(assess([service()], km=9.0), "afstand", "sites")
        assert row.explanation.startswith("The sites are 9 km apart")
        assert phrases.fmt(1234.5) == "1,234.5"
        assert phrases.status_label(ff.RED) == "not feasible"


def test_the_optimality_says_how_many_rtos_another_order_might_still_meet():
    from goedebuur.core.fallback import restore_schedule as rs
    from goedebuur.fallback.phrases import optimality

    jobs = [rs.RestoreJob("a", "A", 1, 1), rs.RestoreJob("b", "B", 1, 1)]  # one of the two meets its RTO
    unproven = rs.best_schedule(jobs, 1, exact=False)
    unproven.status, unproven.bound_met = "bound", 2
    assert optimality(unproven) == (
        "Mogelijk niet optimaal: een andere volgorde haalt hoogstens 1 RTO meer (bovengrens 2)."
    )
    assert optimality(rs.best_schedule(jobs, 1)).startswith("Optimaal")
