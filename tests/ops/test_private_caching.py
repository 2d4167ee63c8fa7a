# SPDX-License-Identifier: EUPL-1.2
"""Every answer to a logged-in user, page, export or API, is `Cache-Control: private, no-store`; public
answers to anonymous visitors stay cacheable (issue 18, item 9; ops/security.py)."""

import pytest
from rest_framework.test import APIClient

from goedebuur.accounts.tokens import create_token
from tests.fallback.factories import make_agreement

pytestmark = pytest.mark.django_db

PRIVATE = [
    "/mijn-overzicht",
    "/gemeenten",
    "/gemeenten/GM0345/profiel",
    "/gemeenten/GM0345/landschap",
    "/gemeenten/GM0345/landschap.csv",
    "/gemeenten/GM0345/landschap.xlsx",
    "/matrix.csv",
    "/matrix.xlsx",
    "/inkoopkansen.csv",
    "/businesscases",
    "/achtervang",
    "/api/v1/gemeenten",
    "/api/v1/gemeenten/GM0345/profiel",
    "/api/v1/gemeenten/GM0345/applicaties/export",
    "/api/v1/businesscases",
]


def assert_private(response):
    assert response.status_code == 200, response.status_code
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, response.get("Cache-Control")


@pytest.mark.parametrize("url", PRIVATE)
def test_every_answer_to_a_logged_in_user_is_private_and_not_stored(client, editor_a, url):
    client.force_login(editor_a)
    assert_private(client.get(url))


def test_the_continuity_plan_and_the_calendar_feed_are_private(client, editor_a):
    agreement = make_agreement(user=editor_a)
    client.force_login(editor_a)
    assert_private(client.get(f"/achtervang/{agreement.pk}/continuiteitsplan.docx"))
    client.logout()  # a calendar app: no login, the key in the address
    assert_private(client.get(f"/achtervang/{agreement.pk}/agenda.ics?sleutel={agreement.calendar_token}"))


@pytest.mark.parametrize(
    "url", ["/api/v1/gemeenten", "/api/v1/gemeenten/GM0345/profiel", "/api/v1/achtervangafspraken"]
)
def test_an_api_answer_to_a_token_is_private_and_not_stored(editor_a, url):
    _, key = create_token(editor_a, "script", "read")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert_private(client.get(url))


@pytest.mark.parametrize("url", ["/gemeenten", "/matrix.csv", "/api/v1/gemeenten"])
def test_public_answers_to_anonymous_visitors_stay_cacheable(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
