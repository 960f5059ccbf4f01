"""STYR_CACHE_URL → Django's CACHES: local memory by default, Redis or memcached to share.

Without Django: the settings module calls it at start, and a bad address stops Styr there
with a message that names the variable.
"""

from __future__ import annotations

from urllib.parse import urlsplit

EXAMPLES = "redis://127.0.0.1:6379/0 or memcached://127.0.0.1:11211"


class CacheUrlError(ValueError):
    """STYR_CACHE_URL is not an address Styr can use; the message says what would be."""


def caches_from_url(url: str, *, name: str = "STYR_CACHE_URL") -> dict:
    """The CACHES setting for `url`: "" is each process's own memory (one server, or the
    tests); redis://host:port/db and memcached://host:port are shared by every process."""
    url = url.strip()
    if not url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "styr-pages",
                "OPTIONS": {"MAX_ENTRIES": 2000},
            }
        }
    parts = urlsplit(url)
    try:
        port, problem = parts.port, None
    except ValueError:  # not a number, or above 65535
        port, problem = None, "the port is not a number from 1 to 65535"
    if problem is not None:
        backend = ""
    elif parts.scheme in {"redis", "rediss"}:
        database = parts.path.strip("/") or "0"
        if not parts.hostname or not database.isdigit() or parts.query or parts.fragment:
            problem = "Redis needs a host and a database number"
        backend = "django.core.cache.backends.redis.RedisCache"
    elif parts.scheme == "memcached":
        if not parts.hostname or port is None or parts.path not in {"", "/"} or parts.query:
            problem = "memcached needs a host and a port, nothing after them"
        backend = "django.core.cache.backends.memcached.PyMemcacheCache"
        url = f"{parts.hostname}:{port}"
    else:
        problem = "the scheme must be redis:// or memcached://"
    if problem is not None:
        shown = url.replace(f":{parts.password}@", ":***@") if parts.password else url
        raise CacheUrlError(f"{name} must be empty, {EXAMPLES}, not {shown!r} ({problem})")
    return {"default": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "styr"}}
