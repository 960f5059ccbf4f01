"""STYR_CACHE_URL: local memory by default, Redis or memcached to share; a bad one stops
Styr with a message naming the variable. One test runs the page cache on a real Redis."""

import socket

import pytest

from styr.caching.backends import CacheUrlError, caches_from_url
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once

demo = pytest.fixture(demo_once)


def test_no_url_is_each_process_s_own_memory():
    assert caches_from_url("")["default"]["BACKEND"].endswith("LocMemCache")


def test_a_redis_url_is_django_s_redis_cache():
    default = caches_from_url("redis://127.0.0.1:6379/2")["default"]
    assert default["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert default["LOCATION"] == "redis://127.0.0.1:6379/2"


def test_a_memcached_url_is_pymemcache_at_host_and_port():
    default = caches_from_url("memcached://10.0.0.5:11211")["default"]
    assert default["BACKEND"] == "django.core.cache.backends.memcached.PyMemcacheCache"
    assert default["LOCATION"] == "10.0.0.5:11211"


@pytest.mark.parametrize(
    "url",
    [
        "redis://",
        "redis://127.0.0.1:6379/db",
        "redis://127.0.0.1:notaport/0",
        "memcached://127.0.0.1",
        "memcached://127.0.0.1:11211/x",
        "mysql://127.0.0.1:3306",
        "127.0.0.1:6379",
    ],
)
def test_a_bad_url_is_refused_naming_the_variable(url):
    with pytest.raises(CacheUrlError, match=r"^STYR_CACHE_URL must be empty, redis://"):
        caches_from_url(url)


def test_a_password_in_a_bad_url_is_not_repeated():
    with pytest.raises(CacheUrlError) as refused:
        caches_from_url("redis://user:hemligt@127.0.0.1:6379/x")
    assert "hemligt" not in str(refused.value)


def test_styr_refuses_to_start_with_a_bad_cache_url():
    import subprocess
    import sys

    started = subprocess.run(
        [sys.executable, "-c", "import styr.settings"],
        env={"STYR_CACHE_URL": "redis:/nowhere", "STYR_DEBUG": "true", "PATH": ""},
        capture_output=True,
        text=True,
    )
    assert started.returncode != 0
    assert "ImproperlyConfigured: STYR_CACHE_URL must be empty" in started.stderr


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379 (CI runs one)")
def test_pages_are_shared_through_redis(client, demo, settings, django_assert_num_queries):
    """The page rendered once is kept in Redis, where every process finds it."""
    import redis
    from django.core.cache import caches

    settings.CACHES = caches_from_url("redis://127.0.0.1:6379/15")
    settings.CACHES["default"]["KEY_PREFIX"] = f"styr-test-{id(client)}"
    caches["default"].clear()
    url = f"/planer/{PLAN_SLUG}/?as_of={MEMO_DAY.isoformat()}"
    first = client.get(url)
    assert redis.Redis(db=15).keys(f"styr-test-{id(client)}:*")
    with django_assert_num_queries(1):
        second = client.get(url)
    assert second.content == first.content
    caches["default"].clear()
