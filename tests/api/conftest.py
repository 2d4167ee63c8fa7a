# SPDX-License-Identifier: EUPL-1.2
"""API clients per persona. `api_client` is anonymous; the others are authenticated as the
persona of tests/conftest.py (force_authenticate, so no CSRF; see test_auth.py for real tokens)."""

import pytest
from rest_framework.test import APIClient


def _client(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api_client(db):
    return _client()


@pytest.fixture
def reader_api(reader_a):
    return _client(reader_a)


@pytest.fixture
def editor_a_api(editor_a):
    return _client(editor_a)


@pytest.fixture
def editor_b_api(editor_b):
    return _client(editor_b)


@pytest.fixture
def admin_api(admin_user):
    return _client(admin_user)
