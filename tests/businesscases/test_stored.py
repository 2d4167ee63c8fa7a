# SPDX-License-Identifier: EUPL-1.2
"""The stored result of a case: computed when its inputs change (services, pages, restore), read by
every view and the report, and computed anew when it belongs to other inputs (the API: tests/api)."""

import pytest

from goedebuur.businesscases import services, stored
from goedebuur.businesscases.models import StoredResult
from goedebuur.core.businesscase import montecarlo
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN
from .factories import counting_simulations, current_fingerprint, make_case, stored_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(editor_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_case(editor_a)


@pytest.fixture
def simulations():
    with counting_simulations() as counted:
        yield counted


def test_the_json_gives_back_exactly_what_the_core_computed(case):
    computed = stored.compute(services.to_core(case), 500, 3)
    assert stored.from_json(stored.to_json(computed)) == computed


def test_a_change_through_the_services_stores_the_result_of_the_new_inputs(
    case, editor_a, django_capture_on_commit_callbacks
):
    assert stored_row(case).fingerprint == current_fingerprint(case)
    before = stored_row(case).data
    with django_capture_on_commit_callbacks(execute=True):
        services.save_allocation(case, editor_a, discount_rate=0.05)
    assert stored_row(case).fingerprint == current_fingerprint(case)
    assert stored_row(case).data != before


def test_an_edit_on_the_page_changes_the_stored_result(
    case, editor_a_client, django_capture_on_commit_callbacks
):
    before = stored_row(case).data["simulation"]["outcomes"]
    form = {}
    for code, row in case.baselines.items():
        form.update({f"{code}-eur": row["eur"], f"{code}-source": row["source"]})
        form[f"{code}-inhabitants"] = row["inhabitants"]
    form[f"{RHENEN}-eur"] = case.baselines[RHENEN]["eur"] * 3
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a_client.post(f"/businesscases/{case.pk}/stap/basislijn", form)
    assert response.status_code == 302
    assert stored_row(case).fingerprint == current_fingerprint(case)
    assert stored_row(case).data["simulation"]["outcomes"] != before


def test_viewing_twice_reads_the_stored_result_and_computes_nothing(case, editor_a_client, simulations):
    for _ in range(2):
        assert editor_a_client.get(f"/businesscases/{case.pk}").status_code == 200
    assert simulations.call_count == 0


def test_the_report_and_the_exports_read_the_stored_result(case, editor_a_client, simulations):
    for page in ("rapport", "rapport.pdf", "export.xlsx"):
        assert editor_a_client.get(f"/businesscases/{case.pk}/{page}").status_code in (200, 503), page
    assert simulations.call_count == 0


def test_a_stale_result_is_computed_anew_once_and_stored(case, editor_a_client, simulations):
    StoredResult.objects.filter(case=case).update(fingerprint="old inputs", data={"format": 0})
    for _ in range(2):
        assert editor_a_client.get(f"/businesscases/{case.pk}").status_code == 200
    assert simulations.call_count == 1
    assert stored_row(case).fingerprint == current_fingerprint(case)


def test_a_renamed_partner_is_never_shown_from_the_old_result(case, editor_a_client, simulations):
    Municipality.objects.filter(code=RHENEN).update(name="Rhenen-Nieuw")  # not through the case's services
    response = editor_a_client.get(f"/businesscases/{case.pk}")
    assert "Rhenen-Nieuw" in response.content.decode()
    assert simulations.call_count == 1
    assert stored_row(case).data["simulation"]["outcomes"][0]["name"] == "Rhenen-Nieuw"


def test_a_case_without_a_stored_result_computes_it_on_its_first_view(editor_a, editor_a_client, simulations):
    case = make_case(editor_a)  # the test's transaction is never committed: nothing was computed
    assert not StoredResult.objects.filter(case=case).exists()
    editor_a_client.get(f"/businesscases/{case.pk}")
    editor_a_client.get(f"/businesscases/{case.pk}")
    assert simulations.call_count == 1 and stored_row(case).fingerprint == current_fingerprint(case)


def test_a_restored_version_stores_the_result_of_its_inputs(
    case, editor_a, django_capture_on_commit_callbacks
):
    latest = max(services.versions(case.pk), key=lambda record: record.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.save_allocation(case, editor_a, seed=77)
        services.restore_version(case.pk, latest.pk, editor_a)
    assert stored_row(case).fingerprint == current_fingerprint(case)
    assert stored_row(case).data["simulation"]["seed"] == 1


def test_the_result_is_shown_in_the_language_of_the_reader(case):
    from django.utils import translation

    with translation.override("en"):
        english = services.compute(case).simulation.outcome(montecarlo.TOTAL).name
    dutch = services.compute(case).simulation.outcome(montecarlo.TOTAL).name
    assert dutch == "Alle gemeenten samen" and english != dutch
