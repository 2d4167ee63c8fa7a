# SPDX-License-Identifier: EUPL-1.2
"""Request every route as every persona, GET and POST, each inside a rolled-back savepoint so that a
delete by one persona does not change what the next one sees."""

from django.db import transaction

from tests.conftest import CsrfClient

from .routes import all_routes, example_url
from .samples import build_samples

PERSONAS = ("anonymous", "reader_a", "editor_a", "editor_b", "admin")
METHODS = ("GET", "POST")


def observe(users: dict) -> tuple[dict[str, tuple[int, ...]], list[str]]:
    """{route: (GET status per persona..., POST status per persona...)} and the routes without a sample."""
    samples = build_samples(users["editor_a"])
    observed, unsampled = {}, []
    for route in all_routes():
        url = example_url(route, samples)
        if url is None:
            unsampled.append(route)
            continue
        statuses = []
        for method in METHODS:
            for persona in PERSONAS:
                # A fresh, logged-in client per request: a request may log out or switch the language.
                client = CsrfClient()
                client.raise_request_exception = False
                if users.get(persona) is not None:
                    client.force_login(users[persona])
                with transaction.atomic():
                    response = request(client, method, url)
                    transaction.set_rollback(True)
                statuses.append(response.status_code)
        observed[route] = tuple(statuses)
    return observed, unsampled


def request(client, method, url):
    if method == "GET":
        return client.get(url)
    if url.startswith("/api/"):
        return client.post(url, "{}", content_type="application/json")
    return client.post(url, {})
