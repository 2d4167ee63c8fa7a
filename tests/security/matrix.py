# SPDX-License-Identifier: EUPL-1.2
"""Request one route as every persona, GET and POST, each inside a rolled-back savepoint so that a
delete by one persona does not change what the next one sees."""

from django.db import transaction
from django.utils.crypto import get_random_string

from tests.conftest import CsrfClient

PERSONAS = ("anonymous", "reader_a", "editor_a", "editor_b", "admin")
METHODS = ("GET", "POST")
CSRF_SECRET = get_random_string(32)  # the unmasked form Django accepts in cookie and header alike


def observe(url: str, users: dict) -> tuple[int, ...]:
    """(GET status per persona..., POST status per persona...) for the example URL of one route."""
    statuses = []
    for method in METHODS:
        for persona in PERSONAS:
            # A fresh, logged-in client per request: a request may log out or switch the language.
            client = CsrfClient()
            client.raise_request_exception = False
            # A CSRF cookie of our own, so a POST need not fetch the login page for one first.
            client.cookies["csrftoken"] = CSRF_SECRET
            if users.get(persona) is not None:
                client.force_login(users[persona])
            with transaction.atomic():
                response = request(client, method, url)
                transaction.set_rollback(True)
            statuses.append(response.status_code)
    return tuple(statuses)


def request(client, method, url):
    if method == "GET":
        return client.get(url)
    if url.startswith("/api/"):
        return client.post(url, "{}", content_type="application/json")
    return client.post(url, {})
