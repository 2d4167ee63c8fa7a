# SPDX-License-Identifier: EUPL-1.2
"""Loading the GR-register: versions as one entry, mergers, idempotency, updates that keep what
members added, and files that are refused without changing anything."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation, IctDomain, Membership, RegisterVersion
from goedebuur.history import services as history
from tests.factories import RHENEN, VEENENDAAL, gr_participant, gr_record, make_user, write_gr_file

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 5, 16)


def two_versions():
    """A regeling of three municipalities whose second version drops Rhenen and adds Renswoude."""
    return [
        gr_record(
            "100",
            "Gemeenschappelijke regeling ICT Vallei",
            [gr_participant(VEENENDAAL), gr_participant(RHENEN), gr_participant("GM0352")],
            valid_until="2024-07-01",
            next_id="101",
        ),
        gr_record(
            "101",
            "Gemeenschappelijke regeling ICT Vallei",
            [gr_participant(VEENENDAAL), gr_participant("GM0352"), gr_participant("GM0339", "2024-07-01")],
            valid_from="2024-07-01",
            previous="100",
        ),
    ]


def entry(roo_id="101"):
    return Cooperation.objects.get(register_versions__roo_id=roo_id)


def current_codes(cooperation):
    return sorted(m.municipality.code for m in cooperation.memberships.all() if m.left_on is None)


def test_a_chain_of_versions_is_one_entry_with_its_history(tmp_path):
    summary = services.import_register(write_gr_file(tmp_path, two_versions()), register_date=DAY)
    assert (summary.new, summary.regelingen) == (1, 1)
    cooperation = entry()
    assert cooperation.from_register and cooperation.roo_id == "101"
    assert list(cooperation.register_versions.values_list("roo_id", flat=True)) == ["100", "101"]
    assert current_codes(cooperation) == ["GM0339", "GM0345", "GM0352"]
    rhenen = cooperation.memberships.get(municipality__code=RHENEN)
    assert rhenen.left_on == dt.date(2024, 7, 1) and rhenen.official
    assert cooperation.form.code == "wgr-bedrijfsvoeringsorganisatie"
    assert cooperation.status == Cooperation.Status.ACTIEF and cooperation.register_date == DAY


def test_importing_twice_writes_nothing_the_second_time(tmp_path):
    path = write_gr_file(tmp_path, two_versions())
    services.import_register(path, register_date=DAY)
    records = history.versions(entry()).count()
    again = services.import_register(path, register_date=DAY)
    assert (again.new, again.changed, again.unchanged, again.writes) == (0, 0, 1, 0)
    assert history.versions(entry()).count() == records


def test_a_newer_export_records_joins_and_exits_and_keeps_what_members_added(tmp_path):
    services.import_register(write_gr_file(tmp_path, two_versions()[:1]), register_date=DAY)
    cooperation = Cooperation.objects.get(register_versions__roo_id="100")
    editor = make_user(VEENENDAAL)
    values = services.input_from(cooperation)
    values.domains = list(IctDomain.objects.filter(slug="werkplek"))
    values.shared_services = "Servicedesk en werkplekbeheer"
    for member in values.members:
        if member.municipality.code == VEENENDAAL:
            member.role = Membership.Role.GASTHEER
    services.save_cooperation(values, editor, instance=cooperation)

    summary = services.import_register(
        write_gr_file(tmp_path, two_versions(), "newer.jsonl"), register_date=DAY
    )

    assert (summary.new, summary.changed) == (0, 1)
    cooperation = entry()
    assert current_codes(cooperation) == ["GM0339", "GM0345", "GM0352"]
    assert list(cooperation.domains.values_list("slug", flat=True)) == ["werkplek"]
    assert cooperation.shared_services == "Servicedesk en werkplekbeheer"
    assert cooperation.memberships.get(municipality__code=VEENENDAAL).role == Membership.Role.GASTHEER
    note = history.versions(cooperation).first().note
    assert "toegetreden: Renswoude" in note and "uitgetreden: Rhenen" in note


def test_an_ended_regeling_is_marked_ended_in_the_history(tmp_path):
    services.import_register(write_gr_file(tmp_path, two_versions()), register_date=DAY)
    ended = two_versions()
    ended[1]["valid_until"] = "2026-01-01"
    summary = services.import_register(write_gr_file(tmp_path, ended, "ended.jsonl"), register_date=DAY)
    assert summary.ended == 1
    cooperation = entry()
    assert cooperation.status == Cooperation.Status.BEEINDIGD and cooperation.end_date == dt.date(2026, 1, 1)
    assert "regeling beëindigd" in history.versions(cooperation).first().note


def test_former_municipalities_are_mapped_to_their_successor_and_other_participants_kept(tmp_path):
    record = gr_record(
        "200",
        "Gemeenschappelijke regeling Belastingen Voorne",
        [
            gr_participant("GM0501"),
            gr_participant("GM0614"),
            gr_participant("GM1930"),
            gr_participant("Provincie Zuid-Holland"),
        ],
        form="OL",
        policy_areas=("belasting",),
    )
    summary = services.import_register(write_gr_file(tmp_path, [record]), register_date=DAY)
    cooperation = entry("200")
    voorne = cooperation.memberships.get(municipality__code="GM1992")
    assert sorted(f["code"] for f in voorne.former) == ["GM0501", "GM0614"]
    assert summary.mapped["GM0501"] == ("Brielle", "GM1992")
    assert [p["name"] for p in cooperation.official["other_participants"]] == ["Provincie Zuid-Holland"]
    assert current_codes(cooperation) == ["GM1930", "GM1992"]


def test_a_municipality_named_without_its_code_is_recognised_by_name(tmp_path):
    unnamed = {"naam": "Gemeente Binnenmaas", "roo_id": "1", "toetredings_datum": "2010-01-01"}
    belgian = {"naam": "Gemeente Assenede", "roo_id": "2", "toetredings_datum": "2010-01-01"}
    record = gr_record("300", "Regeling Hoeksche Waard", [gr_participant("GM1930"), unnamed, belgian])
    summary = services.import_register(write_gr_file(tmp_path, [record]), register_date=DAY)
    cooperation = entry("300")
    assert current_codes(cooperation) == ["GM1930", "GM1963"]
    assert summary.mapped["GM0585"] == ("Binnenmaas", "GM1963")
    assert [p["name"] for p in cooperation.official["other_participants"]] == ["Gemeente Assenede"]


def test_a_seed_entry_that_describes_a_regeling_is_linked_not_duplicated(tmp_path):
    services.load_seed_cooperations()
    seed = Cooperation.objects.get(slug="ict-noord-en-midden-limburg-ict-nml")
    sources_before = list(seed.sources.values_list("url", flat=True))
    services.import_register(register_date=DAY)
    linked = Cooperation.objects.get(pk=seed.pk)
    assert linked.from_register and linked.name.startswith("Gemeenschappelijke regeling ICT Noord- en Midden")
    assert list(linked.sources.values_list("url", flat=True)) == sources_before
    assert linked.domains_confirmed
    assert Cooperation.objects.filter(name__icontains="ICT Noord- en Midden-Limburg").count() == 1


def test_the_shipped_snapshot_gives_the_real_register_and_the_same_counts_twice():
    first = services.import_register()
    active = [
        c
        for c in services.register_entries().filter(status=Cooperation.Status.ACTIEF)
        if len({m.municipality_id for m in c.memberships.all() if m.left_on is None}) >= 2
    ]
    assert len(active) >= 400
    taking_part = {m.municipality_id for c in active for m in c.memberships.all() if m.left_on is None}
    assert len(taking_part) == 342
    wbw = Cooperation.objects.get(name="Gemeenschappelijke regeling ICT samenwerking West-Brabant-West")
    assert current_codes(wbw) == ["GM0716", "GM0777", "GM1674", "GM1709"]
    assert wbw.memberships.get(municipality__code="GM0748").left_on == dt.date(
        2022, 1, 1
    )  # Bergen op Zoom left in 2022
    assert wbw.register_versions.count() >= 4
    second = services.import_register()
    assert (second.regelingen, second.new, second.changed, second.writes) == (first.regelingen, 0, 0, 0)
    assert second.unchanged == first.regelingen


@pytest.mark.parametrize(
    "content, expected",
    [
        ("", "leeg"),
        ('{"type": "organisatie", "names": []}\n', "geen export"),
        ('<?xml version="1.0"?><rss><channel/></rss>', "geen export"),
        ('{"type": "gemeenschappelijke-regeling", "ident', "geen geldige JSON"),
    ],
)
def test_a_wrong_or_broken_file_is_refused_and_changes_nothing(tmp_path, content, expected):
    services.import_register(write_gr_file(tmp_path, two_versions()), register_date=DAY)
    before = (Cooperation.objects.count(), Membership.objects.count(), RegisterVersion.objects.count())
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        services.import_register(path, register_date=DAY)
    assert expected in " ".join(error.value.messages)
    assert (
        Cooperation.objects.count(),
        Membership.objects.count(),
        RegisterVersion.objects.count(),
    ) == before


def test_a_record_with_a_bad_date_or_a_participant_without_date_is_named(tmp_path):
    bad_date = two_versions()
    bad_date[1]["valid_from"] = "2024-13-45"
    without = two_versions()
    del without[1]["gr_meta"]["deelnemende_organisaties"][0]["toetredings_datum"]
    for records, words in ((bad_date, "geen geldige datum"), (without, "geen toetredingsdatum")):
        with pytest.raises(ValidationError) as error:
            services.import_register(write_gr_file(tmp_path, records, "x.jsonl"), register_date=DAY)
        assert words in error.value.messages[0] and "(101)" in error.value.messages[0]
    assert not Cooperation.objects.exists()


def test_a_dry_run_counts_and_changes_nothing(tmp_path):
    summary = services.import_register(
        write_gr_file(tmp_path, two_versions()), register_date=DAY, dry_run=True
    )
    assert summary.new == 1 and summary.dry_run
    assert not Cooperation.objects.exists()


def test_members_cannot_change_what_the_register_says(tmp_path):
    services.import_register(write_gr_file(tmp_path, two_versions()), register_date=DAY)
    cooperation = entry()
    editor = make_user(VEENENDAAL)
    values = services.input_from(cooperation)
    values.name = "Andere naam"
    values.members = values.members[:2]
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(values, editor, instance=cooperation)
    assert set(error.value.message_dict) == {"name", "members"}
    with pytest.raises(Exception, match="GR-register"):
        services.delete_cooperation(cooperation, editor)
