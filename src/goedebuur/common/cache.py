# SPDX-License-Identifier: EUPL-1.2
"""The one shared cache of heavy results, for every worker and process (docs/decisions.md, "Shared
cache").

- `cached(key_parts, version, compute)`: the value of `compute()` stored in Django's default cache
  (the database cache unless `GOEDEBUUR_CACHE_URL` names another; settings.py). The key holds the
  inputs (`key_parts`), a data version (`version`: a value, or a callable giving it), the active
  language (results carry translated text) and the code's fingerprint (an upgrade or an edited
  checkout never reads a result of other code). A change of any input gives another key, so an
  edit invalidates exactly the results it changes and nothing needs deleting; old entries expire.
- `version(*domains)`: the data version of one or more domains (an app's label: "municipalities",
  "cooperations", "profiles", ...): a random token per domain kept in the same cache, replaced on every write
  (`track(domain, *models)`: post_save, post_delete and m2m_changed of the models; `bump(domain)` by
  the services whose bulk writes send no signals; every domain after `migrate`). Reading it costs one
  cache read per request at most (a process trusts what it read for VERSION_MEMO_SECONDS, its own
  writes at once), instead of aggregates over the tables.
- `cache_anonymous_page(version)`: a page decorator that serves anonymous visitors the same page
  from the cache (per host, path and query with its parameters sorted, language and data version;
  `anonymous_answer` does the same for an API view, keyed on `Accept` too) when it holds nothing personal:
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
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
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


# --- data versions: a token per domain, replaced on every write --------------------------------------

VERSION_MEMO_SECONDS = 1.0  # how long a process trusts the version it read (its own bumps: at once)
_domains: dict[str, list] = {}  # domain -> the models whose writes move it
_memo: dict[str, tuple[str, float]] = {}  # domain -> (token, when read or bumped: time.monotonic())
_memo_lock = threading.Lock()


def _version_key(domain: str) -> str:
    return f"{PREFIX}:version:{domain}"


def _token() -> str:
    """A new version: random, so a version key that was evicted or lost never comes back as an old
    value whose results are still stored."""
    return uuid.uuid4().hex[:16]


def track(domain: str, *models) -> None:
    """Move `domain`'s version on every save and delete of `models` (also `loaddata`'s raw saves) and
    every change of their many-to-many fields. Called by each app's config for the models whose data
    feeds cached results; writes that send no signal (`QuerySet.update`, `bulk_create`, raw SQL)
    call `bump(domain)` in the service that makes them; a `migrate` bumps every domain."""
    tracked = _domains.setdefault(domain, [])
    for model in models:
        if model in tracked:
            continue
        tracked.append(model)
        uid = f"goedebuur-version:{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(_on_write, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            _through_domains.setdefault(through, set()).add(domain)
            m2m_changed.connect(_on_m2m, sender=through, weak=False, dispatch_uid=f"{uid}:{field.name}")


_through_domains: dict[type, set[str]] = {}  # many-to-many table -> the domains it feeds


def _on_write(sender, **kwargs) -> None:
    bump(*(domain for domain, models in _domains.items() if sender in models))


def _on_m2m(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump(*_through_domains.get(sender, ()))


def bump(*domains: str) -> None:
    """A new version of each of `domains`: every result and page computed from them is recomputed on
    its next request. Visible in this process at once, in the others within VERSION_MEMO_SECONDS;
    written again when the surrounding transaction commits, so that no other process keeps a
    result it computed from the data before the commit under the new version."""
    domains = tuple(dict.fromkeys(domains))
    if not domains:
        return
    try:
        connection = transaction.get_connection()
        in_transaction = connection.in_atomic_block
    except Exception:  # no database at all (a test without one)
        in_transaction = False
    # In a transaction, a domain whose new version nobody has read since its last bump needs no other
    # one yet: nothing was computed under it, and the commit publishes a new one (an import saves
    # thousands of rows; each write to the cache costs about a millisecond).
    _publish(domains if not in_transaction else tuple(d for d in domains if d not in _unread))
    if not in_transaction:
        return  # autocommit: the write is committed already
    try:
        # once per domain and transaction (an import saves thousands of rows)
        waiting = {d for entry in connection.run_on_commit for d in getattr(entry[1], "domains", ())}
        if missing := tuple(d for d in domains if d not in waiting):
            transaction.on_commit(_Publish(missing))
    except Exception:  # no database at all (a test without one): the first write is enough
        log.debug("no transaction to follow", exc_info=True)


class _Publish:
    """The bump again when the transaction commits (`bump`)."""

    def __init__(self, domains):
        self.domains = domains

    def __call__(self):
        _publish(self.domains)


def bump_all(sender=None, **kwargs) -> None:
    """Every tracked domain: after `migrate` (post_migrate, once: for the app `create_cache_tables`
    waits for, after the table is there), whose data migrations send no signals of the real models."""
    if sender is not None and sender.label != "contenttypes":
        return
    bump(*_domains)


_unread: set[str] = set()  # domains bumped by this process whose new version nobody read since


def _publish(domains) -> None:
    if not domains:
        return
    tokens = {domain: _token() for domain in domains}
    now = time.monotonic()
    with _memo_lock:
        for domain, token in tokens.items():
            _memo[domain] = (token, now)
        _unread.update(tokens)
    try:
        cache.set_many({_version_key(d): t for d, t in tokens.items()}, None)
    except Exception:
        log.warning("cache write failed", exc_info=True)


def version(*domains: str) -> tuple:
    """The current version of `domains` (a tuple of tokens): one read of the shared cache for those not
    read in the last VERSION_MEMO_SECONDS, none otherwise. A domain without a version yet gets one."""
    now = time.monotonic()
    found, missing = {}, []
    if _unread:
        _unread.difference_update(domains)
    for domain in domains:
        memo = _memo.get(domain)
        if memo is not None and now - memo[1] < VERSION_MEMO_SECONDS:
            found[domain] = memo[0]
        else:
            missing.append(domain)
    if missing:
        try:
            stored = cache.get_many([_version_key(d) for d in missing])
        except Exception:
            log.warning("cache read failed", exc_info=True)
            stored = None
        for domain in missing:
            token = None if stored is None else stored.get(_version_key(domain))
            if token is None and stored is not None:
                token = _token()
                try:
                    if not cache.add(_version_key(domain), token, None):  # another process was first
                        token = cache.get(_version_key(domain)) or token
                except Exception:
                    log.warning("cache write failed", exc_info=True)
            if token is None:  # no cache: no stored result can be read either; a fresh version each time
                token = _token()
            else:
                with _memo_lock:
                    _memo[domain] = (token, now)
            found[domain] = token
    return tuple(f"{domain}:{found[domain]}" for domain in domains)


def forget_versions() -> None:
    """Drop this process's memo of the versions (after the cache was emptied, e.g. between tests)."""
    with _memo_lock:
        _memo.clear()
        _unread.clear()


# --- whole pages for anonymous visitors ---------------------------------------------------------

_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)(")')


def _personal(request) -> bool:
    """Whether the answer to this request may hold something only this visitor should see."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return True
    if request.user.is_authenticated:
        return True
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def page_key(request, *, negotiated: bool = False) -> tuple:
    """What names an anonymous answer: scheme, host (answers hold absolute links), path and the query
    with its parameters in one order (`?b=2&a=1` is `?a=1&b=2`); with `negotiated` also `Accept`."""
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    parts = ("page", request.scheme, request.get_host(), request.path, query)
    return (*parts, request.META.get("HTTP_ACCEPT", "")) if negotiated else parts


def anonymous_answer(request, version, respond, *, negotiated: bool = False):
    """`respond()`, or for an anonymous visitor with nothing personal waiting the answer stored for the
    same request and data version (`version`: a callable(request)). Only 200 answers without cookies
    are stored, with their headers (ETag, Last-Modified, Content-Type, ...); a page's CSRF token is
    replaced by the visitor's own. `negotiated`: the answer depends on `Accept` (the API)."""
    if _personal(request):
        return respond()
    key = make_key(page_key(request, negotiated=negotiated), version(request))
    page = _get(key)
    if page is _MISSING:
        response = respond()
        if response.status_code == 200 and not response.streaming and not response.cookies:
            if callable(getattr(response, "render", None)):
                response.render()  # a DRF or template response: its bytes, once
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


def cache_anonymous_page(version):
    """Serve anonymous visitors the page from the shared cache (`anonymous_answer`).
    `version`: a callable(request) giving the data version of everything the page shows."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            return anonymous_answer(request, version, lambda: view(request, *args, **kwargs))

        return wrapper

    return decorator


# --- the database cache's table ------------------------------------------------------------------


def create_cache_tables(sender=None, using="default", **kwargs) -> None:
    """`createcachetable` after `migrate` (post_migrate; once, for the last app migrated): the table
    of the database cache exists wherever the schema does. Idempotent; does nothing for other caches."""
    if sender is not None and sender.label != "contenttypes":
        return
    call_command("createcachetable", database=using, verbosity=0)
