"""Public pages cached under their content version, with ETag, Last-Modified and 304.

`@cached_page(by=...)` on a public view: for an anonymous visitor the rendered page is
kept in Django's cache (STYR_CACHE_URL) under a key made of the page's address, today's
date, the code's release and the content version of the municipality it shows, read with
one query before anything else. Every write bumps that version (`watch.py`), so the key of
a changed page is new and its old entry is never served again: a cached page is never
stale, and nothing needs to be deleted. A page as of a past date is kept like any other;
today's date is in the key because "today" decides what several pages show (the default
day, late actions, open rounds).

A signed-in user's page is personal (drafts, edit links, internal notes), and so is a page
that shows a visitor's pending message: neither is taken from the cache nor put into it,
and both are marked `Cache-Control: private`. Every cached page varies by Cookie, so no
shared cache between a browser and Styr gives the anonymous page to someone signed in.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from styr.caching import versions

logger = logging.getLogger("styr.caching")

# The page's headers that the view sets and the cache keeps; the middleware adds the rest
# (Content-Security-Policy, Content-Length, …) to every response, cached or not.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")
# django-csp's per-response settings, such as the report's hashes of its own styles.
CSP_ATTRIBUTES = ("_csp_update", "_csp_replace", "_csp_exempt", "_csp_config")
# Kept for a week at most: an entry no longer read is old content, and a bounded cache
# (memcached, Redis with maxmemory) drops the least used first anyway.
TIMEOUT = 7 * 24 * 60 * 60
SCOPES = ("site", "municipality", "plan")
SOURCE = Path(__file__).resolve().parent.parent


@functools.cache
def _release_of_process() -> str:
    return release()


def release() -> str:
    """A digest of Styr's code, templates and static files: a new release renders afresh
    (and gets new ETags) even with a shared cache that outlived the old one."""
    digest = hashlib.sha256()
    for path in sorted(SOURCE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(SOURCE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _current_release() -> str:
    # In development templates change under a running server; in production they do not.
    return release() if settings.DEBUG else _release_of_process()


def page_key(request, version: versions.Version, today: dt.date) -> str:
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    parts = [
        _current_release(),
        version.token,
        today.isoformat(),
        request.scheme,
        request.get_host(),
        request.path,
        query,
    ]
    return "styr.page." + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _entry(response: HttpResponse) -> dict:
    return {
        "status": response.status_code,
        "content": response.content,
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        "csp": {
            name: getattr(response, name) for name in CSP_ATTRIBUTES if hasattr(response, name)
        },
        "rendered_at": timezone.now(),
    }


def _response(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    for name, value in entry["csp"].items():
        setattr(response, name, value)
    return response


def _cacheable(request, response) -> bool:
    """Only a plain 200 that sets no cookie and used no CSRF token (which is per visitor)."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(response.has_header(name) for name in ("Set-Cookie", "Vary"))
    )


def _has_messages(request) -> bool:
    """A message waiting for this visitor (after a form, say) is shown by the next page it
    opens: that page is its own, like a signed-in user's."""
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _cache_get(key: str):
    try:
        return cache.get(key)
    except Exception:  # a cache server that is down must not take the pages with it
        logger.warning("The page cache could not be read; the page is rendered", exc_info=True)
        return None


def _cache_set(key: str, entry: dict) -> None:
    try:
        cache.set(key, entry, TIMEOUT)
    except Exception:  # as above; an entry too big for memcached is just not kept
        logger.warning("The page cache could not be written", exc_info=True)


def cached_page(by: str) -> Callable:
    """Cache a public page per content version: `by` is "site" (every municipality's
    content, the start page), "municipality" (the URL's `municipality` slug) or "plan"
    (the municipality of the URL's plan `slug`)."""

    if by not in SCOPES:
        raise ValueError(f"cached_page(by={by!r}): by is one of {', '.join(SCOPES)}")

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in {"GET", "HEAD"}:
                return view(request, *args, **kwargs)
            if request.user.is_authenticated or _has_messages(request):
                response = view(request, *args, **kwargs)
                patch_cache_control(response, private=True)
                return response
            # The version first, then the data: a write between the two shows under the old
            # version, which the next request has left behind (styr.caching.versions).
            version = versions.read(by, kwargs.get("slug" if by == "plan" else "municipality"))
            key = page_key(request, version, timezone.localdate())
            entry = _cache_get(key)
            if entry is None:
                response = view(request, *args, **kwargs)
                if not _cacheable(request, response):
                    return response
                entry = _entry(response)
                if request.method == "GET":
                    _cache_set(key, entry)
            else:
                response = _response(entry)
            etag = quote_etag(key.rsplit(".", 1)[1][:32])
            response["ETag"] = etag
            response["Last-Modified"] = http_date(entry["rendered_at"].timestamp())
            patch_vary_headers(response, ["Cookie"])
            # Stored, but asked again each time: the answer is a cheap 304 while unchanged.
            patch_cache_control(response, no_cache=True)
            return get_conditional_response(
                request,
                etag=etag,
                last_modified=int(entry["rendered_at"].timestamp()),
                response=response,
            )

        wrapper.cached_by = by
        return wrapper

    return decorate
