# SPDX-License-Identifier: EUPL-1.2
"""The shared cache of heavy results (goedebuur/common/cache.py): a result is stored per inputs and
data version, never read across a change of either, and a cache that fails costs no request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from goedebuur.common import bump, cached, version
from goedebuur.common import cache as cache_module
from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Membership
from goedebuur.settings import _cache
from tests.factories import RHENEN, VEENENDAAL, cooperation_input, make_cooperation

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"call": self.calls}


def test_the_same_inputs_and_version_are_computed_once():
    compute = Counter()
    first = cached(("sum", 1, 2), ("v", 1), compute)
    again = cached(("sum", 1, 2), ("v", 1), compute)
    assert first == again == {"call": 1} and compute.calls == 1


def test_other_inputs_another_version_or_another_language_compute_anew():
    compute = Counter()
    cached(("sum", 1, 2), ("v", 1), compute)
    assert cached(("sum", 1, 3), ("v", 1), compute) == {"call": 2}
    assert cached(("sum", 1, 2), ("v", 2), compute) == {"call": 3}
    with translation.override("en"):
        assert cached(("sum", 1, 2), ("v", 1), compute) == {"call": 4}
    assert cached(("sum", 1, 2), ("v", 1), compute) == {"call": 1}


def test_a_callable_version_is_asked_once_per_call():
    asked = []
    cached(("x",), lambda: asked.append(1) or len(asked), Counter())
    assert asked == [1]


def test_an_exception_is_not_cached():
    calls = []

    def failing():
        calls.append(1)
        raise ValueError("nee")

    for _ in range(2):
        with pytest.raises(ValueError):
            cached(("failing",), 1, failing)
    assert len(calls) == 2


def test_a_cache_that_fails_is_skipped_and_the_result_computed(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache away")

    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    compute = Counter()
    assert cached(("x",), 1, compute) == {"call": 1}
    assert cached(("x",), 1, compute) == {"call": 2}


def test_the_data_version_changes_with_every_create_edit_and_delete(editor_a):
    before = version("cooperations")
    cooperation = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN))
    created = version("cooperations")
    assert created != before
    values = cooperation_input(members=(VEENENDAAL, RHENEN), name="Een nieuwe naam")
    cooperations.save_cooperation(values, editor_a, instance=cooperation)
    edited = version("cooperations")
    assert edited != created
    Membership.objects.filter(cooperation=cooperation).first().delete()
    assert version("cooperations") not in (before, created, edited)


def test_the_data_version_stays_while_nothing_changes(editor_a):
    make_cooperation(editor_a)
    assert version("cooperations", "municipalities") == version("cooperations", "municipalities")


def test_an_edit_moves_only_the_version_of_its_own_domain(editor_a):
    municipalities, profiles = version("municipalities"), version("profiles")
    make_cooperation(editor_a, members=(VEENENDAAL, RHENEN))
    assert version("municipalities") == municipalities and version("profiles") == profiles


def test_a_change_of_a_many_to_many_field_moves_the_version():
    from goedebuur.municipalities.models import Municipality, Region

    before = version("municipalities")
    municipality = Municipality.objects.get(code=RHENEN)
    municipality.regions.remove(Region.objects.filter(municipalities=municipality).first())
    assert version("municipalities") != before


def test_a_bulk_update_moves_nothing_until_the_service_bumps():
    from goedebuur.municipalities.models import Municipality

    before = version("municipalities")
    Municipality.objects.filter(code=RHENEN).update(population=1)  # no signal: the service must bump
    assert version("municipalities") == before
    bump("municipalities")
    assert version("municipalities") != before


def test_another_process_sees_a_bump_within_the_memo_time(monkeypatch):
    before = version("cooperations")
    cache.set(cache_module._version_key("cooperations"), "from-another-process", None)  # its bump
    assert version("cooperations") == before  # still within this process's memo
    monkeypatch.setattr(cache_module, "VERSION_MEMO_SECONDS", 0)
    assert version("cooperations") == ("cooperations:from-another-process",)


def test_a_lost_version_comes_back_as_a_new_one_never_an_old_one(monkeypatch):
    monkeypatch.setattr(cache_module, "VERSION_MEMO_SECONDS", 0)
    first = version("cooperations")
    cache.delete(cache_module._version_key("cooperations"))  # evicted, or the cache restarted
    assert version("cooperations") != first


def test_migrate_moves_every_version():
    from django.core.management import call_command

    before = version("cooperations", "municipalities", "profiles")
    call_command("migrate", interactive=False, verbosity=0)
    after = version("cooperations", "municipalities", "profiles")
    assert all(a != b for a, b in zip(before, after, strict=True))


def test_migrate_creates_the_database_cache_table():
    from django.core.management import call_command

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE goedebuur_cache")
    assert "goedebuur_cache" not in connection.introspection.table_names()
    call_command("migrate", interactive=False, verbosity=0)
    assert "goedebuur_cache" in connection.introspection.table_names()
    assert cached(("after-migrate",), 1, Counter()) == {"call": 1}


def test_the_code_fingerprint_is_part_of_the_key(monkeypatch):
    key = cache_module.make_key(("x",), 1)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "other-code")
    assert cache_module.make_key(("x",), 1) != key


@pytest.mark.parametrize(
    "url, backend, location",
    [
        ("db", "django.core.cache.backends.db.DatabaseCache", "goedebuur_cache"),
        ("db://my_cache", "django.core.cache.backends.db.DatabaseCache", "my_cache"),
        (
            "file:///var/cache/goedebuur",
            "django.core.cache.backends.filebased.FileBasedCache",
            "/var/cache/goedebuur",
        ),
        (
            "redis://127.0.0.1:6379/1",
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:6379/1",
        ),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", None),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache", None),
    ],
)
def test_the_cache_url_names_the_backend(url, backend, location):
    config = _cache(url)
    assert config["BACKEND"] == backend
    assert config.get("LOCATION") == location


def test_an_unknown_cache_url_is_refused_at_start():
    with pytest.raises(ValueError, match="GOEDEBUUR_CACHE_URL"):
        _cache("memcached://127.0.0.1:11211")


def test_while_one_request_computes_the_others_wait_for_its_result(settings):
    import threading
    import time

    settings.CACHES = {"default": _cache("locmem://")}
    started, calls, results = threading.Event(), [], []

    def slow():
        calls.append(1)
        started.set()
        time.sleep(0.5)
        return "the one result"

    first = threading.Thread(target=lambda: results.append(cached(("slow",), 1, slow)))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=lambda: results.append(cached(("slow",), 1, slow))) for _ in range(3)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join(10)
    assert results == ["the one result"] * 4
    assert len(calls) == 1


def test_after_a_failed_computation_the_next_request_computes_again(settings):
    settings.CACHES = {"default": _cache("locmem://")}

    def failing():
        raise ValueError("nee")

    with pytest.raises(ValueError):
        cached(("fails-once",), 1, failing)
    assert cached(("fails-once",), 1, lambda: "now it works") == "now it works"


def test_a_bump_is_written_again_once_when_the_transaction_commits(
    editor_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_cooperation(editor_a, members=(VEENENDAAL, RHENEN))
        inside = version("cooperations")
        make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Nog een")
    assert len([c for c in callbacks if "cooperations" in getattr(c, "domains", ())]) == 1
    assert version("cooperations") != inside  # what another process computed before the commit is not read


def test_bumps_in_a_transaction_that_nobody_read_in_between_write_the_cache_once(monkeypatch):
    writes = []
    original = cache.set_many
    monkeypatch.setattr(
        cache, "set_many", lambda values, *a, **k: writes.append(values) or original(values, *a, **k)
    )
    version("cooperations")
    for _ in range(50):
        bump("cooperations")  # a transaction: the test's
    assert len(writes) == 1
    first = version("cooperations")
    bump("cooperations")
    assert version("cooperations") != first  # read in between: a new version at once
