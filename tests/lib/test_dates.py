import argparse
import datetime as dt

import pytest

from styr.lib import periods
from styr.lib.dates import (
    FIRST_DAY,
    FIRST_YEAR,
    LAST_DAY,
    LAST_YEAR,
    InvalidDate,
    date_option,
    describe,
    parse_iso_date,
    read_date,
    read_year,
    swedish_day,
    year_option,
)


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


# The one rule for every date and year a user gives: pages, forms and commands.


def test_a_day_inside_the_range_is_read():
    assert read_date("2015-09-02", "as_of") == dt.date(2015, 9, 2)
    assert read_date(FIRST_DAY.isoformat(), "as_of") == FIRST_DAY
    assert read_date(LAST_DAY.isoformat(), "as_of") == LAST_DAY


def test_periods_dates_and_years_refuse_and_accept_the_same_years():
    for year in (FIRST_YEAR, LAST_YEAR):
        assert periods.parse_period(f"{year}-Q2").year == year
        assert read_year(str(year), "ar") == year
        assert read_date(f"{year}-06-01", "as_of").year == year
    for year in (FIRST_YEAR - 1, LAST_YEAR + 1):
        with pytest.raises(periods.InvalidPeriod):
            periods.parse_period(f"{year}-Q2")
        with pytest.raises(InvalidDate):
            read_year(str(year), "ar")
        with pytest.raises(InvalidDate):
            read_date(f"{year}-06-01", "as_of")


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31",
        "0001-01-01",
        "1949-12-31",
        "2101-01-01",
        "2015-02-30",
        "2015-13-45",
        "20150902",
        "2015-9-2",
        " ",
        "2015-09-02\n2015",
        "٢٠١٥-٠٩-٠٢",  # Arabic-Indic digits: \d matches them, the rule does not
        "x" * 10_000,
    ],
)
def test_a_day_out_of_range_or_malformed_is_refused_naming_parameter_value_and_range(text):
    with pytest.raises(InvalidDate) as caught:
        read_date(text, "as_of")
    message = str(caught.value)
    assert message.startswith(f"Ogiltigt datum ”{text[:20]}")
    assert "för as_of" in message
    assert "mellan 1950-01-01 och 2100-12-31" in message


def test_a_very_long_value_is_quoted_cut_short():
    with pytest.raises(InvalidDate) as caught:
        read_date("2" * 10_000, "since")
    assert len(str(caught.value)) < 200
    assert "”" + "2" * 39 + "…”" in str(caught.value)


def test_a_year_is_four_digits_inside_the_range():
    assert read_year("2016", "ar") == 2016
    assert read_year(" 1950 ", "ar") == 1950
    for text in ["1949", "2101", "20150", "2015.5", "-2015", "tjugo", "", "١٩٩٩"]:
        with pytest.raises(InvalidDate) as caught:
            read_year(text, "ar")
        assert str(caught.value).startswith(f"Ogiltigt år ”{text.strip()}” för ar.")
        assert "mellan 1950 och 2100" in str(caught.value)


def test_a_command_option_reads_by_the_same_rule():
    parser = argparse.ArgumentParser(exit_on_error=False)
    parser.add_argument("--as-of", type=date_option("--as-of"))
    parser.add_argument("--year", type=year_option("--year"))
    read = parser.parse_args(["--as-of", "2015-09-02", "--year", "2015"])
    assert (read.as_of, read.year) == (dt.date(2015, 9, 2), 2015)
    with pytest.raises(argparse.ArgumentError, match="Ogiltigt datum ”9999-12-31” för --as-of"):
        parser.parse_args(["--as-of", "9999-12-31"])
    with pytest.raises(argparse.ArgumentError, match="Ogiltigt år ”3000” för --year"):
        parser.parse_args(["--year", "3000"])
