"""A plan of thousands of actions: the plan page shows its summary and themes, then the
actions a page at a time, every link keeping the day and the filters."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html

from styr.demo.synthetic import build_plan
from styr.portal.plan_page import ONE_PAGE, PAGE_SIZE

pytestmark = pytest.mark.django_db

PAST = "2020-06-01"
THEME_ROWS = "//section[@aria-labelledby='teman']//tbody/tr"


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content.decode())


def action_titles(doc) -> list[str]:
    return [a.text_content().strip() for a in doc.xpath("//li[@class='action']/*/a")]


def link_query(doc, rel: str) -> dict[str, list[str]]:
    [link] = doc.xpath(f"//nav[@class='pager']//a[@rel='{rel}']")
    return parse_qs(urlsplit(link.get("href")).query)


@pytest.fixture
def large():
    return build_plan(actions=ONE_PAGE + 2 * PAGE_SIZE, themes=4, slug="stor")


def test_a_plan_of_a_memos_size_shows_every_action_on_one_page(client):
    build_plan(actions=ONE_PAGE, slug="liten")
    doc = page(client, "/planer/liten/")
    assert len(action_titles(doc)) == ONE_PAGE
    assert doc.xpath("//nav[@class='pager']") == []
    assert doc.xpath("//*[@id='teman']") == []


def test_a_large_plan_shows_its_first_page_and_every_theme_with_counts(client, large):
    doc = page(client, "/planer/stor/")
    # Theme 1 holds every fourth action: the first page is its first PAGE_SIZE.
    assert action_titles(doc) == [f"Åtgärd {1 + 4 * n}" for n in range(PAGE_SIZE)]
    rows = [
        [cell.text_content().strip() for cell in row.xpath("th|td")]
        for row in doc.xpath(THEME_ROWS)
    ]
    total = ONE_PAGE + 2 * PAGE_SIZE
    assert [row[0] for row in rows] == ["1. Tema 1", "2. Tema 2", "3. Tema 3", "4. Tema 4"]
    assert sum(int(row[1]) for row in rows) == total
    [summary] = [section.text_content() for section in doc.xpath("//section[@class='summary']")]
    assert f"av {total} åtgärder genomförda" in " ".join(summary.split())
    [note] = doc.xpath("//p[@class='page-note']")
    assert note.text_content() == f"Åtgärd 1–{PAGE_SIZE} av {total} (sida 1 av 6)."


def test_the_next_page_link_keeps_the_day_and_the_filters(client, large):
    doc = page(client, f"/planer/stor/?as_of={PAST}&status=in_progress")
    query = link_query(doc, "next")
    assert query == {"as_of": [PAST], "status": ["in_progress"], "sida": ["2"]}
    assert doc.xpath("//nav[@class='pager']//a[@rel='prev']") == []


def test_the_second_page_shows_the_next_actions_and_links_back(client, large):
    first = action_titles(page(client, "/planer/stor/"))
    doc = page(client, "/planer/stor/?sida=2")
    second = action_titles(doc)
    assert len(second) == PAGE_SIZE and not set(first) & set(second)
    assert link_query(doc, "prev")["sida"] == ["1"]


def test_a_themes_link_shows_that_themes_actions_on_the_day(client, large):
    doc = page(client, f"/planer/stor/?as_of={PAST}")
    links = doc.xpath(THEME_ROWS + "/th/a")
    query = parse_qs(urlsplit(links[1].get("href")).query)
    assert query["as_of"] == [PAST] and "sida" not in query
    themed = page(client, "/planer/stor/?" + urlsplit(links[1].get("href")).query)
    heading = [h.text_content() for h in themed.xpath("//section[@aria-labelledby='atgarder']//h3")]
    assert heading == ["2. Tema 2"]


@pytest.mark.parametrize("number", ["abc", "0", "-1", "1.5", "", "99999999999999999999"])
def test_a_page_number_that_is_none_shows_the_first_page(client, large, number):
    first = action_titles(page(client, "/planer/stor/"))
    assert action_titles(page(client, f"/planer/stor/?sida={number}")) == first


def test_a_page_past_the_last_is_not_found(client, large):
    assert client.get("/planer/stor/?sida=7").status_code == 404


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_paged_plan_runs_the_same_queries_for_200_and_2000_actions(client):
    build_plan(actions=200, updates_per_action=2, slug="medel")
    build_plan(actions=2000, updates_per_action=2, slug="jatte")
    for query in ("", "?sida=3", f"?as_of={PAST}&status=done"):
        assert queries(client, f"/planer/medel/{query}") == queries(
            client, f"/planer/jatte/{query}"
        ), "The paged plan page reads more for more actions: read only the page's in full."
