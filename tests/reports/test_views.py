"""The report for any day, in each format, from the plan page."""

import pytest

from tests import html
from tests.conftest import PLAN_SLUG, demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

URL = f"/planer/{PLAN_SLUG}/lagesrapport"


@pytest.mark.parametrize(
    ("format_name", "media_type", "start"),
    [
        ("md", "text/markdown; charset=utf-8", b"# Utveckling"),
        ("html", "text/html; charset=utf-8", b"<!doctype html>"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_each_format_downloads_for_the_chosen_day(client, plan, format_name, media_type, start):
    response = client.get(f"{URL}/{format_name}/", {"as_of": "2015-09-02"})
    assert response.status_code == 200
    assert response["Content-Type"] == media_type
    assert response.content.startswith(start)
    assert (
        "lagesrapport-styrning-och-ledning-2015-2016-2015-09-02" in response["Content-Disposition"]
    )


def test_plan_page_offers_the_report_for_the_chosen_day(client, plan):
    page = html.parse(client.get(f"/planer/{PLAN_SLUG}/", {"as_of": "2015-09-02"}))
    (section,) = page.xpath("//section[@aria-labelledby='rapport']")
    for link, format_name in (
        ("PDF", "pdf"),
        ("Word", "docx"),
        ("HTML", "html"),
        ("Markdown", "md"),
    ):
        assert html.hrefs(section, link) == [f"{URL}/{format_name}/?as_of=2015-09-02"]
    assert html.hrefs(section, "Publicerade lägesrapporter") == [f"/planer/{PLAN_SLUG}/rapporter/"]


@pytest.mark.parametrize(
    ("path", "query", "message"),
    [
        (
            "rtf/",
            {"as_of": "2015-09-02"},
            "Okänt format ”rtf”. Välj något av: md, html, docx, pdf.",
        ),
        ("md/", {"as_of": "2015-13-45"}, "Ogiltigt datum ”2015-13-45”"),
        ("md/", {"as_of": "2014-01-01"}, "Planen fanns inte den 1 januari 2014"),
    ],
)
def test_bad_report_requests_get_400_in_swedish(client, plan, path, query, message):
    response = client.get(f"{URL}/{path}", query)
    [alert] = html.alerts(html.parse(response, 400))
    assert alert.startswith(message)


def test_unknown_plan_is_404(client, demo):
    assert client.get("/planer/finns-inte/lagesrapport/md/").status_code == 404
