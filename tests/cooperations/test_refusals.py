# SPDX-License-Identifier: EUPL-1.2
"""The register's rules live in `services.validate`: the same bad entry sent through the page and
through the API is refused with the same Dutch sentences (the register has no CLI for entries); what the
GR-register decides stays as it says on both."""

import pytest
from rest_framework.test import APIClient

from goedebuur.cooperations.models import Cooperation

from ..api.helpers import assert_problem
from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, load_register
from .test_register_entry_pages import edit_data
from .test_views import _form_data


def _page_messages(response) -> dict[str, list[str]]:
    assert response.status_code == 400
    form, formset = response.context["form"], response.context["formset"]
    messages = {field: list(errors) for field, errors in form.errors.items()}
    if formset.member_errors:
        messages["members"] = list(formset.member_errors)
    return messages


def _api_messages(response) -> dict[str, list[str]]:
    messages = {}
    for param in assert_problem(response, 400)["invalidParams"]:
        messages.setdefault(param["name"], []).append(param["reason"])
    return messages


def _api_entry(members):
    return {
        "naam": "Samenwerking Veenendaal-Renswoude",
        "vorm": "samenwerkingsovereenkomst",
        "status": "intentie",
        "startdatum": "2026-01-01",
        "domeinen": ["werkplek"],
        "deelnemers": [{"gemeente": code} for code in members],
        "bronnen": [{"url": "https://example.org/bron"}],
    }


# case: (members, end date, the field on the page, the field in the API)
CASES = {
    "an end before the start": ((VEENENDAAL, RENSWOUDE), "2025-06-01", "end_date", "einddatum"),
    "without the editor's own municipality": ((RHENEN, UTRECHT), "", "members", "deelnemers"),
    "with one municipality twice": ((VEENENDAAL, VEENENDAAL), "", "members", "deelnemers"),
}


@pytest.mark.parametrize("case", CASES)
def test_it_refuses_the_same_bad_entry_alike_on_the_page_and_in_the_api(editor_a, editor_a_client, case):
    members, end_date, page_field, api_field = CASES[case]
    page_data = _form_data(members=members) | {"end_date": end_date}
    api_entry = _api_entry(members) | ({"einddatum": end_date} if end_date else {})
    page = _page_messages(editor_a_client.post("/samenwerkingen/nieuw", page_data))
    api_client = APIClient()
    api_client.force_authenticate(editor_a)
    api = _api_messages(api_client.post("/api/v1/samenwerkingen", api_entry, format="json"))
    assert page[page_field]
    assert page[page_field] == api[api_field]
    assert not Cooperation.objects.exists()


def test_the_registers_fields_stay_as_the_register_says_on_the_page_and_in_the_api(
    editor_a, editor_a_client, tmp_path
):
    """The same change to an entry from the GR-register: the page has no field for it and ignores it;
    the API refuses it, naming each field with the service's sentence. Nothing changes either way."""
    load_register(tmp_path)
    vallei = Cooperation.objects.get(roo_id="101")
    before = (vallei.name, vallei.status, vallei.end_date)
    change = {"name": "Andere naam", "status": "beeindigd", "end_date": "2026-01-01"}
    page_data = edit_data(vallei, **change)
    assert editor_a_client.post(f"{vallei.get_absolute_url()}/bewerken", page_data).status_code == 302
    vallei.refresh_from_db()
    assert (vallei.name, vallei.status, vallei.end_date) == before
    api_client = APIClient()
    api_client.force_authenticate(editor_a)
    response = api_client.patch(
        f"/api/v1/samenwerkingen/{vallei.slug}",
        {"naam": change["name"], "status": change["status"], "einddatum": change["end_date"]},
        format="json",
    )
    official = ["Dit gegeven komt uit het GR-register en kan hier niet worden gewijzigd."]
    assert _api_messages(response) == {"naam": official, "status": official, "einddatum": official}
    vallei.refresh_from_db()
    assert (vallei.name, vallei.status, vallei.end_date) == before
