"""Iterate in a background thread, a few items ahead of the consumer.

Used where Python work (reading and checking records) alternates with database work: the
database drivers release the GIL while the database works, so the next chunk is read while
the last one is written. Pure Python, no Django.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable

_ITEM, _DONE, _ERROR = range(3)


def read_ahead(items: Iterable, depth: int = 4) -> Generator:
    """Yield `items` in order, produced by a thread at most `depth` items ahead.

    An exception in the producer is raised in the consumer at the point it happened. When
    the consumer stops early (break, an exception, close), the producer stops too and the
    source iterator is closed.
    """
    channel: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(message) -> bool:
        while not stop.is_set():
            try:
                channel.put(message, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce():
        source = iter(items)
        try:
            for item in source:
                if not put((_ITEM, item)):
                    return
            put((_DONE, None))
        except BaseException as error:  # noqa: BLE001 - handed to the consumer
            put((_ERROR, error))
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(target=produce, name="read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = channel.get()
            if kind == _DONE:
                return
            if kind == _ERROR:
                raise value
            yield value
    finally:
        stop.set()
        worker.join()
