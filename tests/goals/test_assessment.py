"""Attainment rules, without a database."""

from hypothesis import given
from hypothesis import strategies as st

from styr.goals.assessment import (
    HIGHER,
    LOWER,
    MET,
    NONE,
    NOT_MET,
    PARTLY,
    Rules,
    assess_goal,
    assess_indicator,
    assess_tree,
    outcome_for_year,
    target_for,
)


def test_higher_is_better_is_met_at_or_above_target():
    assert assess_indicator(90.0, 90.0, HIGHER) == MET
    assert assess_indicator(93.5, 90.0, HIGHER) == MET


def test_higher_is_better_within_tolerance_is_partly_met():
    # 10 % of the target 90 is 9 points: 81 is partly met, 80.9 is not met.
    assert assess_indicator(81.0, 90.0, HIGHER) == PARTLY
    assert assess_indicator(80.9, 90.0, HIGHER) == NOT_MET


def test_lower_is_better_above_target_does_not_read_as_met():
    assert assess_indicator(12.0, 10.0, LOWER) == NOT_MET
    assert assess_indicator(10.5, 10.0, LOWER) == PARTLY
    assert assess_indicator(9.0, 10.0, LOWER) == MET


def test_missing_outcome_or_target_is_not_assessed_rather_than_zero():
    assert assess_indicator(None, 90.0, HIGHER) == NONE
    assert assess_indicator(0.0, None, HIGHER) == NONE
    assert assess_indicator(0.0, 90.0, HIGHER) == NOT_MET


def test_tolerance_is_configurable():
    strict = Rules(tolerance_percent=0)
    assert assess_indicator(89.9, 90.0, HIGHER, strict) == NOT_MET
    generous = Rules(tolerance_percent=25)
    assert assess_indicator(70.0, 90.0, HIGHER, generous) == PARTLY


def test_floating_point_noise_at_the_target_counts_as_reached():
    assert assess_indicator(0.1 + 0.2, 0.3, HIGHER) == MET
    assert assess_indicator(0.3, 0.1 + 0.2, LOWER) == MET


@given(
    st.floats(min_value=-1e6, max_value=1e6),
    st.floats(min_value=-1e6, max_value=1e6),
)
def test_a_lower_is_better_indicator_is_the_mirror_of_a_higher_one(outcome, target):
    assert assess_indicator(outcome, target, LOWER) == assess_indicator(-outcome, -target, HIGHER)


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0.01, max_value=1e6))
def test_above_target_is_never_met_when_lower_is_better(excess, target):
    if excess > 1e-6 * target:
        assert assess_indicator(target + excess, target, LOWER) != MET


def test_goal_is_met_only_when_every_assessed_indicator_is_met_by_default():
    assert assess_goal([MET, MET, NONE]).level == MET
    assert assess_goal([MET, MET, PARTLY]).level == PARTLY
    tally = assess_goal([MET, NOT_MET, PARTLY, NONE])
    assert tally.level == PARTLY  # two of three at least partly met
    assert (tally.assessed, tally.met, tally.partly, tally.not_met) == (3, 1, 1, 1)
    assert assess_goal([NOT_MET, NOT_MET, PARTLY]).level == NOT_MET


def test_goal_without_assessed_indicators_is_not_assessed():
    assert assess_goal([]).level == NONE
    assert assess_goal([NONE, NONE]).level == NONE


def test_goal_thresholds_are_configurable():
    lenient = Rules(goal_met_percent=75, goal_partly_percent=25)
    assert assess_goal([MET, MET, MET, NOT_MET], lenient).level == MET
    assert assess_goal([MET, NOT_MET, NOT_MET, NOT_MET], lenient).level == PARTLY


def test_tree_rolls_sub_goals_up_into_their_parent():
    parents = {1: None, 2: 1, 3: 1, 4: 3}
    levels = {2: [MET], 3: [MET], 4: [NOT_MET]}
    tree = assess_tree(parents, levels)
    assert tree[4].level == NOT_MET
    assert tree[3].level == PARTLY  # its own MET and its sub-goal's NOT_MET
    assert tree[2].level == MET
    assert tree[1].level == PARTLY


def test_target_holds_until_replaced_and_a_year_covers_its_months():
    targets = {"2015": 90.0, "2017": 92.0}
    assert target_for("2014", targets) is None
    assert target_for("2016", targets) == 90.0
    assert target_for("2017", targets) == 92.0
    assert target_for("2015-07", targets) == 90.0
    assert target_for("2015-07", {"2015": 90.0, "2015-06": 85.0}) == 85.0
    assert target_for("2015", {"2015-06": 85.0}) is None


def test_outcome_for_year_prefers_the_year_then_the_latest_period_in_it():
    assert outcome_for_year(2015, {"2015": 88.0, "2015-12": 91.0})[1] == 88.0
    period, value = outcome_for_year(2015, {"2015-02": 80.0, "2015-11": 91.0, "2015-12": None})
    assert (period.key, value) == ("2015-11", 91.0)
    assert outcome_for_year(2016, {"2015": 1.0}) == (None, None)
