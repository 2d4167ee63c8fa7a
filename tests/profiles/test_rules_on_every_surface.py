# SPDX-License-Identifier: EUPL-1.2
"""The rules of profiles and applications live in the services: the same bad input through the
page and the API gets the same Dutch refusal, and nothing is saved. (The profile rules do not
apply to the landscape import, which holds no profile.)"""

import pytest
from rest_framework.test import APIClient

from goedebuur.profiles.models import Application, Profile

from ..api.helpers import assert_problem
from ..factories import make_cooperation

PAGE = "/gemeenten/GM0345/profiel/bewerken"
API = "/api/v1/gemeenten/GM0345/profiel"
NO_YEAR = "Vul het peiljaar van het aantal inwoners in."
NO_SPEND_YEAR = "Vul het jaar van de ICT-uitgaven in."
NOT_OWN = "Deel contracten alleen met samenwerkingsverbanden waarin de gemeente deelneemt."
END_BEFORE_START = "De einddatum ligt vóór de startdatum."


@pytest.fixture
def editor_a_api(editor_a):
    client = APIClient()
    client.force_authenticate(editor_a)
    return client


def _api_reasons(response) -> dict[str, str]:
    return {p["name"]: p["reason"] for p in assert_problem(response, 400)["invalidParams"]}


def _page_refuses(client, data, message):
    response = client.post(PAGE, data)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("page_data", "api_data", "api_name", "message"),
    [
        ({"inhabitants": "67000"}, {"inwoners": 67000}, "inwonersPeiljaar", NO_YEAR),
        ({"ict_spend_eur": "6500000"}, {"ictUitgavenEur": 6500000}, "ictUitgavenJaar", NO_SPEND_YEAR),
    ],
)
def test_it_refuses_a_count_without_its_year_on_page_and_api_alike(
    editor_a_client, editor_a_api, veenendaal, page_data, api_data, api_name, message
):
    _page_refuses(editor_a_client, page_data, message)
    assert _api_reasons(editor_a_api.put(API, api_data, format="json")) == {api_name: message}
    assert not Profile.objects.filter(municipality=veenendaal).exists()


def test_it_refuses_to_share_contracts_with_a_foreign_cooperation_on_page_and_api_alike(
    editor_a_client, editor_a_api, veenendaal
):
    foreign = make_cooperation(members=("GM0344", "GM0340"), name="Zonder Veenendaal")
    _page_refuses(editor_a_client, {"share_contracts_with": [str(foreign.pk)]}, NOT_OWN)
    response = editor_a_api.put(API, {"contractenDelenMet": [foreign.slug]}, format="json")
    assert _api_reasons(response) == {"contractenDelenMet": NOT_OWN}
    assert not Profile.objects.filter(municipality=veenendaal).exists()


def test_the_page_offers_only_the_own_cooperations_for_sharing(editor_a_client, veenendaal):
    own = make_cooperation(members=("GM0345", "GM0340"), name="Met Veenendaal")
    make_cooperation(members=("GM0344", "GM0340"), name="Zonder Veenendaal")
    body = editor_a_client.get(PAGE).content.decode()
    assert "Met Veenendaal" in body and "Zonder Veenendaal" not in body
    response = editor_a_client.post(PAGE, {"share_contracts_with": [str(own.pk)]})
    assert response.status_code == 302
    assert list(Profile.objects.get(municipality=veenendaal).share_contracts_with.all()) == [own]


def test_it_refuses_a_contract_that_ends_before_it_starts_on_page_and_api_alike(
    editor_a_client, editor_a_api, veenendaal
):
    # (the import file is refused earlier, by the file check of core.landscape, naming its columns)
    from goedebuur.gemma.services import ReferenceComponent

    component = ReferenceComponent.objects.get(name="Zaakregistratiecomponent")
    page = editor_a_client.post(
        "/gemeenten/GM0345/landschap/nieuw",
        {
            "supplier": "Decos",
            "product": "Djuma",
            "components": [str(component.pk)],
            "hosting": "saas",
            "start_date": "2026-01-01",
            "end_date": "2025-01-01",
        },
    )
    assert page.status_code == 400 and END_BEFORE_START in page.content.decode()
    api = editor_a_api.post(
        "/api/v1/gemeenten/GM0345/applicaties",
        {
            "leverancier": "Decos",
            "product": "Djuma",
            "componenten": ["Zaakregistratiecomponent"],
            "hosting": "saas",
            "contract": {"startdatum": "2026-01-01", "einddatum": "2025-01-01"},
        },
        format="json",
    )
    assert _api_reasons(api) == {"contract.einddatum": END_BEFORE_START}
    assert not Application.objects.filter(municipality=veenendaal).exists()
