# SPDX-License-Identifier: EUPL-1.2
"""The shared cache on Redis (GOEDEBUUR_CACHE_URL=redis://…): optional, so these tests run only where
the `redis` extra is installed and a Redis answers on 127.0.0.1:6379 (database 15, emptied)."""

import pytest
from django.core.cache import caches

from goedebuur.common import cached
from goedebuur.settings import _cache

redis = pytest.importorskip("redis")
URL = "redis://127.0.0.1:6379/15"

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(URL, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {"default": _cache(URL)}
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_a_result_is_stored_in_redis_and_read_back(redis_cache):
    calls = []
    assert cached(("redis-test", 1), 1, lambda: calls.append(1) or {"x": 1}) == {"x": 1}
    assert cached(("redis-test", 1), 1, lambda: calls.append(1) or {"x": 2}) == {"x": 1}
    assert cached(("redis-test", 1), 2, lambda: calls.append(1) or {"x": 3}) == {"x": 3}
    assert len(calls) == 2


def test_an_anonymous_page_comes_from_redis(redis_cache, client):
    first = client.get("/kaart")
    assert first.status_code == 200
    assert any(b"goedebuur" in key or b"gb1" in key for key in redis.Redis.from_url(URL).keys())


def test_a_redis_that_is_away_costs_no_request(settings, client):
    settings.CACHES = {"default": _cache("redis://127.0.0.1:1/0")}
    assert client.get("/kaart").status_code == 200
    assert cached(("away",), 1, lambda: "computed") == "computed"
