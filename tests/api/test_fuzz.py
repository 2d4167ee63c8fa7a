# SPDX-License-Identifier: EUPL-1.2
"""Fuzz every operation of the committed `openapi.yaml` with schemathesis, in-process, on the full demo
data: no answer may be a 5xx, and every answer must match the description (status code, content type,
headers and body schema). `test_openapi_is_current.py` keeps the file in step with the code, so this
checks the code against its own contract.

Each example is sent anonymously with the generated path parameters (mostly 401/404), and as the
editor of Veenendaal (a write-scope API token created in the test) with the path parameters replaced
by real demo records of Veenendaal, so that reads and writes reach the views, serializers and
services. A GET goes out a third time, as the editor of Utrecht on the same records: who may see less
of them (no contract costs, 403) gets answers that must fit the description too. Every request runs
in a savepoint that is rolled back, so each example sees exactly the demo data.

FUZZ_EXAMPLES (default 15) bounds the generated examples per operation, FUZZ_SEED (default 20261122)
picks them; the same values give the same requests. docs/development.md, "Fuzzing the API"."""

import os
from pathlib import Path

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.demo_requests import EDITOR, OUTSIDER, real, real_path_parameters, token_headers
from tests.demo_data import load_all_demo

OPENAPI = Path(__file__).resolve().parents[2] / "openapi.yaml"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
SEED = int(os.environ.get("FUZZ_SEED", "20261122"))
COVERAGE = os.environ.get("FUZZ_COVERAGE", "") == "1"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_path(
    OPENAPI,
    config=schemathesis.Config.from_dict(
        {
            "seed": SEED,
            # The coverage phase adds about six times as many requests: on demand only.
            "phases": {"coverage": {"enabled": COVERAGE}, "stateful": {"enabled": False}},
            # Authorization is set per persona below, never generated.
            "generation": {"with-security-parameters": False, "database": "none"},
        }
    ),
)


# Django's WSGI handler, in-process on the test's database connection: the `demo` fixture keeps Django
# from closing "old" connections around each request (which would end the test transaction), as
# Django's test client does.
APP = WSGIHandler()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The full demo data, loaded once in a transaction that is rolled back after the module; each test
    (pytest-django's `db`) and each request (a savepoint) nests inside it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            load_all_demo()
            yield real_path_parameters(), token_headers(EDITOR), token_headers(OUTSIDER)
            transaction.set_rollback(True)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def send(case, headers=None):
    # Schemathesis's WSGI transport asks for gzip like `requests` does but does not decode it; the
    # compression itself is tested in tests/ops/test_compression.py.
    headers = {**(headers or {}), "Accept-Encoding": "identity"}
    with transaction.atomic():
        response = case.call(app=APP, headers=headers)
        transaction.set_rollback(True)
    case.validate_response(response, checks=CHECKS, headers=headers)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_conforms_to_openapi_yaml(case, demo):
    parameters, editor, outsider = demo
    send(case)
    if case.path_parameters:
        case.path_parameters = real(case.path, parameters)
    send(case, editor)
    if case.method == "GET":
        send(case, outsider)  # the same records read by who may see less of them (no costs, 403)


@pytest.mark.django_db
def test_methods_an_endpoint_does_not_have_are_refused_without_a_server_error(demo):
    """What schemathesis' coverage phase tries first (FUZZ_COVERAGE=1), for every path in a second:
    methods the description does not list, and OPTIONS (DRF describes the endpoint to who may use it)."""
    parameters, editor, _outsider = demo
    clients = {"anonymous": APIClient(), "editor": APIClient(headers=editor)}
    for path, operations in schema.raw_schema["paths"].items():
        url = schema.raw_schema["servers"][0]["url"] + path.format(**real(path, parameters))
        for method in sorted({"get", "put", "post", "patch", "delete", "trace"} - set(operations)):
            for persona, client in clients.items():
                with transaction.atomic():
                    response = getattr(client, method)(url)
                    transaction.set_rollback(True)
                assert response.status_code in (401, 403, 405), (method, url, persona, response.content)
                assert response["Content-Type"] == "application/problem+json", (method, url, persona)
        for persona, client in clients.items():
            response = client.options(url)
            assert response.status_code in (200, 401, 403), (url, persona, response.content)
