import datetime as dt

import pytest

from styr.lib.dates import InvalidDate, describe, parse_iso_date, swedish_day


@pytest.mark.parametrize(
    ("day", "precision", "words"),
    [
        (dt.date(2015, 9, 2), "day", "2 september 2015"),
        (dt.date(2015, 6, 30), "season", "våren 2015"),
        (dt.date(2015, 12, 31), "season", "hösten 2015"),
        (dt.date(2015, 8, 31), "season", "sommaren 2015"),
        (dt.date(2016, 2, 29), "season", "vintern 2016"),
        (dt.date(2014, 12, 31), "month", "december 2014"),
        (dt.date(2015, 3, 31), "quarter", "första kvartalet 2015"),
        (dt.date(2016, 6, 30), "half_year", "första halvåret 2016"),
        (dt.date(2016, 8, 31), "tertial", "tertial 2 2016"),
        (dt.date(2016, 12, 31), "year", "2016"),
        (dt.date(2016, 3, 27), "week", "vecka 12 2016"),
    ],
)
def test_imprecise_dates_are_described_as_a_swedish_reader_expects(day, precision, words):
    assert describe(day, precision) == words


def test_swedish_day_has_no_leading_zero():
    assert swedish_day(dt.date(2015, 1, 1)) == "1 januari 2015"


def test_iso_dates_parse_strictly():
    assert parse_iso_date("2015-09-02") == dt.date(2015, 9, 2)


@pytest.mark.parametrize("text", ["2015-13-45", "2015-02-30", "2/9 2015", "20150902", "", "x"])
def test_impossible_or_misshapen_dates_are_refused(text):
    with pytest.raises(InvalidDate):
        parse_iso_date(text)
