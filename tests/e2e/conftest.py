# SPDX-License-Identifier: EUPL-1.2
"""Playwright journeys against pytest-django's live server, driving Debian's Chromium.

- The browser is Debian's `/usr/bin/chromium` (never a Playwright download). Without it the journeys
  are skipped, unless GOEDEBUUR_REQUIRE_BROWSER=1 (set by .ci/run): then they fail.
- `live_server` makes a test transactional: pytest-django empties every table after it. The
  `journey_data` fixture loads what a journey needs first, and `pytest_runtest_teardown` below
  reloads the session's reference data *after* that flush, so tests running later in the same
  session find the database as tests/conftest.py left it. See docs/development.md.
"""

import os
from pathlib import Path

import pytest

from .browser import CHROMIUM, launch_chromium

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run inside one
# unless told it is safe (it is: the loop only drives the browser, the ORM calls stay synchronous).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE.parents[1] / "test-results" / "e2e"
_BLOCKER = pytest.StashKey()


def browser_required() -> bool:
    return os.environ.get("GOEDEBUUR_REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if browser_required():
            pytest.fail(f"GOEDEBUUR_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, journey_data):
    """A fresh browser tab (Dutch, desktop size) with `page.base_url` set to the live server.

    The journey fails when the browser reports a Content-Security-Policy violation: an inline script
    or event handler that would silently not run in production."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


from ..conftest import load_session_data  # noqa: E402


@pytest.fixture
def journey_data(transactional_db, django_db_blocker, request):
    """Reference data plus the real seed cooperations, visible to the live server.

    Loaded in every journey because an earlier transactional test may have emptied the tables;
    the loaders are idempotent, so this is cheap when the data is already there."""
    from goedebuur.cooperations.services import load_seed_cooperations

    request.node.stash[_BLOCKER] = django_db_blocker
    load_session_data()
    load_seed_cooperations()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After pytest-django's flush (the last fixture teardown), put the session data back.
    Not after the last test: then the test database itself has just been destroyed."""
    try:
        return (yield)
    finally:
        blocker = item.stash.get(_BLOCKER, None)
        if blocker is not None and nextitem is not None:
            from django.db import connections

            with blocker.unblock():
                load_session_data()
                # Close what this opened outside any test: a connection left open here makes
                # PostgreSQL refuse to drop the test database at the end ("accessed by other users").
                connections.close_all()


@pytest.fixture
def artifacts():
    """A folder for screenshots of a run (test-results/e2e, ignored by git)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
