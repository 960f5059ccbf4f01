"""Period keys: parsing, ordering and Swedish labels."""

import datetime as dt

import pytest

from styr.lib.periods import MONTH, QUARTER, TERTIAL, InvalidPeriod, parse_period, period_of


@pytest.mark.parametrize(
    ("key", "label", "start", "end"),
    [
        ("2015", "2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
        ("2015-T2", "T2 2015", dt.date(2015, 5, 1), dt.date(2015, 8, 31)),
        ("2015-Q1", "kvartal 1 2015", dt.date(2015, 1, 1), dt.date(2015, 3, 31)),
        ("2016-02", "februari 2016", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
    ],
)
def test_period_keys_read_back_with_dates_and_swedish_labels(key, label, start, end):
    period = parse_period(key)
    assert (period.key, period.label, period.start, period.end) == (key, label, start, end)


def test_a_kolada_year_given_as_a_number_is_a_year():
    assert parse_period(2015).key == "2015"


@pytest.mark.parametrize("key", ["15", "2015-13", "2015-T4", "2015-Q5", "2015-00", "år 2015", ""])
def test_malformed_period_names_itself(key):
    with pytest.raises(InvalidPeriod, match=f"'{key}'"):
        parse_period(key)


def test_year_out_of_range_is_refused():
    with pytest.raises(InvalidPeriod, match="between"):
        parse_period("1850")


def test_keys_of_one_kind_sort_in_time_order():
    keys = ["2015-10", "2015-02", "2014-12"]
    assert sorted(keys) == [p.key for p in sorted(parse_period(k) for k in keys)]


def test_period_of_a_day():
    day = dt.date(2015, 9, 2)
    assert period_of(day, MONTH).key == "2015-09"
    assert period_of(day, QUARTER).key == "2015-Q3"
    assert period_of(day, TERTIAL).key == "2015-T3"
