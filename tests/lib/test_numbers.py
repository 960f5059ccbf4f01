"""Values with their units, the way a Swedish reader writes them (no database)."""

import pytest

from styr.lib.numbers import format_measure, format_unit


@pytest.mark.parametrize(
    ("unit", "shown"),
    [
        ("1000 kr/invånare", "tkr/invånare"),
        ("1 000 kr/invånare", "tkr/invånare"),
        ("1\u00a0000 kr per invånare", "tkr per invånare"),
        ("1000 kr", "tkr"),
        ("1000000 kr", "mnkr"),
        ("kr/invånare", "kr/invånare"),
        ("%", "%"),
        ("dagar", "dagar"),
        ("", ""),
    ],
)
def test_a_scaled_kolada_unit_is_written_as_a_swede_reads_it(unit, shown):
    assert format_unit(unit) == shown


@pytest.mark.parametrize(
    ("value", "decimals", "unit", "text"),
    [
        (524, 0, "1000 kr/invånare", "524\u00a0tkr/invånare"),
        (1417, 0, "antal", "1\u00a0417\u00a0antal"),
        (91.25, 1, "%", "91,3\u00a0%"),
        (78.0, 1, "", "78,0"),
        (None, 1, "%", "–"),
    ],
)
def test_a_value_is_written_with_its_unit_once(value, decimals, unit, text):
    assert format_measure(value, decimals, unit) == text
