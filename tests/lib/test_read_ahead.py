"""Reading ahead in a thread: same items, same order, errors where they happened."""

import threading

import pytest

from styr.lib.read_ahead import read_ahead


def test_items_come_in_order_and_all_of_them():
    assert list(read_ahead(range(1000), depth=3)) == list(range(1000))


def test_an_error_in_the_source_is_raised_after_the_items_before_it():
    def source():
        yield 1
        yield 2
        raise ValueError("record 3 is bad")

    seen = []
    with pytest.raises(ValueError, match="record 3 is bad"):
        for item in read_ahead(source()):
            seen.append(item)
    assert seen == [1, 2]


def test_stopping_early_stops_the_producer_and_closes_the_source():
    closed = threading.Event()

    def endless():
        try:
            number = 0
            while True:
                number += 1
                yield number
        finally:
            closed.set()

    items = read_ahead(endless(), depth=2)
    assert next(items) == 1
    items.close()
    assert closed.is_set()
    assert not any(t.name == "read-ahead" and t.is_alive() for t in threading.enumerate())
