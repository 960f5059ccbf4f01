"""The attendance arithmetic, over plain rows: no database."""

import datetime as dt
from dataclasses import dataclass

from styr.meetings import rates
from styr.meetings.rates import ABSENT, EXCUSED, PRESENT, Expected, MeetingFacts


@dataclass(frozen=True)
class Row:
    person_id: int
    unit_id: int | None
    director_id: int | None
    line_manager_id: int | None = None


def test_an_all_managers_meeting_expects_everyone_and_a_town_hall_one_only_its_units():
    rows = [Row(1, 10, 1), Row(2, 20, 1), Row(3, None, 1)]
    everyone = MeetingFacts(1, rates.ALL, True, False)
    town_hall = MeetingFacts(2, rates.TOWN_HALL, True, False)
    assert [e.person_id for e in rates.expected_at(everyone, rows, {10}, {})] == [1, 2, 3]
    assert [e.person_id for e in rates.expected_at(town_hall, rows, {10}, {})] == [1]


def test_a_recorded_meeting_counts_a_manager_missing_from_the_list_as_absent():
    rows = [Row(1, 10, 1), Row(2, 10, 1), Row(3, 10, 1)]
    meeting = MeetingFacts(1, rates.ALL, True, True)
    entries = rates.expected_at(meeting, rows, set(), {1: PRESENT, 2: EXCUSED})
    assert [e.status for e in entries] == [PRESENT, EXCUSED, ABSENT]


def test_a_meeting_with_nothing_recorded_counts_nobody_as_absent():
    rows = [Row(1, 10, 1), Row(2, 10, 1)]
    entries = rates.expected_at(MeetingFacts(1, rates.ALL, True, False), rows, set(), {})
    rate = rates.total(entries)
    assert (rate.unrecorded, rate.counted, rate.share) == (2, 0, None)


def test_the_rate_is_present_over_present_excused_and_absent():
    entries = [
        Expected(1, 7, 1, PRESENT),
        Expected(2, 7, 1, PRESENT),
        Expected(3, 7, 1, EXCUSED),
        Expected(4, 7, 1, ABSENT),
        Expected(5, 7, 1, None),
    ]
    rate = rates.per_manager(entries)[7]
    assert (rate.present, rate.excused, rate.absent, rate.unrecorded) == (2, 1, 1, 1)
    assert rate.share == 50.0


def test_only_mandatory_meetings_count():
    facts = [MeetingFacts(1, rates.ALL, True, True), MeetingFacts(2, rates.ALL, False, True)]
    entries = [Expected(1, 7, 1, PRESENT), Expected(2, 7, 1, ABSENT)]
    assert rates.counting(facts, entries) == [Expected(1, 7, 1, PRESENT)]


def test_a_manager_who_changes_line_counts_under_the_director_of_each_meetings_day():
    # Manager 7 is in director 1's line at the first meeting, in director 2's at the second.
    first = rates.expected_at(
        MeetingFacts(1, rates.ALL, True, True), [Row(7, 10, 1)], set(), {7: PRESENT}
    )
    second = rates.expected_at(
        MeetingFacts(2, rates.ALL, True, True), [Row(7, 10, 2)], set(), {7: ABSENT}
    )
    lines = rates.per_line(first + second)
    assert (lines[1].present, lines[1].absent, lines[1].managers) == (1, 0, {7})
    assert (lines[2].present, lines[2].absent, lines[2].managers) == (0, 1, {7})
    assert rates.per_manager(first + second)[7].counted == 2


def test_units_under_the_town_halls_units_are_the_town_halls_too():
    parents = {1: None, 2: 1, 3: 2, 4: None, 5: 4}
    assert rates.under({1}, parents) == {1, 2, 3}


def test_a_line_is_shown_publicly_only_with_enough_managers():
    small = rates.total([Expected(1, p, 1, PRESENT) for p in range(rates.MIN_MANAGERS - 1)])
    enough = rates.total([Expected(1, p, 1, PRESENT) for p in range(rates.MIN_MANAGERS)])
    assert not rates.shown_publicly(small)
    assert rates.shown_publicly(enough)


def test_below_finds_every_report_down_the_line_and_no_one_else():
    rows = [Row(1, 1, 1, None), Row(2, 1, 1, 1), Row(3, 1, 1, 2), Row(4, 1, 4, None)]
    assert rates.below(rows, 1) == {2, 3}
    assert rates.below(rows, 2) == {3}
    assert rates.below(rows, 3) == set()


def test_half_years_are_spring_and_autumn():
    assert rates.half_year(dt.date(2015, 9, 2)) == (dt.date(2015, 7, 1), dt.date(2015, 12, 31))
    assert rates.half_year(dt.date(2016, 6, 30)) == (dt.date(2016, 1, 1), dt.date(2016, 6, 30))


def rate_of(managers: range) -> rates.Rate:
    return rates.total([Expected(1, p, 1, PRESENT) for p in managers])


def test_small_lines_are_shown_together_when_they_are_enough_together():
    lines = {"big": rate_of(range(0, 6)), "a": rate_of(range(10, 13)), "b": rate_of(range(20, 22))}
    public = rates.public_lines(lines)
    assert [key for key, _rate in public.shown] == ["big"]
    assert (public.others_count, len(public.others.managers)) == (2, 5)
    assert len(public.total.managers) == 11


def test_one_small_line_hides_the_total_that_would_give_it_away():
    public = rates.public_lines({"big": rate_of(range(0, 6)), "small": rate_of(range(10, 12))})
    assert [key for key, _rate in public.shown] == ["big"]
    assert public.others is None and public.total is None
