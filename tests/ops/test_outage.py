# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.db import OperationalError

from goedebuur.municipalities import views as municipality_views
from goedebuur.municipalities.api import MunicipalityViewSet

pytestmark = pytest.mark.django_db


def unreachable(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def test_an_api_call_during_a_database_outage_is_a_503_problem(anonymous_client, monkeypatch):
    monkeypatch.setattr(MunicipalityViewSet, "list", unreachable)
    response = anonymous_client.get("/api/v1/gemeenten")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "5"
    assert response.json()["status"] == 503


def test_a_page_during_a_database_outage_is_a_dutch_503_page(anonymous_client, monkeypatch):
    monkeypatch.setattr(municipality_views, "render", unreachable)
    response = anonymous_client.get("/gemeenten")
    assert response.status_code == 503
    assert "Even niet beschikbaar" in response.content.decode()


def test_other_errors_are_not_turned_into_a_503(anonymous_client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(MunicipalityViewSet, "list", broken)
    anonymous_client.raise_request_exception = False
    assert anonymous_client.get("/api/v1/gemeenten").status_code == 500
