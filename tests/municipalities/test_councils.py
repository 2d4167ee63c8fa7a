# SPDX-License-Identifier: EUPL-1.2
"""Councils and institutional contact data: loading from the packaged ROO snapshot, and the services
the other apps use (`council_composition`, `council_compositions`, `mail_domains`)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goedebuur.core.partners.councils import council_similarity
from goedebuur.municipalities import services
from goedebuur.municipalities.models import Council, CouncilSeat, Municipality

from ..factories import RHENEN, VEENENDAAL

# The snapshot names fewer seats than the council has for these 14 councils (e.g. Stein: 14 of 19).
INCOMPLETE = {
    "GM0654", "GM0214", "GM0505", "GM1708", "GM1992", "GM0794", "GM1966", "GM0405",
    "GM0177", "GM0339", "GM0597", "GM0971", "GM1525", "GM1700",
}  # fmt: skip


def test_it_loads_a_council_for_each_of_the_342_municipalities(db):
    counts = services.load_reference_data()
    assert counts["councils"] == Council.objects.count() == 342
    assert counts["council_seats"] == CouncilSeat.objects.count() > 342 * 3
    assert counts["municipality_contacts"] == 342


def test_it_keeps_the_seats_of_every_council_within_its_total(db):
    incomplete = set()
    for council in Council.objects.select_related("municipality").prefetch_related("seats"):
        assigned = sum(seat.seats for seat in council.seats.all())
        assert 0 < assigned <= council.total_seats
        assert assigned + council.unassigned_seats == council.total_seats
        if assigned < council.total_seats:
            incomplete.add(council.municipality.code)
    assert incomplete == INCOMPLETE  # every other council's seats sum to its total


@pytest.mark.django_db
def test_it_gives_a_councils_composition_most_seats_first():
    composition = services.council_composition(Municipality.objects.get(code=VEENENDAAL))
    assert composition.total_seats == 35 and composition.unassigned_seats == 0
    assert [(p.party, p.seats) for p in composition.parties][:4] == [
        ("ChristenUnie", 6),
        ("Lokaal Veenendaal", 6),
        ("ProVeenendaal", 6),
        ("SGP", 6),
    ]
    assert composition.seats()["SP"] == 1
    assert composition.source == "Register van Overheidsorganisaties (KOOP), via polder"
    assert composition.reference_date == dt.date(2026, 5, 16)


def test_it_sums_a_party_the_source_lists_twice(db):
    tiel = services.council_composition(Municipality.objects.get(code="GM0281"))
    assert tiel.seats()["Partij van de Burgers"] == 8  # listed as 5 and 3
    assert tiel.assigned_seats == tiel.total_seats == 27


def test_it_counts_the_seats_the_source_names_no_party_for(db):
    stein = services.council_composition(Municipality.objects.get(code="GM0971"))
    assert (stein.total_seats, stein.assigned_seats, stein.unassigned_seats) == (19, 14, 5)


def test_it_answers_none_for_a_municipality_without_a_known_council(db):
    veenendaal = Municipality.objects.get(code=VEENENDAAL)
    Council.objects.filter(municipality=veenendaal).delete()
    assert services.council_composition(veenendaal) is None
    assert VEENENDAAL not in services.council_compositions()


def test_it_gives_all_compositions_in_one_query_for_the_partner_finder(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        compositions = services.council_compositions()
    assert len(compositions) == 342
    assert compositions[VEENENDAAL]["ChristenUnie"] == 6
    similarity = council_similarity(compositions[VEENENDAAL], compositions[RHENEN])
    assert 0 < similarity < 1


def test_it_loads_the_institutional_website_email_and_visiting_address(db):
    veenendaal = Municipality.objects.get(code=VEENENDAAL)
    assert veenendaal.website.startswith("https://") and "veenendaal.nl" in veenendaal.website
    assert veenendaal.email.endswith("@veenendaal.nl")
    assert veenendaal.mail_domain == "veenendaal.nl"
    assert "Veenendaal".upper() in veenendaal.visiting_address.upper()


def test_it_gives_the_mail_and_web_domains_of_a_municipality(db):
    assert services.mail_domains(Municipality.objects.get(code=VEENENDAAL)) == {"veenendaal.nl"}
    groningen = Municipality.objects.get(code="GM0014")
    assert services.mail_domains(groningen) == {"groningen.nl", "gemeente.groningen.nl"}


def test_it_leaves_out_an_email_field_that_holds_a_web_address(db):
    delft = Municipality.objects.get(code="GM0503")  # the source's "email" is https://www.delft.nl
    assert delft.email == "" and delft.website == "https://www.delft.nl"
    assert delft.mail_domain == "delft.nl"
    assert services.mail_domains(delft) == {"delft.nl"}


def test_it_answers_no_domains_when_nothing_is_known(db):
    veenendaal = Municipality.objects.get(code=VEENENDAAL)
    veenendaal.website = veenendaal.email = veenendaal.mail_domain = ""
    assert services.mail_domains(veenendaal) == set()


def test_it_writes_no_council_when_nothing_changed(db):
    with CaptureQueriesContext(connection) as queries:
        services.load_reference_data()
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "municipalities_council" in q["sql"]
    ]
    assert writes == []


def test_it_restores_a_changed_council_on_the_next_load(db):
    veenendaal = Council.objects.get(municipality__code=VEENENDAAL)
    veenendaal.seats.filter(party="SP").delete()
    veenendaal.seats.filter(party="SGP").update(seats=9)
    Council.objects.filter(pk=veenendaal.pk).update(total_seats=40)
    Municipality.objects.filter(code=VEENENDAAL).update(email="", mail_domain="")
    before = {c: s for c, s in services.council_compositions().items() if c != VEENENDAAL}

    services.load_reference_data()

    restored = services.council_composition(Municipality.objects.get(code=VEENENDAAL))
    assert restored.total_seats == 35 and restored.seats()["SP"] == 1 and restored.seats()["SGP"] == 6
    assert Municipality.objects.get(code=VEENENDAAL).mail_domain == "veenendaal.nl"
    assert {c: s for c, s in services.council_compositions().items() if c != VEENENDAAL} == before


def test_it_removes_a_council_the_source_no_longer_has(db, monkeypatch):
    read = services._read_organisations

    def without_veenendaals_council():
        records = read()
        records[VEENENDAAL] = {**records[VEENENDAAL], "council": None}
        return records

    monkeypatch.setattr(services, "_read_organisations", without_veenendaals_council)
    services.load_reference_data()
    assert not Council.objects.filter(municipality__code=VEENENDAAL).exists()
    assert Council.objects.count() == 341


def test_it_changes_nothing_when_the_data_is_broken(db, monkeypatch):
    read = services._read_organisations
    before = services.council_compositions()

    def broken():
        records = read()
        records[VEENENDAAL]["contact"] = {**records[VEENENDAAL]["contact"], "email": "raad@example.org"}
        records[VEENENDAAL]["council"] = {"total_seats": 1, "parties": [{"naam": "X", "aantal_zetels": 1}]}
        records[RHENEN]["council"]["parties"][0]["aantal_zetels"] = "veel"
        return records

    monkeypatch.setattr(services, "_read_organisations", broken)
    with pytest.raises(ValueError):
        services.load_reference_data()
    assert services.council_compositions() == before
    assert Municipality.objects.get(code=VEENENDAAL).email.endswith("@veenendaal.nl")  # written, rolled back
