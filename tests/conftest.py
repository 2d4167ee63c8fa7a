# SPDX-License-Identifier: EUPL-1.2
"""Shared test setup: reference data loaded once per test database, personas, a CSRF-enforcing client."""

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from goedebuur.accounts.models import User

from .factories import UTRECHT, VEENENDAAL, make_user

# Speed is measured in bench/, not in tests: no per-example time limit (a busy CI machine made it flaky).
# The number of examples is Hypothesis' default (100) unless a property bounds it with
# @settings(max_examples=...): the slow ones do (see docs/development.md, "Test suite").
hypothesis_settings.register_profile("goedebuur", deadline=None)
hypothesis_settings.load_profile("goedebuur")


def load_session_data():
    """The real reference data (342 municipalities, regions, GEMMA, domains, forms)."""
    from goedebuur.cooperations.services import load_managed_lists
    from goedebuur.gemma.services import load_gemma
    from goedebuur.municipalities.services import load_reference_data

    load_reference_data()
    load_gemma()
    load_managed_lists()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data once per test database."""
    with django_db_blocker.unblock():
        load_session_data()


def _flushes_the_database(item) -> bool:
    """A transactional test (the migration tests, the browser journeys) ends with Django's flush:
    every table emptied, the session's reference data too."""
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    fixtures = getattr(item, "fixturenames", ())
    return transactional or "transactional_db" in fixtures or "live_server" in fixtures


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Reload the reference data after a test that flushed it. Without workers pytest-django runs
    transactional tests after the others, but a pytest-xdist worker may be handed ordinary tests after
    one (work stealing), and those need the data. (An xdist worker holds its last test back until it
    knows whether more come, so `nextitem` is None only for the very last test: then the test
    database is already gone.)"""
    yield
    if nextitem is None or item.get_closest_marker("e2e") or not _flushes_the_database(item):
        return  # the journeys load what they need themselves (tests/e2e/conftest.py)
    from pytest_django.plugin import blocking_manager_key

    from goedebuur.municipalities.models import Municipality

    with item.config.stash[blocking_manager_key].unblock():
        if not Municipality.objects.exists():
            load_session_data()


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Each test with a database starts with an empty cache: the rate limit of heavy anonymous
    computations counts in it (goedebuur/common/ratelimit.py), and one test's requests must not use
    up another's. The cache is the database cache (goedebuur/common/cache.py), so a test without a
    database has none."""
    from django.core.cache import cache

    from goedebuur.common.cache import forget_versions

    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if uses_db:
        request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames else "db")
        cache.clear()
        forget_versions()  # this process's memo of the data versions went with the cache


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Personas are created per test; a fast hasher keeps the suite quick (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class CsrfClient(Client):
    """A client that enforces CSRF like a browser session does; `post` fetches a token first."""

    def __init__(self, **kwargs):
        super().__init__(enforce_csrf_checks=True, **kwargs)

    def csrf_token(self):
        if "csrftoken" not in self.cookies:
            self.get("/inloggen")
        return self.cookies["csrftoken"].value

    def post(self, path, data=None, **kwargs):
        kwargs.setdefault("HTTP_X_CSRFTOKEN", self.csrf_token())
        return super().post(path, data, **kwargs)


def _client_for(user):
    client = CsrfClient()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def editor_a(db):
    """Editor of municipality A (Veenendaal)."""
    return make_user(VEENENDAAL, User.Role.EDITOR, username="editor-a")


@pytest.fixture
def reader_a(db):
    return make_user(VEENENDAAL, User.Role.READER, username="reader-a")


@pytest.fixture
def editor_b(db):
    """Editor of municipality B (Utrecht)."""
    return make_user(UTRECHT, User.Role.EDITOR, username="editor-b")


@pytest.fixture
def admin_user(db):
    return make_user(None, admin=True, username="admin")


@pytest.fixture
def anonymous_client(db):
    return _client_for(None)


@pytest.fixture
def editor_a_client(editor_a):
    return _client_for(editor_a)


@pytest.fixture
def reader_a_client(reader_a):
    return _client_for(reader_a)


@pytest.fixture
def editor_b_client(editor_b):
    return _client_for(editor_b)


@pytest.fixture
def admin_client(admin_user):
    return _client_for(admin_user)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free port, Django's SMTP backend pointed at it; the mails
    that arrive are in `smtp_server.received` (tests/smtp.py)."""
    from .smtp import SmtpServer

    with SmtpServer() as server:
        server.point_django_at_it(settings)
        yield server
