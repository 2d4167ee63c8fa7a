# SPDX-License-Identifier: EUPL-1.2
"""The matrix service on a small GR-register: ICT columns, context columns, filters and its
fixed number of queries."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation, PolicyDomain
from goedebuur.matrix import services
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
WASTE = {
    "purpose": "Inzameling en verwerking van huishoudelijk afval.",
    "policy_areas": ("natuur en milieu | afval",),
}


def small_register(tmp_path):
    records = [
        gr_record(
            "301",
            "Gemeenschappelijke regeling ICT Vallei",
            [gr_participant(VEENENDAAL), gr_participant(RHENEN)],
        ),
        gr_record(
            "302",
            "Afvalschap Vallei",
            [gr_participant(c) for c in (VEENENDAAL, RHENEN, RENSWOUDE)],
            form="OL",
            **WASTE,
        ),
    ]
    cooperations.import_register(write_gr_file(tmp_path, records), register_date=DAY)
    return Cooperation.objects.get(roo_id="301"), Cooperation.objects.get(roo_id="302")


def test_the_ict_domains_are_the_columns_by_default(tmp_path):
    ict, waste = small_register(tmp_path)
    result = services.register_matrix(province="PV26")
    assert [c.kind for c in result.domains] == ["ict"] * 9
    assert result.matrix.cell(VEENENDAAL, "infrastructuur-beheer") == [ict.slug]
    assert waste.slug not in result.cooperations
    assert result.register_date == DAY


def test_the_other_policy_domains_are_context_columns_on_request(tmp_path):
    ict, waste = small_register(tmp_path)
    result = services.register_matrix(province="PV26", context=True)
    assert len(result.ict_domains) == 9 and len(result.context_domains) == PolicyDomain.objects.count()
    assert result.domains[:9] == result.ict_domains  # ICT first
    assert result.matrix.cell(RENSWOUDE, "afval") == [waste.slug]
    rows = {row.municipality.code: row for row in result.rows()}
    assert (rows[VEENENDAAL].total, rows[VEENENDAAL].ict_total) == (2, 1)
    assert (rows[RENSWOUDE].total, rows[RENSWOUDE].ict_total) == (1, 0)


def test_the_ict_and_policy_slugs_never_collide():
    ict = {c.slug for c in services.ict_columns()}
    policy = {c.slug for c in services.context_columns()}
    assert ict and policy and not ict & policy


def test_a_domain_filter_keeps_one_column_of_either_kind(tmp_path):
    _ict, waste = small_register(tmp_path)
    result = services.register_matrix(domain="afval", only_with_cooperations=True)
    assert [c.slug for c in result.domains] == ["afval"]
    assert [m.code for m in result.municipalities] == [RENSWOUDE, RHENEN, VEENENDAAL]
    assert list(result.cooperations) == [waste.slug]
    assert [c.slug for c in services.register_matrix(domain="werkplek").domains] == ["werkplek"]


def test_a_form_filter_counts_only_cooperations_of_that_form(tmp_path):
    ict, _waste = small_register(tmp_path)
    result = services.register_matrix(
        form="wgr-bedrijfsvoeringsorganisatie", context=True, only_with_cooperations=True
    )
    assert list(result.cooperations) == [ict.slug]
    assert {m.code for m in result.municipalities} == {VEENENDAAL, RHENEN}


def test_it_refuses_an_unknown_domain_or_form():
    with pytest.raises(ValidationError) as error:
        services.register_matrix(domain="tuinieren")
    assert "Het domein ‘tuinieren’ bestaat niet." in error.value.message_dict["domain"]
    with pytest.raises(ValidationError) as error:
        services.register_matrix(form="vriendschap")
    assert "vriendschap" in error.value.message_dict["form"][0]


def test_ended_cooperations_and_members_who_left_do_not_count(tmp_path):
    small_register(tmp_path)
    left = make_cooperation(members=(VEENENDAAL, UTRECHT), domains=("werkplek",))
    left.memberships.filter(municipality__code=UTRECHT).update(left_on=dt.date(2024, 1, 1))
    ended = make_cooperation(members=(VEENENDAAL, UTRECHT), domains=("werkplek",))
    Cooperation.objects.filter(pk=ended.pk).update(status=Cooperation.Status.BEEINDIGD)
    result = services.register_matrix(province="PV26")
    assert result.matrix.cell(UTRECHT, "werkplek") == []
    assert result.matrix.cell(VEENENDAAL, "werkplek") == [left.slug]


def test_the_whole_matrix_takes_the_same_few_queries_whatever_its_size(tmp_path):
    small_register(tmp_path)
    with CaptureQueriesContext(connection) as few:
        list(services.register_matrix(context=True).rows())
    for n in range(5):
        make_cooperation(
            members=(VEENENDAAL, UTRECHT, RHENEN), domains=("werkplek", "inkoop"), name=f"Extra {n}"
        )
    with CaptureQueriesContext(connection) as more:
        result = services.register_matrix(context=True)
        rows = list(result.rows())
    assert len(rows) == 342 and len(result.domains) == 24
    assert len(more) == len(few) <= 8
