# SPDX-License-Identifier: EUPL-1.2
"""Assertions shared by the API tests."""


def assert_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "instance"} <= set(body)
    return body


def invalid_names(response) -> set[str]:
    return {param["name"] for param in assert_problem(response, 400)["invalidParams"]}
