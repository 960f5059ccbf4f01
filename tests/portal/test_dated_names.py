"""Names as they were on the day shown, and titles the memo never gives marked as examples.

Samordnings- och utvecklingsenheten is called Förnyelseenheten from 2015-01-01; a page for a
day shows the name of that day, whatever it is called today.
"""

import pytest

from tests import html
from tests.conftest import demo_once

demo = pytest.fixture(demo_once)

BEFORE, AFTER = "2014-12-31", "2015-01-02"
OLD, NEW = "Samordnings- och utvecklingsenheten", "Förnyelseenheten"


def page_of(client, url: str, day: str):
    return html.parse(client.get(url, {"as_of": day}))


def lead(page) -> str:
    return html.text(page, "//p[@class='lead']")


def tenures(page) -> list[str]:
    """The person page's posts, one entry each (post, unit, dates, note)."""
    return html.texts(page, "//section[@aria-labelledby='tjanster']/ul/li")


def units(page) -> list[str]:
    """The organisation page's units, each with its kind, heads and director."""
    return html.texts(page, "//section[@aria-labelledby='forvaltning']/ul/li")


def unit_names(page) -> list[str]:
    return html.texts(page, "//section[@aria-labelledby='forvaltning']/ul/li/strong")


def bodies(page) -> list[str]:
    """The organisation page's political bodies, each with its director and support."""
    return html.texts(page, "//section[@aria-labelledby='politik']/ul/li")


def body(page, name: str) -> str:
    (found,) = [entry for entry in bodies(page) if entry.startswith(f"{name} (")]
    return found


def test_person_page_names_the_unit_as_it_was_called_on_the_day(client, demo):
    url = "/nacka/personer/kersti-hedqvist/"
    before = page_of(client, url, BEFORE)
    after = page_of(client, url, AFTER)
    assert lead(before).startswith(f"Enhetschef, {OLD} (den 31 december 2014)")
    assert lead(after).startswith(f"Enhetschef, {NEW} (den 2 januari 2015)")
    assert [post.split(":")[0] for post in tenures(before)] == [f"Enhetschef ({OLD})"]
    assert [post.split(":")[0] for post in tenures(after)] == [f"Enhetschef ({NEW})"]


def test_person_page_names_a_past_tenures_unit_as_it_was_then(client, demo):
    """Lars Nylund left in 2015: a later page still names the unit he led as it was called."""
    (post,) = tenures(page_of(client, "/nacka/personer/lars-nylund/", "2016-06-01"))
    assert post.startswith("Enhetschef (Enheten för fastighetsutveckling): från 1 januari 2015")
    assert "Byggenheten" not in post


def test_organisation_chart_names_units_as_they_were_on_the_day(client, demo):
    before = page_of(client, "/nacka/organisation/", BEFORE)
    after = page_of(client, "/nacka/organisation/", AFTER)
    assert OLD in unit_names(before) and NEW not in unit_names(before)
    assert NEW in unit_names(after) and OLD not in unit_names(after)
    # The councils' support is named by the unit's name that day too.
    assert body(before, "Brottsförebyggande rådet").endswith(f"Tjänstemannastöd: {OLD}")
    assert body(after, "Brottsförebyggande rådet").endswith(f"Tjänstemannastöd: {NEW}")


def test_change_list_names_each_unit_as_it_was_called_when_it_changed(client, demo):
    page = page_of(client, "/nacka/organisation/", AFTER)
    changes = html.texts(page, "//section[@aria-labelledby='forandringar']//li/p[1]")
    # Renamed, then given a new director the same day: the second change uses the new name.
    assert f"1 januari 2015 – {OLD} byter namn" in changes
    assert f"1 januari 2015 – {NEW} ny ansvarig direktör" in changes
    assert "1 januari 2015 – Byggenheten byter namn" in changes


def test_a_post_is_not_shown_before_it_exists(client, demo):
    """Miljömålskommittén answers to the strategi- och förnyelsedirektör, a post from 2015."""
    before = body(page_of(client, "/nacka/organisation/", BEFORE), "Miljömålskommittén")
    after = body(page_of(client, "/nacka/organisation/", AFTER), "Miljömålskommittén")
    assert "strategi- och förnyelsedirektör" not in before
    assert "Ansvarig direktör: strategi- och förnyelsedirektör" in after


def test_a_title_the_memo_never_gives_is_marked_as_an_example(client, demo):
    chart = page_of(client, "/nacka/organisation/", "2015-09-02")
    posts = html.texts(chart, "//section[@aria-labelledby='direktorer']//tbody/tr/th")
    assert "ekonomidirektör (exempel)" in posts
    assert "ekonomidirektör" not in posts
    assert any(unit.startswith("Välfärd skola (exempel) ") for unit in units(chart))
    person = page_of(client, "/nacka/personer/eva-olin/", "2015-09-02")
    assert lead(person) == "Ekonomidirektör (exempel) (den 2 september 2015)"
    (post,) = tenures(person)
    assert post.startswith("Ekonomidirektör (exempel): ")
    assert post.endswith("titeln ekonomidirektör är ett exempel.")


def test_plan_page_names_a_director_without_a_title_the_memo_never_gives(client, demo):
    query = {"as_of": "2015-09-02", "ansvarig": "eva-olin"}
    page = html.parse(client.get("/planer/styrning-och-ledning-2015-2016/", query))
    assert html.text(page, "//section[@aria-labelledby='atgarder']/p[1]") == (
        "2 åtgärder matchar valen."
    )
    named = [
        who
        for item in page.xpath("//li[@class='action']")
        for who in html.facts(item)["Ansvarig"].split(", ")
    ]
    assert "Eva Olin" in named
    assert not any("ekonomidirektör" in who for who in named)


def test_tenure_dates_the_memo_never_gives_are_marked_as_examples(client, demo):
    (post,) = tenures(page_of(client, "/nacka/personer/lars-nylund/", "2015-09-02"))
    assert post.startswith(
        "Enhetschef (Enheten för fastighetsutveckling): från 1 januari 2015, "
        "till 31 augusti 2015 (datumen är exempel)"
    )
