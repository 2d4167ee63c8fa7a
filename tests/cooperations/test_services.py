# SPDX-License-Identifier: EUPL-1.2
import dataclasses
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation
from goedebuur.history.models import ChangeRecord

from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, cooperation_input, make_cooperation


def test_it_records_who_created_a_cooperation(editor_a):
    cooperation = make_cooperation(user=editor_a)
    record = services.versions(cooperation).get()
    assert record.action == "create" and record.user == editor_a
    assert record.snapshot["members"][0]["municipality"] in {VEENENDAAL, RHENEN}


def test_it_records_field_level_changes_on_update(editor_a):
    cooperation = make_cooperation(user=editor_a, name="Oud")
    services.save_cooperation(cooperation_input(name="Nieuw"), editor_a, instance=cooperation)
    latest = services.versions(cooperation).first()
    assert latest.action == "update"
    assert {"field": "name", "old": "Oud", "new": "Nieuw"} in latest.changes


def test_it_restores_an_earlier_version_with_members_and_domains(editor_a):
    cooperation = make_cooperation(user=editor_a, name="Eerste", domains=("werkplek",))
    first = services.versions(cooperation).get()
    services.save_cooperation(
        cooperation_input(name="Tweede", members=(VEENENDAAL, RHENEN, RENSWOUDE), domains=("inkoop",)),
        editor_a,
        instance=cooperation,
    )
    services.restore_version(cooperation, first.pk, editor_a)
    cooperation.refresh_from_db()
    assert cooperation.name == "Eerste"
    assert [d.slug for d in cooperation.domains.all()] == ["werkplek"]
    assert sorted(m.municipality.code for m in cooperation.memberships.all()) == sorted([VEENENDAAL, RHENEN])
    assert services.versions(cooperation).first().action == "restore"


def test_it_soft_deletes_and_a_restore_brings_the_entry_back(editor_a):
    cooperation = make_cooperation(user=editor_a)
    first = services.versions(cooperation).get()
    services.delete_cooperation(cooperation, editor_a)
    assert services.get_live(cooperation.slug) is None
    assert Cooperation.objects.filter(pk=cooperation.pk).exists()
    services.restore_version(cooperation, first.pk, editor_a)
    assert services.get_live(cooperation.slug) is not None


def test_it_requires_two_distinct_members(editor_a):
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(cooperation_input(members=(VEENENDAAL, VEENENDAAL)), editor_a)
    assert "members" in error.value.message_dict
    assert not ChangeRecord.objects.exists()


def test_it_requires_the_editors_own_municipality_as_current_member(editor_a):
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(cooperation_input(members=(RHENEN, UTRECHT)), editor_a)
    assert "Veenendaal" in " ".join(error.value.message_dict["members"])
    assert not Cooperation.objects.exists()


def test_it_lets_an_administrator_register_any_cooperation(admin_user):
    cooperation = services.save_cooperation(cooperation_input(members=(RHENEN, UTRECHT)), admin_user)
    assert cooperation.pk


def test_it_rejects_an_end_date_before_the_start_date(editor_a):
    values = cooperation_input(start_date=dt.date(2024, 1, 1), end_date=dt.date(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(values, editor_a)
    assert "end_date" in error.value.message_dict


def test_it_avoids_slugs_that_clash_with_pages(admin_user):
    cooperation = services.save_cooperation(cooperation_input(name="Nieuw"), admin_user)
    assert cooperation.slug != "nieuw"


def test_it_loads_the_nine_seed_cooperations_once_with_their_sources(db):
    assert services.load_seed_cooperations() == 9
    assert services.load_seed_cooperations() == 0
    rhenen_veenendaal = Cooperation.objects.get(slug="ict-samenwerking-rhenen-veenendaal")
    assert sorted(m.municipality.code for m in rhenen_veenendaal.memberships.all()) == [RHENEN, VEENENDAAL]
    assert rhenen_veenendaal.sources.first().url.startswith("https://www.regioinbedrijf.nl/")
    nml = Cooperation.objects.get(name__startswith="ICT Noord- en Midden-Limburg")
    assert nml.start_display == "2018"


def test_it_parses_sources_with_notes_and_plain_descriptions():
    sources = services.parse_sources("https://a.example/x (toelichting) ; repo open-formulieren/open-forms")
    assert sources[0].url == "https://a.example/x" and sources[0].description == "toelichting"
    assert sources[1].url == "" and sources[1].description.startswith("repo")


def test_it_requires_a_form_and_a_known_status(editor_a):
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(dataclasses.replace(cooperation_input(status="bezig"), form=None), editor_a)
    assert {"form", "status"} <= set(error.value.message_dict)
    assert not Cooperation.objects.exists()


def test_it_refuses_a_source_that_is_not_a_web_address(editor_a):
    values = cooperation_input(sources=[services.SourceInput(url="https://")])
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(values, editor_a)
    assert error.value.message_dict["sources"] == ["'https://' is geen geldig webadres."]


def test_it_refuses_a_name_longer_than_the_register_stores(editor_a):
    with pytest.raises(ValidationError) as error:
        services.save_cooperation(cooperation_input(name="x" * 201), editor_a)
    assert "name" in error.value.message_dict


def test_it_lets_only_editors_and_administrators_add_an_entry(reader_a):
    with pytest.raises(PermissionDenied):
        services.save_cooperation(cooperation_input(), reader_a)


def test_it_lets_only_editors_of_a_current_member_change_delete_or_restore(editor_a, editor_b):
    cooperation = make_cooperation(user=editor_a)
    first = services.versions(cooperation).get()
    with pytest.raises(PermissionDenied):
        services.save_cooperation(cooperation_input(name="Overgenomen"), editor_b, instance=cooperation)
    with pytest.raises(PermissionDenied):
        services.delete_cooperation(cooperation, editor_b)
    with pytest.raises(PermissionDenied):
        services.restore_version(cooperation, first.pk, editor_b)
    assert services.versions(cooperation).count() == 1
