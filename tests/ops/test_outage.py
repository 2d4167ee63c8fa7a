# SPDX-License-Identifier: EUPL-1.2
import logging
import sqlite3

import pytest
from django.db import OperationalError

from goedebuur.municipalities import views as municipality_views
from goedebuur.municipalities.api import MunicipalityViewSet
from tests.api.helpers import openapi

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


def test_the_503_problem_is_the_documented_problem_with_a_real_type(anonymous_client, monkeypatch):
    """It had `type: about:blank` and no `instance`, unlike every other error of the API."""
    monkeypatch.setattr(MunicipalityViewSet, "list", unreachable)
    body = anonymous_client.get("/api/v1/gemeenten?provincie=PV26").json()
    assert body == {
        "type": "https://developer.overheid.nl/kennisbank/apis/problem-details/503",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "The database is temporarily unavailable. Try again in a few seconds.",
        "instance": "/api/v1/gemeenten?provincie=PV26",
    }
    assert set(openapi()["components"]["schemas"]["Problem"]["required"]) <= set(body)


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


def test_the_log_names_the_real_cause_of_a_database_error(anonymous_client, monkeypatch, caplog):
    def locked(*args, **kwargs):
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError as error:
            raise OperationalError(*error.args) from error

    monkeypatch.setattr(MunicipalityViewSet, "list", locked)
    with caplog.at_level(logging.WARNING, logger="goedebuur.outage"):
        assert anonymous_client.get("/api/v1/gemeenten").status_code == 503
    (record,) = [r for r in caplog.records if r.name == "goedebuur.outage"]
    assert record.getMessage() == "database unavailable: sqlite3.OperationalError: database is locked"
    assert record.exc_info and record.exc_info[1].__cause__.args == ("database is locked",)
    assert record.path == "/api/v1/gemeenten"
