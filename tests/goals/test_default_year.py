"""The year the goal pages open on: today's year clamped to the years with outcomes (no
database: plain objects in, a year out)."""

import datetime as dt
from types import SimpleNamespace

from styr.goals.outcomes import chosen_year


def data(*years):
    return list(years)


def goal(start, end=None):
    return SimpleNamespace(start_year=start, end_year=end)


TODAY = dt.date(2026, 12, 2)


def test_an_asked_year_wins():
    assert chosen_year(data(2014, 2016), [goal(2016, 2018)], 2015, TODAY)[0] == 2015


def test_today_is_shown_when_it_has_outcomes():
    assert chosen_year(data(2024, 2025, 2026), [goal(2024, 2027)], None, TODAY)[0] == 2026


def test_a_later_today_opens_on_the_newest_year_with_outcomes():
    assert chosen_year(data(2014, 2015, 2016), [goal(2016, 2018)], None, TODAY)[0] == 2016


def test_a_year_without_outcomes_between_two_with_opens_on_the_earlier():
    assert chosen_year(data(2014, 2016), [goal(2014)], None, dt.date(2015, 6, 1))[0] == 2014


def test_outcomes_only_ahead_of_today_open_on_the_first_of_them_not_the_first_goal_year():
    year, years = chosen_year(data(2017, 2018), [goal(2010, 2020)], None, dt.date(2015, 6, 1))
    assert year == 2017
    assert years[0] == 2010


def test_without_outcomes_today_is_clamped_to_the_goals_years():
    assert chosen_year([], [goal(2016, 2018)], None, TODAY)[0] == 2018
    assert chosen_year([], [goal(2016, 2018)], None, dt.date(2017, 3, 1))[0] == 2017
    assert chosen_year([], [goal(2016, 2018)], None, dt.date(2014, 3, 1))[0] == 2016
    assert chosen_year([], [], None, TODAY)[0] == 2026
