"""HME arithmetic by hand: item index, sub-indices, total, suppression and missing answers."""

import pytest

from styr.engagement import hme
from styr.engagement.hme import Aggregate, aggregate_answers, compute, compute_all, roll_up


def everyone(answer_rows):
    return compute(aggregate_answers(answer_rows))


def same_answers(row, times):
    return [list(row)] * times


def test_answers_become_0_to_100_and_the_item_index_is_their_mean():
    # 5, 4 and 3 are 100, 75 and 50: (100 + 75 + 50) / 3 = 75.
    assert hme.item_index(3, 5 + 4 + 3) == pytest.approx((100 + 75 + 50) / 3)
    assert hme.item_index(1, 1) == 0
    assert hme.item_index(1, 2) == 25
    assert hme.item_index(1, 5) == 100
    assert hme.item_index(0, 0) is None


def test_statement_index_over_ten_respondents():
    rows = [[5, 4, 3, 4, 4, 4, 2, 2, 2]] * 4 + [[3, 4, 3, 4, 4, 4, 2, 2, 2]] * 6
    result = everyone(rows)
    # Statement 1: four answered 5 (100) and six answered 3 (50): (400 + 300) / 10 = 70.
    assert result.item(1) == pytest.approx(70.0)
    assert result.item(2) == pytest.approx(75.0)
    assert result.item(3) == pytest.approx(50.0)


def test_sub_indices_are_means_of_their_three_statements_and_total_of_all_nine():
    rows = same_answers([5, 4, 3, 4, 4, 5, 1, 2, 3], 10)
    result = everyone(rows)
    assert result.motivation == pytest.approx((100 + 75 + 50) / 3)
    assert result.leadership == pytest.approx((75 + 75 + 100) / 3)
    assert result.governance == pytest.approx((0 + 25 + 50) / 3)
    nine = [100, 75, 50, 75, 75, 100, 0, 25, 50]
    assert result.total == pytest.approx(sum(nine) / 9)
    assert result.subindices == {
        "motivation": result.motivation,
        "leadership": result.leadership,
        "governance": result.governance,
    }


def test_results_are_unrounded():
    rows = same_answers([5] * 9, 7) + same_answers([4] * 9, 3) + same_answers([3] * 9, 2)
    result = everyone(rows)
    assert result.total == pytest.approx((7 * 100 + 3 * 75 + 2 * 50) / 12)
    assert result.total != round(result.total, 1)


def test_nine_respondents_are_suppressed_and_ten_are_shown():
    nine = everyone(same_answers([4] * 9, 9))
    assert nine.suppressed
    assert nine.respondents == 9
    assert nine.total is None
    assert nine.subindices == {"motivation": None, "leadership": None, "governance": None}
    assert [item.index for item in nine.items] == [None] * 9

    ten = everyone(same_answers([4] * 9, 10))
    assert not ten.suppressed
    assert ten.total == 75.0
    assert ten.motivation == ten.leadership == ten.governance == 75.0


def test_a_missing_answer_leaves_the_statement_mean_over_those_who_answered():
    # Twelve respondents, two skip statement 4; the ten who answered all said 5.
    rows = same_answers([3, 3, 3, 5, 3, 3, 3, 3, 3], 10) + same_answers(
        [3, 3, 3, None, 3, 3, 3, 3, 3], 2
    )
    result = everyone(rows)
    assert result.respondents == 12
    assert result.items[3].answered == 10
    assert result.item(4) == 100.0
    assert result.item(1) == 50.0
    assert result.leadership == pytest.approx((100 + 50 + 50) / 3)
    assert result.total == pytest.approx((100 + 8 * 50) / 9)


def test_a_statement_fewer_than_ten_answered_is_withheld_with_what_includes_it():
    # Ten respondents, one skips statement 7: nine answers to it are too few to show.
    rows = same_answers([4] * 9, 9) + [[4, 4, 4, 4, 4, 4, None, 4, 4]]
    result = everyone(rows)
    assert not result.suppressed
    assert result.item(7) is None
    assert result.item(8) == 75.0
    assert result.governance is None
    assert result.total is None
    assert result.motivation == result.leadership == 75.0


def test_the_whole_municipality_counts_every_respondent_together():
    small = aggregate_answers(same_answers([5] * 9, 4))  # suppressed on its own
    large = aggregate_answers(same_answers([3] * 9, 16))
    assert compute(small).suppressed
    result = compute_all([small, large])
    assert result.respondents == 20
    # Not the mean of the units' indices: (4 x 100 + 16 x 50) / 20 = 60.
    assert result.total == pytest.approx(60.0)


def test_roll_up_adds_units_below_a_parent():
    a = aggregate_answers(same_answers([5] * 9, 6))
    b = aggregate_answers(same_answers([3] * 9, 6))
    rolled = roll_up({2: a, 3: b}, {1: None, 2: 1, 3: 2})
    assert rolled[3] == b
    assert rolled[2] == a + b
    assert rolled[1] == a + b
    assert compute(rolled[1]).total == pytest.approx(75.0)


def test_impossible_aggregates_are_refused():
    with pytest.raises(ValueError):
        Aggregate(5, (6,) + (0,) * 8, (6,) + (0,) * 8)  # more answers than respondents
    with pytest.raises(ValueError):
        Aggregate(5, (2,) + (0,) * 8, (11,) + (0,) * 8)  # two answers cannot sum to 11
    with pytest.raises(ValueError):
        aggregate_answers([[6] * 9])


def test_statements_and_sub_indices_are_skrs():
    assert [s.kolada_id for s in hme.STATEMENTS] == [f"U0030{n}" for n in range(9)]
    assert hme.STATEMENTS[0].text == "Mitt arbete känns meningsfullt."
    assert hme.STATEMENTS[5].text == (
        "Min närmaste chef ger mig förutsättningar att ta ansvar i mitt arbete."
    )
    assert [(s.name, s.kolada_id, s.statements) for s in hme.SUBINDICES] == [
        ("Motivation", "U00201", (1, 2, 3)),
        ("Ledarskap", "U00202", (4, 5, 6)),
        ("Styrning", "U00203", (7, 8, 9)),
    ]
    assert hme.MIN_RESPONDENTS == 10
    assert hme.TOTAL_KOLADA_ID == "U00200"
