# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.db import OperationalError
from django.db.migrations.executor import MigrationExecutor

from goedebuur.ops import health

pytestmark = pytest.mark.django_db


def test_health_answers_ok_when_the_database_is_reachable_and_migrated(anonymous_client):
    response = anonymous_client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] and body["checks"]["migrations"]["ok"]
    assert "no-cache" in response["Cache-Control"]


def test_ready_also_needs_the_reference_data(anonymous_client):
    body = anonymous_client.get("/ready").json()
    assert body["status"] == "ok"
    assert body["checks"]["referenceData"]["detail"] == "342 municipalities"


def test_health_is_503_problem_when_a_migration_is_pending(anonymous_client, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("app", False)])
    response = anonymous_client.get("/health")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "5"
    assert response.json()["checks"]["migrations"] == {"ok": False, "detail": "1 migration(s) not applied"}


def test_health_is_503_when_the_database_is_unreachable_and_skips_the_other_checks(
    anonymous_client, monkeypatch
):
    def unreachable():
        try:
            raise OperationalError("connection refused")
        except OperationalError as error:
            return False, f"database unreachable: {type(error).__name__}"

    monkeypatch.setattr(health, "_database", unreachable)
    body = anonymous_client.get("/health").json()
    assert (body["status"], body["title"]) == (503, "Service Unavailable")
    assert (
        body["type"] == "https://developer.overheid.nl/kennisbank/apis/problem-details/503"
    )  # not about:blank
    assert body["instance"] == "/health"
    assert body["checks"]["database"]["detail"] == "database unreachable: OperationalError"
    assert body["checks"]["migrations"]["detail"] == "skipped"


def test_ready_is_503_without_reference_data(anonymous_client, monkeypatch):
    monkeypatch.setattr(health, "_reference_data", lambda: (False, "no municipalities loaded"))
    assert anonymous_client.get("/ready").status_code == 503


def test_only_get_is_allowed(anonymous_client):
    assert anonymous_client.post("/health").status_code == 405
