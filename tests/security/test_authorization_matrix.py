# SPDX-License-Identifier: EUPL-1.2
"""The authorisation matrix: every page and API route (from the URL configuration) is requested with GET
and POST by every persona — anonymous, reader and editor of municipality A (Veenendaal), editor of B
(Utrecht), administrator — on the demo data, and must answer the status recorded in expectations.py.
One test per route, so a failure names the route (and pytest-xdist can spread the routes over workers).
A new route without a recorded expectation fails the first test and its own.

To record a new route: RECORD_AUTHORIZATION=1 .venv/bin/python -m pytest tests/security -k matrix
(in one process, without `-n`) writes test-results/authorization-observed.py; review every line (is
this who may see and do it?) and copy the reviewed lines into expectations.py."""

import os
import pprint
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from goedebuur.accounts.models import User
from tests.demo_data import load_all_demo
from tests.factories import UTRECHT, VEENENDAAL, make_user

from .expectations import EXPECTED
from .matrix import METHODS, PERSONAS, observe
from .routes import CATCH_ALL, all_routes, example_url
from .samples import build_samples

RECORD = os.environ.get("RECORD_AUTHORIZATION") == "1"
OBSERVED_FILE = Path(__file__).resolve().parents[2] / "test-results" / "authorization-observed.py"
HEADER = f"({' '.join(PERSONAS)}) for {' | '.join(METHODS)}"
ROUTES = all_routes()


def describe(statuses):
    half = len(PERSONAS)
    return " ".join(map(str, statuses[:half])) + " | " + " ".join(map(str, statuses[half:]))


def route_id(route):
    """The route as a path, without the regex anchors of the API router (and no brackets, for -k)."""
    return "/api/v1/(catch-all)" if route == CATCH_ALL else "/" + route.replace("^", "").replace("$", "")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The personas, the demo data and the sample values, loaded once per module (once per xdist worker
    that runs routes of it) inside a transaction rolled back after the module's last test, so the
    tests after it find the database as tests/conftest.py left it. Each route's test runs in a
    savepoint inside it (pytest-django's `django_db`), each request in a savepoint of its own."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=fast), transaction.atomic():
        users = {
            "anonymous": None,
            "reader_a": make_user(VEENENDAAL, User.Role.READER, username="reader-a"),
            "editor_a": make_user(VEENENDAAL, User.Role.EDITOR, username="editor-a"),
            "editor_b": make_user(UTRECHT, User.Role.EDITOR, username="editor-b"),
            "admin": make_user(None, admin=True, username="admin"),
        }
        load_all_demo()
        samples = build_samples(users["editor_a"])
        yield users, samples
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def recorded():
    """{route: observed statuses}; written to OBSERVED_FILE after the module when recording."""
    table = {}
    yield table
    if RECORD and table:
        OBSERVED_FILE.parent.mkdir(exist_ok=True)
        OBSERVED_FILE.write_text(
            "EXPECTED = " + pprint.pformat(dict(sorted(table.items())), width=120) + "\n"
        )


def test_every_route_has_a_recorded_expectation():
    missing = [route for route in ROUTES if route not in EXPECTED]
    stale = [route for route in EXPECTED if route not in ROUTES]
    assert not missing, (
        "routes without an authorisation expectation (see this module's docstring):\n" + "\n".join(missing)
    )
    assert not stale, "expectations for routes that no longer exist:\n" + "\n".join(stale)


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=route_id)
def test_every_persona_gets_exactly_what_is_recorded(route, world, recorded):
    users, samples = world
    url = example_url(route, samples)
    assert url is not None, f"no sample value for a parameter of {route} (add one to samples.py)"
    observed = describe(observe(url, users))
    if RECORD:
        recorded[route] = observed
        pytest.skip(f"recorded to {OBSERVED_FILE}; review it and copy it into expectations.py")
    assert route in EXPECTED, f"{route} has no recorded expectation (see this module's docstring)"
    assert observed == EXPECTED[route], (
        f"{route} as {url}: {HEADER}\nexpected {EXPECTED[route]}\ngot      {observed}"
    )
