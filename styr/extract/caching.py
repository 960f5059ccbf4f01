"""Per-document memoisation of the extractor's pure functions of text.

The segmenter asks the same question of the same text in several places (is this block only a
status note? what is its labelled field? its deadline?), and a long plan repeats its phrases.
A function decorated with @per_document remembers its answers until the next document starts
(`clear`, called by `segment.extract_actions`): memory stays bounded, and the time taken for
one document never depends on the documents read before it. Only pure functions of hashable
arguments returning immutable values (str, bool, tuples, frozen dataclasses) qualify.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)
_CACHED: list = []


def per_document(function: F) -> F:
    """The function with its answers remembered until `clear()`."""
    cached = functools.lru_cache(maxsize=16384)(function)
    _CACHED.append(cached)
    return cached  # type: ignore[return-value]


def clear() -> None:
    """Forget every remembered answer: a new document starts."""
    for cached in _CACHED:
        cached.cache_clear()
