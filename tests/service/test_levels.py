"""The service-level arithmetic on a small example computed by hand."""

import pytest

from styr.service.levels import (
    FIRST_CONTACT_TARGET,
    HANDLED_TARGET,
    CaseCount,
    Level,
    indicator_values,
    levels_by_period,
    meets,
    share,
    year_levels,
    years,
)

# January: 10 cases, 8 handled by the contact centre, 6 resolved at first contact.
# February: 20 cases, 19 handled, 20 resolved (one handed on but still answered at once).
COUNTS = [
    CaseCount("2015-01", "citizen", "Bygglov", True, True, 6),
    CaseCount("2015-01", "citizen", "Bygglov", False, False, 2),
    CaseCount("2015-01", "employee", "IT och telefoni", True, False, 2),
    CaseCount("2015-02", "citizen", "Avfall, vatten och avlopp", True, True, 19),
    CaseCount("2015-02", "citizen", "Avfall, vatten och avlopp", False, True, 1),
]


def test_targets_are_the_memos():
    assert (HANDLED_TARGET, FIRST_CONTACT_TARGET) == (90, 90)


def test_month_shares():
    levels = levels_by_period(COUNTS)
    january = levels["2015-01"].overall
    assert (january.total, january.handled, january.first_contact) == (10, 8, 6)
    assert january.handled_share == 80.0
    assert january.first_contact_share == 60.0
    assert (january.handled_met, january.first_contact_met) == (False, False)
    february = levels["2015-02"].overall
    assert (february.handled_share, february.first_contact_share) == (95.0, 100.0)
    assert (february.handled_met, february.first_contact_met) == (True, True)


def test_year_share_is_over_all_cases_not_a_mean_of_months():
    year = levels_by_period(COUNTS)["2015"].overall
    assert year.total == 30
    assert year.handled_share == 90.0  # 27 / 30; the mean of 80 and 95 would be 87.5
    assert year.handled_met is True  # exactly on target meets it
    assert year.first_contact_share == pytest.approx(26 / 30 * 100)
    assert year.first_contact_met is False


def test_first_contact_share_counts_cases_handed_on():
    # Of January's 10 cases, 2 were handed on and not resolved: they count in the denominator.
    assert levels_by_period(COUNTS)["2015-01"].overall.first_contact_share == 60.0


def test_per_requester_always_lists_both_and_an_empty_one_is_missing_not_zero():
    february = levels_by_period(COUNTS)["2015-02"]
    citizen, employee = february.requesters
    assert (citizen.key, citizen.total, citizen.handled_share) == ("citizen", 20, 95.0)
    assert (employee.key, employee.total) == ("employee", 0)
    assert employee.handled_share is None
    assert employee.first_contact_share is None
    assert employee.handled_met is None
    year_employee = levels_by_period(COUNTS)["2015"].requesters[1]
    assert year_employee.first_contact_share == 0.0  # two cases, none resolved: zero, not None


def test_per_category_largest_first():
    categories = levels_by_period(COUNTS)["2015"].categories
    assert [(c.key, c.total) for c in categories] == [
        ("Avfall, vatten och avlopp", 20),
        ("Bygglov", 8),
        ("IT och telefoni", 2),
    ]
    assert categories[1].handled_share == 75.0
    assert categories[1].first_contact_share == 75.0


def test_year_levels_has_twelve_months_with_empty_ones_missing():
    shown = year_levels(COUNTS, 2015)
    assert len(shown.months) == 12
    assert [m.key for m in shown.months[:3]] == ["2015-01", "2015-02", "2015-03"]
    march = shown.months[2]
    assert (march.total, march.handled_share, march.first_contact_share) == (0, None, None)
    assert shown.total.overall.total == 30
    assert shown.generated is False


def test_a_year_without_cases():
    shown = year_levels(COUNTS, 2014)
    assert shown.total is None
    assert all(month.handled_share is None for month in shown.months)


def test_generated_rows_mark_the_period():
    counts = [*COUNTS, CaseCount("2016-01", "citizen", "Bygglov", True, True, 1, generated=True)]
    assert year_levels(counts, 2016).generated is True
    assert year_levels(counts, 2015).generated is False


def test_shares_of_empty_groups_are_none():
    assert share(0, 0) is None
    assert meets(0, 0, 90) is None
    assert Level("x").handled_share is None


def test_target_is_judged_on_exact_counts():
    assert meets(9, 10, 90) is True
    assert meets(8999, 10000, 90) is False  # 89.99 %, shown rounded as "90,0 %"


def test_indicator_values_give_months_and_the_year():
    values = indicator_values(COUNTS)
    assert values == {
        "service_handled": {"2015": 90.0, "2015-01": 80.0, "2015-02": 95.0},
        "service_first_contact": {
            "2015": pytest.approx(86.6666667),
            "2015-01": 60.0,
            "2015-02": 100.0,
        },
    }


def test_no_counts_no_values():
    assert indicator_values([]) == {"service_handled": {}, "service_first_contact": {}}
    assert years([]) == []


def test_years_in_order():
    counts = [*COUNTS, CaseCount("2013-05", "citizen", "Bygglov", True, True, 3)]
    assert years(counts) == [2013, 2015]
