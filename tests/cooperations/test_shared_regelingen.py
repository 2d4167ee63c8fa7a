# SPDX-License-Identifier: EUPL-1.2
"""Regelingen shared by two municipalities (`shared_regelingen`, the bulk form by pair, the ranked
partners) and a municipality's entries for its page (`entries_of`), on a small register loaded
through the GR-register import."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation
from goedebuur.core.register.network import partners_from_pairs
from goedebuur.municipalities.models import Municipality
from tests.factories import (
    RENSWOUDE,
    RHENEN,
    UTRECHT,
    VEENENDAAL,
    gr_participant,
    gr_record,
    make_cooperation,
    write_gr_file,
)

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 5, 16)
EDE, WAGENINGEN = "GM0228", "GM0289"
WASTE = {
    "purpose": "Inzameling en verwerking van huishoudelijk afval.",
    "policy_areas": ("natuur en milieu | afval",),
}


def small_register(tmp_path):
    """An ICT regeling of two (Veenendaal joined later), an afvalschap of four and an ended regeling."""
    records = [
        gr_record(
            "201",
            "Gemeenschappelijke regeling ICT Veenendaal-Rhenen",
            [gr_participant(RHENEN, "2012-01-01"), gr_participant(VEENENDAAL, "2016-03-01")],
        ),
        gr_record(
            "202",
            "Afvalschap Vallei",
            [gr_participant(c, "2001-01-01") for c in (VEENENDAAL, RHENEN, RENSWOUDE, EDE)],
            form="OL",
            **WASTE,
        ),
        gr_record(
            "203",
            "Afvalschap Oud",
            [gr_participant(VEENENDAAL), gr_participant(WAGENINGEN)],
            valid_until="2020-01-01",
            form="OL",
            **WASTE,
        ),
    ]
    services.import_register(write_gr_file(tmp_path, records), register_date=DAY)
    return {r: Cooperation.objects.get(roo_id=r) for r in ("201", "202", "203")}


def test_it_lists_the_current_regelingen_a_municipality_shares_with_each_partner(tmp_path):
    entries = small_register(tmp_path)
    shared = services.shared_regelingen(VEENENDAAL)
    assert set(shared) == {RHENEN, RENSWOUDE, EDE}  # not Wageningen: that regeling ended
    ict, waste = shared[RHENEN]  # the regeling of two first: it weighs most
    assert (ict.regeling, ict.since, ict.members) == (entries["201"], dt.date(2016, 3, 1), 2)
    assert (waste.regeling, waste.since, waste.members) == (entries["202"], dt.date(2001, 1, 1), 4)
    assert [s.regeling for s in shared[EDE]] == [entries["202"]]


def test_it_counts_only_ict_cooperations_on_request(tmp_path):
    small_register(tmp_path)
    assert set(services.shared_regelingen(VEENENDAAL, ict_only=True)) == {RHENEN}


def test_it_leaves_out_members_who_left_and_deleted_entries(tmp_path):
    small_register(tmp_path)
    left = make_cooperation(members=(VEENENDAAL, UTRECHT))
    left.memberships.filter(municipality__code=UTRECHT).update(left_on=dt.date(2024, 1, 1))
    deleted = make_cooperation(members=(VEENENDAAL, "GM0352"))
    services.delete_cooperation(deleted, user=None)
    shared = services.shared_regelingen(VEENENDAAL)
    assert UTRECHT not in shared and "GM0352" not in shared


def test_it_counts_platform_entries_too_dated_by_their_start(tmp_path):
    small_register(tmp_path)
    own = make_cooperation(members=(VEENENDAAL, UTRECHT), start_date=dt.date(2019, 6, 1))
    assert services.shared_regelingen(VEENENDAAL)[UTRECHT][0][:2] == (own, dt.date(2019, 6, 1))


def test_the_bulk_form_gives_every_pair_in_one_query(tmp_path):
    small_register(tmp_path)
    with CaptureQueriesContext(connection) as queries:
        pairs = services.shared_regelingen_by_pair()
    assert len(queries) == 1
    assert all(a < b for a, b in pairs) and len(pairs) == 6  # the four of the afvalschap
    for code in (VEENENDAAL, RHENEN, EDE):
        assert partners_from_pairs(code, pairs) == services.shared_regelingen(code)


def test_shared_regelingen_for_one_municipality_is_one_query(tmp_path):
    small_register(tmp_path)
    with CaptureQueriesContext(connection) as queries:
        services.shared_regelingen(VEENENDAAL)
    assert len(queries) == 1


def test_it_ranks_the_partner_of_a_small_regeling_first(tmp_path):
    small_register(tmp_path)
    partners = services.regeling_partners(VEENENDAAL)
    assert [p.code for p in partners] == [RHENEN, EDE, RENSWOUDE]  # 1 + 1/3; then 1/3 each, by code
    assert partners[0].count == 2


def test_a_municipality_page_lists_its_entries_active_first_ict_first(tmp_path):
    entries = small_register(tmp_path)
    own = make_cooperation(members=(VEENENDAAL, UTRECHT), name="Eigen DVO")
    result = services.entries_of(Municipality.objects.get(code=VEENENDAAL))
    assert [e.cooperation for e in result.ict] == [own, entries["201"]]  # by name
    assert [e.cooperation for e in result.other] == [entries["202"]]
    assert [e.cooperation for e in result.ended] == [entries["203"]]
    assert len(result) == 4
    ict = result.ict[1]
    assert ict.since_display == "1 maart 2016" and [m.code for m in ict.partners] == [RHENEN]
    waste = result.other[0]
    assert [m.name for m in waste.partners] == ["Ede", "Renswoude", "Rhenen"]
    assert not waste.ict and [d.slug for d in waste.cooperation.policy_domains.all()] == ["afval"]
    assert result.ended[0].until_display == "1 januari 2020"


def test_a_municipality_that_left_sees_the_entry_among_the_ended_ones(tmp_path):
    small_register(tmp_path)
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN, UTRECHT), name="Verlaten")
    cooperation.memberships.filter(municipality__code=UTRECHT).update(left_on=dt.date(2023, 2, 1))
    result = services.entries_of(Municipality.objects.get(code=UTRECHT))
    assert result.active == [] and [e.cooperation.name for e in result.ended] == ["Verlaten"]
    assert result.ended[0].until_display == "1 februari 2023"
    assert {m.code for m in result.ended[0].partners} == {VEENENDAAL, RHENEN}


def test_entries_take_a_fixed_number_of_queries(tmp_path):
    small_register(tmp_path)
    veenendaal = Municipality.objects.get(code=VEENENDAAL)
    with CaptureQueriesContext(connection) as few:
        result = services.entries_of(veenendaal)
        [
            (e.ict, [m.name for m in e.partners], list(e.cooperation.policy_domains.all()))
            for e in result.ended
        ]
    for n in range(4):
        make_cooperation(members=(VEENENDAAL, RHENEN, UTRECHT), name=f"Meer {n}")
    with CaptureQueriesContext(connection) as more:
        result = services.entries_of(veenendaal)
        [
            (e.ict, [m.name for m in e.partners], list(e.cooperation.policy_domains.all()))
            for e in result.active
        ]
    assert len(more) == len(few) <= 5
