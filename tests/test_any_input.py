"""Any input, every page: the one date rule, links that hold, and no 5xx for any query.

Every URL pattern (read from the URL configuration, filled with the demo's plan, action,
people, goals and a published report as `tests/accounts/test_matrix.py` does) is sent
malformed and extreme query parameters and overflowing ids, anonymously and as a
superuser; nothing may answer 5xx. Dates and years out of the one range (1950-01-01 to
2100-12-31) or malformed are a 400 page in Swedish that names the parameter and the value.
The demo is loaded once for the module.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import resolve
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from styr.demo.loader import load_file
from styr.goals.models import Indicator, Source
from styr.lib.dates import FIRST_DAY, LAST_DAY, swedish_day
from styr.reports.domain import plan_start, publish_report
from tests import html
from tests.accounts.test_matrix import CASES, World, url_patterns
from tests.cast import make_cast
from tests.conftest import MEMO_DAY

# The public pages that read each date-like parameter; every one must refuse a bad value.
READERS = {
    "as_of": [
        "portal:plan",
        "portal:action",
        "portal:organisation",
        "portal:person",
        "reports:report",
        "contracts:public",
    ],
    "since": ["reports:report"],
    "ar": ["goals:tree", "goals:goal", "service:levels", "engagement:survey", "contracts:public"],
    "fran": ["meetings:meetings"],
    "till": ["meetings:meetings"],
}
BAD_DATES = [
    "9999-12-31",
    "0001-01-01",
    "1949-12-31",
    "2101-01-01",
    "2015-02-30",
    "2015-13-45",
    "20150902",
    "igår",
    "2015-09-02T00:00",
    "٢٠١٥-٠٩-٠٢",
    "9" * 5000,
]
BAD_YEARS = ["9999", "0001", "1949", "2101", "20150", "2015.5", "-1", "tjugo", "٢٠١٥", "9" * 5000]
EXTREMES = [
    *BAD_DATES,
    *BAD_YEARS,
    "",
    " ",
    "\x00",
    "2015-09-02\x00",
    "%",
    "'; select 1; --",
    "<script>alert(1)</script>",
    "99999999999999999999",
    "-99999999999999999999",
    "1e308",
    "NaN",
    "🙂" * 50,
    FIRST_DAY.isoformat(),
    LAST_DAY.isoformat(),
    MEMO_DAY.isoformat(),
    "2015",
    "1950",
    "2100",
]
# Beyond SQLite's 64-bit integers, at 2**63 and just below it, and the longest id accepted.
HUGE_IDS = ["99999999999999999999", "9223372036854775808", "9223372036854775807", "9" * 18]
KNOWN_NAMES = [
    *READERS,
    "status",
    "tema",
    "ansvarig",
    "jamfor",
    "jamforelse",
    "grupp",
    "q",
    "next",
    "format",
    "period",
    "date",
    "year",
    "day",
    "today",
    "month",
    "manad",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo (without generated records), the cast, a published report and a superuser,
    once for the module, rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        municipality = load_file(generated=False)
        cast = make_cast(municipality)
        report = publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
        superuser = get_user_model().objects.create_superuser("allt", "allt@example.org", "pw")
        client = Client()
        client.force_login(superuser)
        sessions = {"superuser": client.cookies[settings.SESSION_COOKIE_NAME].value}
    yield World(cast=cast, report=report, sessions=sessions)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def pages(world: World) -> dict[str, str]:
    """Every non-admin URL pattern as a path on the demo, without its query; and a Kolada
    indicator, whose page also reads whom to compare with."""
    keys = sorted(key for key, _route in url_patterns() if not key.startswith("admin"))
    every = {key: CASES[key].path(world).split("?")[0] for key in keys}
    kolada = Indicator.objects.filter(source=Source.KOLADA).first()
    every["goals:indicator (Kolada)"] = f"/{world.municipality.slug}/indikatorer/{kolada.slug}/"
    return every


def clients(world: World) -> list[Client]:
    return [Client(), world.client("superuser")]


def get(client: Client, path: str, query) -> int:
    response = client.get(path, query)
    assert response.status_code < 500, f"{path} {query!r} answered {response.status_code}"
    return response.status_code


@pytest.mark.parametrize("name", sorted(READERS))
def test_a_bad_date_or_year_is_a_400_in_swedish_naming_it_on_every_page_that_reads_it(
    world, db, name
):
    every = pages(world)
    values = BAD_YEARS if name == "ar" else BAD_DATES
    for key in READERS[name]:
        for value in values:
            query = {name: value}
            if name == "since":
                query["as_of"] = MEMO_DAY.isoformat()
            response = Client().get(every[key], query)
            assert response.status_code == 400, (
                f"{key} ?{name}={value[:20]}: {response.status_code}"
            )
            (said,) = html.alerts(html.parse(response, 400))
            kind = "år" if name == "ar" else "datum"
            assert said.startswith(f"Ogiltigt {kind} ”{value[:20]}"), (key, value[:20], said)
            assert f"för {name}." in said
            assert "1950" in said and "2100" in said


@pytest.mark.parametrize("format_name", ["md", "html", "docx", "pdf"])
def test_the_range_s_last_day_is_reported_and_its_first_refused_saying_why(world, db, format_name):
    url = f"/planer/{world.plan.slug}/lagesrapport/{format_name}/"
    assert Client().get(url, {"as_of": LAST_DAY.isoformat()}).status_code == 200
    # 1950 is a day the rule accepts but before the plan existed: the report says so.
    response = Client().get(url, {"as_of": FIRST_DAY.isoformat()})
    (said,) = html.alerts(html.parse(response, 400))
    assert said.startswith("Planen fanns inte den 1 januari 1950;")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith("/") and not href.startswith("/static/"):
            self.hrefs.append(href)


def links_of(page: str) -> list[str]:
    parser = Links()
    parser.feed(page)
    return parser.hrefs


def test_a_page_that_accepts_a_day_links_only_to_pages_that_accept_it(world, db):
    plan = world.plan
    starts = [
        f"/planer/{plan.slug}/",
        f"/planer/{plan.slug}/atgarder/{world.action.id}/",
        f"/{plan.municipality.slug}/organisation/",
        f"/{plan.municipality.slug}/personer/elisabeth-carle/",
    ]
    followed: dict[str, int] = {}
    kinds = set()  # one link per page kind and query: the 33 action links are read alike
    for day in (FIRST_DAY, plan_start(plan), LAST_DAY):
        for start in starts:
            response = Client().get(start, {"as_of": day.isoformat()})
            assert response.status_code == 200, (start, day)
            for href in links_of(response.content.decode()):
                path, _, query = href.partition("?")
                kind = (resolve(path).view_name, query)
                if query and kind not in kinds:
                    kinds.add(kind)
                    followed[href] = Client().get(href).status_code
    answered = {href: status for href, status in followed.items() if status >= 400}
    assert not answered, answered
    # The plan page linked to the report for the days it can be reported on, and not before.
    reports = [href for href in followed if "/lagesrapport/" in href]
    assert f"/planer/{plan.slug}/lagesrapport/pdf/?as_of={LAST_DAY}" in reports
    assert f"/planer/{plan.slug}/lagesrapport/pdf/?as_of={plan_start(plan)}" in reports
    assert not [href for href in reports if f"as_of={FIRST_DAY}" in href]


def test_the_plan_page_says_from_when_a_report_exists_instead_of_a_link_that_fails(world, db):
    plan = world.plan
    before = plan_start(plan) - dt.timedelta(days=1)
    response = Client().get(f"/planer/{plan.slug}/", {"as_of": before.isoformat()})
    said = html.texts(html.parse(response), "//section[@aria-labelledby='rapport']/p")
    assert said[0].startswith(f"Det finns ingen lägesrapport om läget den {swedish_day(before)}:")
    assert "/lagesrapport/" not in response.content.decode()


def test_an_id_too_large_for_the_database_is_not_found(world, db):
    checked = set()
    for key, path in pages(world).items():
        match = resolve(path)
        if "pk" not in match.kwargs:
            continue
        for huge in HUGE_IDS:
            changed = path.replace(f"/{match.kwargs['pk']}/", f"/{huge}/")
            assert world.client("superuser").get(changed).status_code == 404, changed
            # Beyond 18 digits no pattern matches; within, a citizen may be asked to log in.
            assert Client().get(changed).status_code in ((404,) if len(huge) > 18 else (302, 404))
            checked.add(key)
    assert checked == {
        "portal:action",
        "plans:report_status",
        "plans:review",
        "reports:published_file",
        "rounds:round",
        "rounds:close",
        "meetings:meeting",
        "meetings:record_attendance",
        "meetings:import",
        "meetings:award",
    }


names = st.one_of(st.sampled_from(KNOWN_NAMES), st.text(max_size=12))
values = st.one_of(
    st.sampled_from(EXTREMES),
    st.text(max_size=30),
    st.integers().map(str),
    st.dates().map(dt.date.isoformat),
    st.integers(min_value=0, max_value=99_999).map(str),
)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "superuser"])
def test_no_query_string_makes_any_page_fail(world, db, signed_in):
    every = sorted(pages(world).values())
    client = world.client("superuser") if signed_in else Client()

    @hypothesis_settings(
        max_examples=60,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        path=st.sampled_from(every),
        query=st.lists(st.tuples(names, values), max_size=4),
    )
    def check(path, query):
        with transaction.atomic():
            get(client, path, query)
            transaction.set_rollback(True)

    check()


def segments(world: World) -> list[tuple[str, str]]:
    """(path, one of its text arguments) for every text argument of every pattern: a
    municipality, a plan, a person, a goal, a format, a KPI id: text a view may look up."""
    found = []
    for key, _route in url_patterns():
        if not key.startswith("admin"):
            path = CASES[key].path(world).split("?")[0]
            found += [(path, v) for k, v in resolve(path).kwargs.items() if k != "pk"]
    return found


def with_segment(path: str, segment: str, text: str) -> str:
    return path.replace(f"/{segment}/", f"/{quote(text, safe='')}/", 1)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "superuser"])
def test_no_text_in_a_path_makes_any_page_fail(world, db, signed_in):
    found = segments(world)
    assert len(found) >= 20
    client = world.client("superuser") if signed_in else Client()
    for path, segment in found:
        for text in SHAPES:
            if text.strip("/"):
                get(client, with_segment(path, segment, text), {})

    @hypothesis_settings(
        max_examples=30,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(where=st.sampled_from(found), text=values.filter(lambda text: text.strip("/")))
    def check(where, text):
        with transaction.atomic():
            get(client, with_segment(*where, text), {})
            transaction.set_rollback(True)

    check()


# One of each kind of trouble; the hypothesis test above draws from all of EXTREMES.
SHAPES = [
    "9999-12-31",
    "0001-01-01",
    "\x00",
    "a\x00b",
    "9" * 5000,
    "🙂" * 50,
    "99999999999999999999",
    "",
    LAST_DAY.isoformat(),
]


@pytest.mark.parametrize("value", SHAPES, ids=lambda value: repr(value[:12]))
def test_no_extreme_value_of_a_known_parameter_makes_any_page_fail(world, db, value):
    for path in pages(world).values():
        query = dict.fromkeys(READERS, value)
        query.update({"status": value, "tema": value, "jamfor": value, "grupp": value, "q": value})
        for client in clients(world):
            get(client, path, query)
