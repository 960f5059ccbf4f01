"""Coverage for 3,000 managers under 40 directors in the same number of queries as for 30."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.contracts.queries import coverage_on
from styr.contracts.synthetic import build_line

FIX = (
    "coverage_on ran more queries for more managers: an N+1 crept in. Read the managers of "
    "the day (managers_on), the directors and the agreed contracts in one query each."
)


def test_coverage_of_3000_managers_under_40_directors_takes_three_queries(db):
    small = build_line(managers=30, directors=4, slug="liten")
    big = build_line(managers=3000, directors=40, slug="stor")
    day = dt.date(2015, 12, 31)
    with CaptureQueriesContext(connection) as few:
        coverage_on(small, day)
    with CaptureQueriesContext(connection) as many:
        result = coverage_on(big, day)
    assert len(many) == len(few) == 3, FIX
    assert result.total == 2999
    assert len(result.lines) == 40
    assert 0 < result.agreed < result.total
