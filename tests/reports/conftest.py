import datetime as dt

import pytest

from styr.reports.build import build_report
from styr.reports.queries import read_plan_rows
from tests.conftest import MEMO_DAY


@pytest.fixture
def nacka_report(plan):
    """The Nacka demo's report as of the memo's day, compared with 1 March 2015."""
    since = dt.date(2015, 3, 1)
    return build_report(read_plan_rows(plan, MEMO_DAY, since))
