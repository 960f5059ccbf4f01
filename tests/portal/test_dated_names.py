"""Names as they were on the day shown, and titles the memo never gives marked as examples.

Samordnings- och utvecklingsenheten is called Förnyelseenheten from 2015-01-01; a page for a
day shows the name of that day, whatever it is called today.
"""

import re

import pytest

from tests.conftest import demo_once

demo = pytest.fixture(demo_once)

BEFORE, AFTER = "2014-12-31", "2015-01-02"
OLD, NEW = "Samordnings- och utvecklingsenheten", "Förnyelseenheten"


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def section(page: str, start: str, end: str) -> str:
    return page[page.index(f'id="{start}"') : page.index(f'id="{end}"')]


def lead(page: str) -> str:
    return re.search(r'<p class="lead">(.*?)</p>', page, re.S).group(1)


def test_person_page_names_the_unit_as_it_was_called_on_the_day(client, demo):
    url = "/nacka/personer/kersti-hedqvist/"
    before = text(client.get(url, {"as_of": BEFORE}))
    after = text(client.get(url, {"as_of": AFTER}))
    assert lead(before).startswith(f"Enhetschef, {OLD} (den 31 december 2014)")
    assert lead(after).startswith(f"Enhetschef, {NEW} (den 2 januari 2015)")
    assert f"Enhetschef ({OLD}):" in section(before, "tjanster", "ansvar")
    assert f"Enhetschef ({NEW}):" in section(after, "tjanster", "ansvar")
    assert NEW not in section(before, "tjanster", "ansvar")
    assert OLD not in section(after, "tjanster", "ansvar")


def test_person_page_names_a_past_tenures_unit_as_it_was_then(client, demo):
    """Lars Nylund left in 2015: a later page still names the unit he led as it was called."""
    page = text(client.get("/nacka/personer/lars-nylund/", {"as_of": "2016-06-01"}))
    posts = re.sub(r"\s+", " ", section(page, "tjanster", "ansvar"))
    assert "Enhetschef (Enheten för fastighetsutveckling): från 1 januari 2015" in posts
    assert "Byggenheten" not in section(page, "tjanster", "ansvar")


def test_organisation_chart_names_units_as_they_were_on_the_day(client, demo):
    before = text(client.get("/nacka/organisation/", {"as_of": BEFORE}))
    after = text(client.get("/nacka/organisation/", {"as_of": AFTER}))
    assert f"<strong>{OLD}</strong>" in section(before, "forvaltning", "forandringar")
    assert f"<strong>{NEW}</strong>" not in section(before, "forvaltning", "forandringar")
    assert f"<strong>{NEW}</strong>" in section(after, "forvaltning", "forandringar")
    assert f"<strong>{OLD}</strong>" not in section(after, "forvaltning", "forandringar")
    # The councils' support is named by the unit's name that day too.
    assert f"Tjänstemannastöd: {OLD}" in section(before, "politik", "direktorer")
    assert f"Tjänstemannastöd: {NEW}" in section(after, "politik", "direktorer")


def test_change_list_names_each_unit_as_it_was_called_when_it_changed(client, demo):
    page = text(client.get("/nacka/organisation/", {"as_of": AFTER}))
    changes = section(page, "forandringar", "innehall-slut")
    # Renamed, then given a new director the same day: the second change uses the new name.
    assert f"<strong>{OLD}</strong> byter namn" in changes
    assert f"<strong>{NEW}</strong> ny ansvarig direktör" in changes
    assert "<strong>Byggenheten</strong> byter namn" in changes


def test_a_post_is_not_shown_before_it_exists(client, demo):
    """Miljömålskommittén answers to the strategi- och förnyelsedirektör, a post from 2015."""
    before = section(
        text(client.get("/nacka/organisation/", {"as_of": BEFORE})), "politik", "direktorer"
    )
    after = section(
        text(client.get("/nacka/organisation/", {"as_of": AFTER})), "politik", "direktorer"
    )
    assert "strategi- och förnyelsedirektör" not in before
    assert "Ansvarig direktör: strategi- och förnyelsedirektör" in after


def test_a_title_the_memo_never_gives_is_marked_as_an_example(client, demo):
    chart = text(client.get("/nacka/organisation/", {"as_of": "2015-09-02"}))
    assert '<th scope="row">ekonomidirektör (exempel)</th>' in chart
    assert '<th scope="row">ekonomidirektör</th>' not in chart
    assert "<strong>Välfärd skola</strong> (exempel)" in chart
    person = text(client.get("/nacka/personer/eva-olin/", {"as_of": "2015-09-02"}))
    assert "Ekonomidirektör (exempel)" in person
    assert "titeln ekonomidirektör är ett exempel" in person


def test_plan_page_names_a_director_without_a_title_the_memo_never_gives(client, demo):
    page = text(
        client.get(
            "/planer/styrning-och-ledning-2015-2016/",
            {"as_of": "2015-09-02", "ansvarig": "eva-olin"},
        )
    )
    assert "Eva Olin" in page
    assert "ekonomidirektör" not in page


def test_tenure_dates_the_memo_never_gives_are_marked_as_examples(client, demo):
    page = text(client.get("/nacka/personer/lars-nylund/", {"as_of": "2015-09-02"}))
    assert "från 1 januari 2015, till 31 augusti 2015 (datumen är exempel)" in page
