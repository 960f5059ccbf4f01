"""Cached public pages that are never stale.

Every write to a municipality's content bumps that municipality's content version in the
database, inside the write's own transaction (`versions.py`, kept up by the model signals of
`watch.py`); a public page is cached under a key that holds the version, so the first
request after a write renders afresh (`pages.py`). `backends.py` reads STYR_CACHE_URL.
"""
