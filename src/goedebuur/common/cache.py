# SPDX-License-Identifier: EUPL-1.2
"""The one shared cache of heavy results, for every worker and process (docs/decisions.md, "Shared
cache").

- `cached(key_parts, version, compute)`: the value of `compute()` stored in Django's default cache
  (the database cache unless `GOEDEBUUR_CACHE_URL` names another; settings.py). The key holds the
  inputs (`key_parts`), a data version (`version`: a value, or a callable giving it), the active
  language (results carry translated text) and the code's fingerprint (an upgrade or an edited
  checkout never reads a result of other code). A change of any input gives another key, so an
  edit invalidates exactly the results it changes and nothing needs deleting; old entries expire.
- `data_version(*models)`: a version derived from the tables themselves (rows, the highest id, the
  latest `updated_at`, the sum of `revision`), one small aggregate per table: it sees every write,
  through services, the admin, an import or a restore, without a hook that could be forgotten.
- `cache_anonymous_page(version)`: a page decorator that serves anonymous visitors the same page
  from the cache (per path and query string as sent, language and data version) when it holds nothing personal:
  no messages waiting, no cookie set; the CSRF token in its forms is replaced by the visitor's own.
- `create_cache_tables`: the database cache's table, created after every `migrate` (init, serve,
  restore, the test database): connected by `apps.CommonConfig`.

A cache that fails (a Redis that is away) is logged and skipped: the result is computed as without
a cache. Values must pickle; an exception from `compute` is not cached."""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import time
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.db.models import Count, Max, Sum
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

log = logging.getLogger(__name__)

PREFIX = "gb1"  # change when the meaning of keys changes
DEFAULT_TIMEOUT = 60 * 60 * 24 * 7  # a week: entries of old data versions go away by themselves
_MISSING = object()


@functools.cache
def code_fingerprint() -> str:
    """A hash of the installed package's source files (name, size, modification time), once per
    process: results computed by other code are never read."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


def make_key(key_parts, version) -> str:
    """The cache key of `key_parts` at `version` in the active language."""
    name = str(key_parts[0]) if isinstance(key_parts, tuple | list) and key_parts else "value"
    text = repr((key_parts, version, get_language(), code_fingerprint()))
    return f"{PREFIX}:{re.sub(r'[^a-z0-9_.-]', '', name.lower())[:40]}:{hashlib.sha256(text.encode()).hexdigest()}"


def cached(key_parts, version, compute, *, timeout: int = DEFAULT_TIMEOUT):
    """`compute()`, or the value stored for the same inputs and data version.

    `key_parts`: a tuple of plain values (str, numbers, tuples, frozen dataclasses with a stable
    repr) naming the computation first, e.g. `("clusters", request)`; `version`: the data version
    the result depends on, or a callable giving it (called once).

    One computation at a time per key, over all processes: the first request takes a short-lived
    mark in the cache (`add`, atomic in every backend) and computes; the others wait for its result
    (at most `WAIT_SECONDS`, then they compute themselves), so twenty-five visitors of a cold page do
    not run the same optimiser twenty-five times."""
    if callable(version):
        version = version()
    key = make_key(key_parts, version)
    value = _get(key)
    if value is not _MISSING:
        return value
    deadline = time.monotonic() + WAIT_SECONDS
    delay = 0.02
    while True:
        if _add(f"{key}:computing", COMPUTE_SECONDS):
            try:
                return _compute_and_store(key, compute, timeout)
            finally:
                _delete(f"{key}:computing")
        if time.monotonic() > deadline:  # the other computation takes too long or was lost
            return _compute_and_store(key, compute, timeout)
        time.sleep(delay)
        delay = min(delay * 2, 0.25)
        value = _get(key)
        if value is not _MISSING:
            return value


WAIT_SECONDS = 30  # below gunicorn's 60 s timeout
COMPUTE_SECONDS = 120  # the mark of a computation whose process died expires after this


def _compute_and_store(key, compute, timeout):
    value = compute()
    try:
        cache.set(key, value, timeout)
    except Exception:
        log.warning("cache write failed", exc_info=True)
    return value


def _get(key):
    try:
        return cache.get(key, _MISSING)
    except Exception:  # a cache that is away is no reason to fail: compute as without one
        log.warning("cache read failed", exc_info=True)
        return _MISSING


def _add(key, seconds) -> bool:
    try:
        return cache.add(key, 1, seconds)
    except Exception:
        log.warning("cache write failed", exc_info=True)
        return True  # no cache: compute here


def _delete(key) -> None:
    try:
        cache.delete(key)
    except Exception:
        log.warning("cache delete failed", exc_info=True)


def _table_version(model) -> tuple:
    fields = {f.name for f in model._meta.concrete_fields}
    aggregates = {"n": Count("pk"), "last": Max("pk")}
    if "updated_at" in fields:
        aggregates["updated"] = Max("updated_at")
    if "revision" in fields:
        aggregates["revision"] = Sum("revision")
    values = model._base_manager.aggregate(**aggregates)
    return (model._meta.label_lower, *(str(values[k]) for k in aggregates))


def data_version(*models) -> tuple:
    """A version of the rows of `models` that changes with every insert, delete, and every update
    that moves `updated_at` or `revision` (every edit through a service does both)."""
    return tuple(_table_version(model) for model in models)


# --- whole pages for anonymous visitors ---------------------------------------------------------

_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)(")')


def _personal(request) -> bool:
    """Whether the page for this request may hold something only this visitor should see."""
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return True
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def cache_anonymous_page(version):
    """Serve anonymous visitors the page from the shared cache (see the module's description).
    `version`: a callable(request) giving the data version of everything the page shows."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if _personal(request):
                return view(request, *args, **kwargs)
            parts = ("page", request.get_full_path())
            key = make_key(parts, version(request))
            try:
                page = cache.get(key)
            except Exception:
                log.warning("cache read failed", exc_info=True)
                return view(request, *args, **kwargs)
            if page is None:
                response = view(request, *args, **kwargs)
                if response.status_code == 200 and not response.streaming and not response.cookies:
                    headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
                    try:
                        cache.set(key, (headers, response.content), DEFAULT_TIMEOUT)
                    except Exception:
                        log.warning("cache write failed", exc_info=True)
                return response
            headers, content = page
            if b'name="csrfmiddlewaretoken"' in content:  # the visitor's own token, not the first one's
                token = get_token(request)
                content = _TOKEN.sub(lambda m: m.group(1) + token + m.group(3), content.decode()).encode()
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response

        return wrapper

    return decorator


# --- the database cache's table ------------------------------------------------------------------


def create_cache_tables(sender=None, using="default", **kwargs) -> None:
    """`createcachetable` after `migrate` (post_migrate; once, for the last app migrated): the table
    of the database cache exists wherever the schema does. Idempotent; does nothing for other caches."""
    if sender is not None and sender.label != "contenttypes":
        return
    call_command("createcachetable", database=using, verbosity=0)
