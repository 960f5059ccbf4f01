"""`styr bench generate`: a municipality of the asked size, all or nothing, whose public pages
answer, with the same queries as a smaller one."""

from html.parser import HTMLParser

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from styr.bench import generate as generation
from styr.bench.generate import AlreadyGenerated, counts, generate
from styr.bench.sizes import SIZES, Size
from styr.caching import versions
from styr.goals.models import Goal, Indicator
from styr.org.models import Municipality, Unit
from styr.plans.models import Plan

S = SIZES["S"]
# Smaller than S in every dimension: the query counts must not depend on the size.
XS = Size("XS", units=3, managers=12, plans=2, actions=8, updates_per_action=3, goals=6,
          indicators=20, kolada_values=2_000)  # fmt: skip

FIX = (
    "The page ran more queries for the larger municipality: an N+1 crept in. Read related "
    "rows with select_related/prefetch_related, one query per table."
)


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """S under `skalby` and XS under `pyttby`, generated once for the module, rolled back
    after it (the tests only read)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        towns = generate("S", slug="skalby"), generate(XS, slug="pyttby", seed=7)
    yield towns
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def skalby(generated, db):
    return generated[0]


@pytest.fixture
def pyttby(generated, db):
    return generated[1]


class Headings(HTMLParser):
    """The text of a page's <h1> elements."""

    def __init__(self, html: str):
        super().__init__()
        self.h1: list[str] = []
        self.inside = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.inside = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.h1[-1] += data


def h1(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(" ".join(Headings(response.content.decode()).h1).split())


def test_s_holds_the_sizes_it_states(skalby):
    rows = counts(skalby)
    assert rows["units"] == S.units
    assert rows["manager assignments"] == S.managers
    assert rows["plans"] == S.plans
    assert rows["actions"] == S.actions
    assert rows["status updates"] == S.status_updates == 500
    assert rows["action versions"] == S.actions
    assert rows["goals"] == S.goals
    assert rows["goal assessments"] == S.goals
    assert rows["indicators"] == S.indicators
    assert rows["Kolada values (national)"] == S.kolada_values
    # Two thirds of the managers, give or take, have an agreed contract (two events each).
    assert S.managers / 3 < rows["result contracts"] < S.managers
    assert rows["contract events"] == 2 * rows["result contracts"]


def test_status_history_is_dated_and_recorded_in_order(skalby):
    plan = Plan.objects.filter(municipality=skalby).order_by("id").first()
    action = plan.actions.order_by("order").first()
    updates = list(action.status_updates.order_by("date"))
    assert len(updates) == S.updates_per_action
    assert [u.recorded_at for u in updates] == sorted(u.recorded_at for u in updates)
    assert updates[0].status == "not_started"
    assert all(u.recorded_at.date() >= u.date for u in updates)


def test_goal_tree_has_one_vision_and_every_other_goal_a_parent(skalby):
    goals = Goal.objects.filter(municipality=skalby)
    assert [g.level for g in goals.filter(parent=None)] == ["vision"]
    assert not goals.exclude(level="vision").filter(parent=None).exists()
    kolada = Indicator.objects.filter(municipality=skalby, source="kolada")
    assert kolada.exists() and not kolada.filter(kpi=None).exists()


@pytest.mark.parametrize(
    "page",
    ["plan", "past plan", "action", "goal", "indicator", "kolada", "report", "organisation"],
)
def test_public_pages_of_the_generated_municipality_show_its_data(client, skalby, page):
    url, heading = pages(skalby)[page]
    assert h1(client, url) == heading


def test_contact_centre_and_start_page_answer(client, skalby):
    assert h1(client, f"/{skalby.slug}/kontaktcenter/") == "Kontaktcenter och serviceenhet"
    assert h1(client, "/") == "Kommunens planer och hur det går"


def test_public_pages_run_the_same_queries_for_xs_and_s(client, skalby, pyttby):
    small, large = pages(pyttby), pages(skalby)
    for page in small:
        assert queries(client, small[page][0]) == queries(client, large[page][0]), (page, FIX)


def test_a_second_run_on_the_same_slug_is_refused_and_writes_nothing(skalby):
    before = counts(skalby)
    with pytest.raises(AlreadyGenerated, match="skalby"):
        generate("S", slug="skalby")
    with pytest.raises(CommandError, match="already exists"):
        call_command("bench", "generate", "--scale", "S", "--municipality", "skalby")
    assert counts(skalby) == before


def test_a_failure_midway_leaves_nothing_behind(db, monkeypatch):
    def broken(*args):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(generation, "build_goals", broken)
    with pytest.raises(RuntimeError):
        generate(XS, slug="halvby")
    assert not Municipality.objects.filter(slug="halvby").exists()
    assert not Unit.objects.filter(slug__startswith="enhet-", municipality__slug="halvby").exists()
    assert not Plan.objects.filter(slug__startswith="halvby-").exists()


def test_generating_another_municipality_makes_every_cached_kolada_page_old(db):
    """The values are written in bulk (no model signals) and are national: the generator
    bumps the shared version itself, so a cached comparison page elsewhere is not stale."""
    first = generate(XS, slug="ettby")
    before = versions.read(versions.of_municipality(first.id))
    generate(XS, slug="tvaby", seed=8)
    assert versions.read(versions.of_municipality(first.id)).number > before.number


def pages(town: Municipality) -> dict[str, tuple[str, str]]:
    """Each public page's address and the heading it must show."""
    plan = Plan.objects.filter(municipality=town).order_by("id").first()
    action = plan.actions.order_by("order").first()
    goal = Goal.objects.filter(municipality=town, level="strategic").first()
    indicators = Indicator.objects.filter(municipality=town).order_by("id")
    manual = indicators.filter(source="manual").first()
    kolada = indicators.filter(source="kolada").first()
    return {
        "plan": (f"/planer/{plan.slug}/", plan.title),
        "past plan": (f"/planer/{plan.slug}/?as_of=2024-01-15", plan.title),
        "action": (f"/planer/{plan.slug}/atgarder/{action.pk}/", action.title),
        "goal": (f"/{town.slug}/mal/{goal.slug}/", f"{goal.code} {goal.title}"),
        "indicator": (f"/{town.slug}/indikatorer/{manual.slug}/", manual.name),
        "kolada": (f"/{town.slug}/indikatorer/{kolada.slug}/", kolada.name),
        "report": (f"/planer/{plan.slug}/lagesrapport/html/", plan.title),
        "organisation": (f"/{town.slug}/organisation/", f"Så är {town.name} organiserad"),
        "contact centre": (f"/{town.slug}/kontaktcenter/", "Kontaktcenter och serviceenhet"),
    }


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)
