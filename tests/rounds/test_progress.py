"""The pure part of a round's progress: grouping by responsible person, shares, lateness."""

import datetime as dt
from types import SimpleNamespace

from styr.plans.snapshot import ActionRow, Who
from styr.rounds.progress import RoundReport, build_progress

TODAY = dt.date(2015, 9, 10)


class FakeRound:
    def __init__(self, due, closed=False):
        self.due, self.closed = due, closed

    def is_open(self, today):
        return not self.closed and self.due >= today


def person(id, name):
    return SimpleNamespace(id=id, name=name)


ANNA, BO, CECILIA = person(1, "Anna Ek"), person(2, "Bo Lund"), person(3, "Cecilia Berg")


def row(action_id, *responsible, supporting=()):
    def who(kind, p):
        return Who(kind, p, "", "" if p else "respektive stödprocessdirektör")

    return ActionRow(
        action=SimpleNamespace(id=action_id, title=f"Åtgärd {action_id}"),
        update=None,
        status="not_reported",
        overdue=False,
        responsible=[who("responsible", p) for p in responsible],
        supporting=[who("supporting", p) for p in supporting],
    )


def report(action_id, **flags):
    update = SimpleNamespace(action_id=action_id, date=TODAY, status="in_progress")
    return RoundReport(update, **flags)


def test_each_responsible_person_gets_their_actions_in_name_order():
    rows = [row(1, BO), row(2, ANNA, BO), row(3, CECILIA)]
    progress = build_progress(FakeRound(TODAY), rows, {}, TODAY)

    assert [p.person.name for p in progress.people] == ["Anna Ek", "Bo Lund", "Cecilia Berg"]
    assert [[a.action.id for a in p.actions] for p in progress.people] == [[2], [1, 2], [3]]


def test_supporting_people_are_not_asked():
    progress = build_progress(FakeRound(TODAY), [row(1, ANNA, supporting=[BO])], {}, TODAY)

    assert [p.person for p in progress.people] == [ANNA]


def test_a_person_named_twice_on_an_action_lists_it_once():
    progress = build_progress(FakeRound(TODAY), [row(1, ANNA, ANNA)], {}, TODAY)

    assert len(progress.people[0].actions) == 1


def test_actions_naming_no_person_form_a_group_of_their_own():
    rows = [row(1, None), row(2, ANNA, None), row(3)]
    progress = build_progress(FakeRound(TODAY), rows, {}, TODAY)

    assert [a.action.id for a in progress.unnamed.actions] == [1, 3]
    assert progress.unnamed.person is None
    assert [p.person for p in progress.people] == [ANNA]
    assert progress.groups[-1] is progress.unnamed


def test_no_unnamed_group_when_every_action_names_someone():
    progress = build_progress(FakeRound(TODAY), [row(1, ANNA)], {}, TODAY)

    assert progress.groups == progress.people


def test_shares_per_person_and_in_all_count_each_action_once():
    rows = [row(1, ANNA), row(2, ANNA, BO), row(3, BO), row(4, CECILIA)]
    progress = build_progress(FakeRound(TODAY), rows, {2: report(2), 3: report(3)}, TODAY)
    anna, bo, cecilia = progress.people

    assert (anna.share, bo.share, cecilia.share) == (0.5, 1.0, 0.0)
    assert [a.action.id for a in anna.reported] == [2]
    assert [a.action.id for a in anna.unreported] == [1]
    assert (progress.reported_count, progress.total, progress.percent) == (2, 4, 50)
    assert anna.percent == 50


def test_nobody_is_late_while_the_round_is_open():
    progress = build_progress(FakeRound(TODAY), [row(1, ANNA)], {}, TODAY)

    assert not progress.closed
    assert progress.late == []


def test_after_the_due_date_those_with_something_unreported_are_late():
    rows = [row(1, ANNA), row(2, BO), row(3, None)]
    progress = build_progress(FakeRound(TODAY - dt.timedelta(days=1)), rows, {2: report(2)}, TODAY)

    assert progress.closed
    assert [p.person for p in progress.late] == [ANNA]
    assert progress.unnamed.late


def test_closing_the_round_makes_the_unreported_late_before_the_due_date():
    rows = [row(1, ANNA), row(2, BO)]
    progress = build_progress(FakeRound(TODAY, closed=True), rows, {2: report(2)}, TODAY)

    assert [p.person for p in progress.late] == [ANNA]


def test_an_update_waiting_for_approval_counts_as_reported():
    progress = build_progress(FakeRound(TODAY), [row(1, ANNA)], {1: report(1, waiting=True)}, TODAY)
    (action,) = progress.people[0].actions

    assert action.reported and action.waiting
    assert progress.people[0].share == 1.0


def test_an_update_sent_back_is_not_reported():
    rows = [row(1, ANNA)]
    progress = build_progress(
        FakeRound(TODAY, closed=True), rows, {1: report(1, returned=True)}, TODAY
    )
    (action,) = progress.people[0].actions

    assert action.returned and not action.reported
    assert progress.people[0].late


def test_an_empty_plan_has_nothing_reported_and_nobody_late():
    progress = build_progress(FakeRound(TODAY, closed=True), [], {}, TODAY)

    assert (progress.total, progress.share, progress.people, progress.groups) == (0, 0.0, [], [])
