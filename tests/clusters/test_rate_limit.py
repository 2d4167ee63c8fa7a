# SPDX-License-Identifier: EUPL-1.2
"""Heavy computations anyone may ask for are limited per client address without login: 429 with
Retry-After, problem+json in the API and a Dutch page (issue 18, item 9; common/ratelimit.py)."""

import pytest
from rest_framework.test import APIClient

from goedebuur.common.ratelimit import HeavyAnonymousThrottle
from tests.api.helpers import openapi

pytestmark = pytest.mark.django_db

API = [
    ("get", "/api/v1/achtervang-koppels?maxKm=60", None),
    ("post", "/api/v1/clusters", {"gebied": "PV26"}),
]


@pytest.fixture
def three_a_minute(settings, monkeypatch):
    settings.ANONYMOUS_HEAVY_RATE = "3/min"
    # The clock stands still: a cold first computation on a loaded machine must not let the minute
    # pass before the fourth request (the window itself is DRF's, not tested here).
    monkeypatch.setattr(HeavyAnonymousThrottle, "timer", lambda self: 1_000_000.0)


@pytest.mark.parametrize("method, url, body", API)
def test_the_api_answers_429_problem_with_retry_after_when_the_limit_is_used_up(
    three_a_minute, method, url, body
):
    client = APIClient()
    answers = [getattr(client, method)(url, body, format="json") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[3]
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 429 and refused.json()["title"] == "Too Many Requests"
    assert 1 <= int(refused["Retry-After"]) <= 60
    other = APIClient(REMOTE_ADDR="192.0.2.99")  # another address has its own count
    assert getattr(other, method)(url, body, format="json").status_code != 429


@pytest.mark.parametrize("url", ["/clusters", "/achtervang-koppels"])
def test_a_page_answers_a_dutch_429_with_retry_after(client, three_a_minute, url):
    for _ in range(3):
        assert client.get(url).status_code == 200
    refused = client.get(url)
    assert refused.status_code == 429
    assert "Probeer het over" in refused.content.decode() and "seconden opnieuw" in refused.content.decode()
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_logged_in_users_are_not_limited(client, editor_a, three_a_minute):
    client.force_login(editor_a)
    assert all(client.get("/achtervang-koppels").status_code == 200 for _ in range(5))


def test_the_limited_operations_document_429():
    paths = openapi()["paths"]
    assert "429" in paths["/achtervang-koppels"]["get"]["responses"]
    assert "429" in paths["/clusters"]["post"]["responses"]
    assert "429" not in paths["/gemeenten"]["get"]["responses"]
