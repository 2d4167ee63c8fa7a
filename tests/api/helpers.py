# SPDX-License-Identifier: EUPL-1.2
"""Assertions shared by the API tests."""

from functools import cache
from pathlib import Path

import yaml

OPENAPI = Path(__file__).resolve().parents[2] / "openapi.yaml"


@cache
def openapi() -> dict:
    """The committed OpenAPI description (test_openapi_is_current.py keeps it in step with the code)."""
    return yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))


def api_root() -> str:
    """The URL of the API's one server (`/api/v1`): the paths in the description are relative to it."""
    return openapi()["servers"][0]["url"]


def documented_responses(method: str, path: str) -> dict:
    """The responses of an operation; `path` as in the description or with the server's URL before it."""
    path = path.removeprefix(api_root())
    return openapi()["paths"][path][method.lower()]["responses"]


def assert_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "instance"} <= set(body)
    return body


def invalid_names(response) -> set[str]:
    return {param["name"] for param in assert_problem(response, 400)["invalidParams"]}
