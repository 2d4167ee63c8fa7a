# SPDX-License-Identifier: EUPL-1.2
"""Every query parameter that `openapi.yaml` documents with a type, an enum, a range, a format or a
pattern is held to it: a value outside it answers 400 problem+json whose `invalidParams` names the
parameter, never a 200 that ignores it (`?fase=bestaatniet`, `?pageSize=abc`). The test loops over
every operation of the committed description, on the full demo data, as the platform administrator
with real records in the path (tests/api/demo_requests.py), so a new list or filter is covered the
day it is documented."""

from urllib.parse import urlencode

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from tests.api.demo_requests import real, real_path_parameters, token_headers
from tests.api.helpers import api_root, openapi
from tests.demo_data import load_all_demo

ADMIN = "beheerder"
NOT_A_NUMBER = "abc"


def bad_values(schema: dict) -> list[str]:
    """Values that break the documented schema of a query parameter (empty: any string will do)."""
    values = []
    kind = schema.get("type")
    if "enum" in schema:
        values.append("bestaatniet")
    if kind in ("integer", "number"):
        values.append(NOT_A_NUMBER)
        if kind == "integer":
            values.append("1.5")
        if "minimum" in schema:
            values.append(str(schema["minimum"] - 1))
        if "maximum" in schema:
            values.append(str(schema["maximum"] + 1))
    if kind == "boolean":
        values.append("misschien")
    if schema.get("format") == "date":
        values.extend(["2024-13-45", "gisteren"])
    if schema.get("format") == "date-time":
        values.append("2024-13-45T25:00:00Z")
    if "pattern" in schema and "enum" not in schema:
        values.append("!!")
    return values


def cases():
    for path, operations in openapi()["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                continue
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                for value in bad_values(parameter["schema"]):
                    yield pytest.param(
                        path, parameter["name"], value, id=f"{path}?{parameter['name']}={value}"
                    )


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The full demo data, loaded once for the module in a transaction that is rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_all_demo()
        yield real_path_parameters(), APIClient(headers=token_headers(ADMIN, "read"))
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_every_documented_query_parameter_is_checked():
    """The loop below must have something to loop over: the lists, the search and the computations."""
    names = {(case.values[0], case.values[1]) for case in cases()}
    assert ("/ervaringen", "fase") in names
    assert ("/samenwerkingen", "pageSize") in names
    assert ("/inkoopkansen", "horizon") in names
    assert len({path for path, _ in names}) >= 15


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name", "value"), list(cases()))
def test_a_query_value_outside_the_description_answers_400_naming_the_parameter(demo, path, name, value):
    parameters, client = demo
    url = api_root() + path.format(**real(path, parameters)) + "?" + urlencode({name: value})
    response = client.get(url)
    assert response.status_code == 400, (url, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    invalid = {param["name"] for param in response.json()["invalidParams"]}
    assert name in invalid, (url, response.json())
