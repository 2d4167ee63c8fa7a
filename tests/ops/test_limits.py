# SPDX-License-Identifier: EUPL-1.2
"""An over-long URL is refused by the application itself with 414 (goedebuur.ops.limits): problem+json
under /api/, a Dutch page elsewhere; gunicorn's own limit (an HTML page) lies beyond it."""

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from tests.api.helpers import assert_problem, documented_responses, openapi

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_client():
    return APIClient()


def padded(path: str, length: int) -> str:
    """`path` with a query string that makes the URL exactly `length` characters long."""
    prefix = f"{path}?zoek="
    return prefix + "a" * (length - len(prefix))


def test_an_api_url_over_the_limit_is_a_414_problem(api_client):
    url = padded("/api/v1/gemeenten", settings.MAX_URL_LENGTH + 1)
    body = assert_problem(api_client.get(url), 414)
    assert body["type"] == "https://developer.overheid.nl/kennisbank/apis/problem-details/414"
    assert body["title"] == "URI Too Long" and body["instance"] == "/api/v1/gemeenten"
    assert str(settings.MAX_URL_LENGTH) in body["detail"]


def test_a_url_at_the_limit_is_served(api_client):
    assert api_client.get(padded("/api/v1/gemeenten", settings.MAX_URL_LENGTH)).status_code == 200


def test_the_answer_carries_the_api_version_and_does_not_echo_a_long_path(api_client):
    response = api_client.post("/api/v1/" + "x" * settings.MAX_URL_LENGTH, {}, format="json")
    body = assert_problem(response, 414)
    assert response["API-Version"] == settings.API_VERSION
    assert len(body["instance"]) < 300


def test_a_page_url_over_the_limit_is_a_dutch_414_page(anonymous_client):
    response = anonymous_client.get(padded("/gemeenten", settings.MAX_URL_LENGTH + 1))
    assert response.status_code == 414
    assert "Adres te lang" in response.content.decode()


def test_every_operation_documents_414_and_503_as_problem_json():
    responses = openapi()["components"]["responses"]
    for name in ("UriTooLong", "ServiceUnavailable"):
        assert list(responses[name]["content"]) == ["application/problem+json"]
    assert "Retry-After" in responses["ServiceUnavailable"]["headers"]
    for path, operations in openapi()["paths"].items():
        for method in operations:
            documented = documented_responses(method, path)
            assert documented["414"] == {"$ref": "#/components/responses/UriTooLong"}, (method, path)
            assert documented["503"] == {"$ref": "#/components/responses/ServiceUnavailable"}, (method, path)
