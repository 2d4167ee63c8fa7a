# SPDX-License-Identifier: EUPL-1.2
"""The authorisation matrix: every page and API route (from the URL configuration) is requested with GET
and POST by every persona — anonymous, reader and editor of municipality A (Veenendaal), editor of B
(Utrecht), administrator — on the demo data, and must answer the status recorded in expectations.py.
A new route without a recorded expectation fails the first test.

To record a new route: RECORD_AUTHORIZATION=1 .venv/bin/python -m pytest tests/security -k matrix
writes test-results/authorization-observed.py; review every line (is this who may see and do it?)
and copy the reviewed lines into expectations.py."""

import os
import pprint
from pathlib import Path

import pytest

from tests.demo_data import load_all_demo

from .expectations import EXPECTED
from .matrix import METHODS, PERSONAS, observe
from .routes import all_routes

RECORD = os.environ.get("RECORD_AUTHORIZATION") == "1"
OBSERVED_FILE = Path(__file__).resolve().parents[2] / "test-results" / "authorization-observed.py"


def describe(statuses):
    half = len(PERSONAS)
    return " ".join(map(str, statuses[:half])) + " | " + " ".join(map(str, statuses[half:]))


def test_every_route_has_a_recorded_expectation():
    routes = all_routes()
    missing = [route for route in routes if route not in EXPECTED]
    stale = [route for route in EXPECTED if route not in routes]
    assert not missing, (
        "routes without an authorisation expectation (see this module's docstring):\n" + "\n".join(missing)
    )
    assert not stale, "expectations for routes that no longer exist:\n" + "\n".join(stale)


@pytest.mark.django_db
def test_every_persona_gets_exactly_what_is_recorded(reader_a, editor_a, editor_b, admin_user):
    load_all_demo()
    users = {
        "anonymous": None,
        "reader_a": reader_a,
        "editor_a": editor_a,
        "editor_b": editor_b,
        "admin": admin_user,
    }
    observed, unsampled = observe(users)
    assert not unsampled, "no sample value for a parameter of: " + ", ".join(unsampled)
    if RECORD:
        OBSERVED_FILE.parent.mkdir(exist_ok=True)
        table = {route: describe(statuses) for route, statuses in observed.items()}
        OBSERVED_FILE.write_text("EXPECTED = " + pprint.pformat(table, width=120) + "\n")
        pytest.skip(f"recorded to {OBSERVED_FILE}; review it and copy it into expectations.py")
    wrong = [
        f"{route}: expected {EXPECTED[route]}, got {describe(statuses)}"
        for route, statuses in observed.items()
        if route in EXPECTED and EXPECTED[route] != describe(statuses)
    ]
    header = f"({' '.join(PERSONAS)}) for {' | '.join(METHODS)}\n"
    assert not wrong, header + "\n".join(wrong)
