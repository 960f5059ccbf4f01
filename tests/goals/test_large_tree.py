"""Goal pages of a large tree: the top levels with their assessments and counts, linking
down, in the same number of queries as the demo's memo-sized tree shown whole."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from styr.bench.generate import generate
from styr.demo.loader import load_file
from styr.goals import tree_page
from styr.goals.models import Goal
from tests.html import parse, texts


@pytest.fixture(scope="module")
def towns(django_db_setup, django_db_blocker):
    """The demo (Nacka) and a generated S (`skalby`), loaded once, rolled back after."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        loaded = load_file(generated=False), generate("S", slug="skalby")
    yield loaded
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def large(monkeypatch, towns, db, uncached_pages):
    """S's eight goals count as a large tree, shown as many whole levels as fit in two goals."""
    monkeypatch.setattr(tree_page, "ONE_PAGE", 6)
    monkeypatch.setattr(tree_page, "SHOWN", 2)
    return towns


def summary_rows(response) -> list[list[str]]:
    tree = parse(response)
    return [
        texts(row, "./th | ./td")
        for row in tree.xpath("//table[@class='goal-summaries']//tbody/tr")
    ]


def test_a_large_tree_shows_its_top_levels_with_assessments_and_counts(client, large):
    rows = summary_rows(client.get("/skalby/mal/"))
    goals = Goal.objects.filter(municipality__slug="skalby")
    vision = goals.get(parent=None)
    shown = [vision, *vision.children.order_by("order", "id")]
    assert [row[0] for row in rows] == [_label(goal, depth=int(goal != vision)) for goal in shown]
    assert [row[1] for row in rows] == [goal.get_level_display() for goal in shown]
    # The vision holds every other goal under it, and every indicator of the tree.
    assert rows[0][4] == f"{goals.count() - 1} delmål, {_indicators_below(vision)} indikatorer"
    assert all(row[2] and row[3] for row in rows)  # an assessment, and how it came about


def test_a_large_trees_goals_link_down_to_their_sub_goals(client, large):
    vision = Goal.objects.get(municipality__slug="skalby", parent=None)
    links = parse(client.get("/skalby/mal/")).xpath(
        "//table[@class='goal-summaries']//tbody/tr/th/a/@href"
    )
    assert links[0].split("?")[0] == vision.get_absolute_url()
    child = vision.children.order_by("order", "id").first()
    assert links[1].split("?")[0] == child.get_absolute_url()
    rows = summary_rows(client.get(links[1]))
    assert [row[0] for row in rows] == [
        _label(goal, depth=0) for goal in child.children.order_by("order", "id")
    ]


def test_the_demos_tree_is_shown_whole_as_before(client, towns, db):
    tree = parse(client.get("/nacka/mal/"))
    assert not tree.xpath("//table[@class='goal-summaries']")
    shown = tree.xpath("//ul[@class='goal-tree']//div[@class='goal-node']/a")
    assert len(shown) == Goal.objects.filter(municipality__slug="nacka").count()


@pytest.mark.parametrize("page", ["tree", "root", "leaf"])
def test_goal_pages_run_the_same_queries_for_the_demo_and_a_large_s(client, large, page):
    assert queries(client, url(page, "nacka")) == queries(client, url(page, "skalby"))


def url(page: str, slug: str) -> str:
    goals = Goal.objects.filter(municipality__slug=slug).order_by("order", "id")
    if page == "tree":
        return f"/{slug}/mal/"
    if page == "root":
        return goals.get(parent=None).get_absolute_url()
    # A goal at the bottom of the tree with indicators and actions of its own, in each town.
    leaves = goals.filter(children__isnull=True, indicators__isnull=False, actions__isnull=False)
    return leaves.first().get_absolute_url()


# Queries a page runs or not by the kinds of data it has, whatever their number: the HME
# indices only where an indicator is computed from HME (the demo has such, S has none), the
# contact centre's generated-data mark only where one under the goal is computed from cases,
# the linked actions' plans, themes and people only where those actions have them
# (read_action_rows, whose counts the plan pages' tests bound).
BY_KIND = (
    "engagement_",
    "service_servicecaseimport",
    '"plans_theme"',
    '"org_person"',
    'SELECT "plans_action"."id"',
)


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return sum(not any(kind in query["sql"] for kind in BY_KIND) for query in captured)


def _indicators_below(goal) -> int:
    return goal.indicators.count() + sum(
        _indicators_below(c) for c in Goal.objects.filter(parent=goal)
    )


def _label(goal, depth: int) -> str:
    """A summary row's goal cell as read aloud (the depth's dashes are hidden from it)."""
    owner = f" {goal.owner}" if goal.owner else ""
    return f"{goal.code} {goal.title}{owner}".strip() if goal.code else f"{goal.title}{owner}"
