# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.maps.forms import MapFilterForm

from ..factories import RHENEN, VEENENDAAL, make_cooperation

pytestmark = pytest.mark.django_db


def test_it_gives_no_filters_for_an_empty_query():
    assert MapFilterForm({}).filters() == {
        "highlight": None,
        "domain": "",
        "status": "",
        "province": "",
        "measure": "ict",
    }


def test_it_turns_a_slug_into_the_live_cooperation():
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN))
    form = MapFilterForm({"samenwerking": f" {cooperation.slug} ", "domein": "werkplek", "provincie": "PV26"})
    assert form.filters() == {
        "highlight": cooperation,
        "domain": "werkplek",
        "status": "",
        "province": "PV26",
        "measure": "ict",
    }


def test_it_keeps_the_valid_filters_when_another_one_is_wrong():
    form = MapFilterForm({"domein": "werkplek", "status": "nooit"})
    assert form.filters()["domain"] == "werkplek"
    assert form.filters()["status"] == ""
    assert list(form.errors) == ["status"]


def test_it_offers_the_domains_provinces_and_live_cooperations():
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN), name="Zichtbaar in de keuzelijst")
    form = MapFilterForm({})
    assert ("werkplek", "Werkplek") in form.fields["domein"].choices
    assert ("PV26", "Utrecht") in form.fields["provincie"].choices
    assert (cooperation.slug, "Zichtbaar in de keuzelijst") in form.cooperation_choices


def test_it_counts_all_regelingen_on_request_and_explains_an_unknown_measure():
    assert MapFilterForm({"telling": "alle"}).filters()["measure"] == "alle"
    form = MapFilterForm({"telling": "veel"})
    assert form.filters()["measure"] == "ict"
    assert "De telling ‘veel’ bestaat niet" in form.errors["telling"][0]
