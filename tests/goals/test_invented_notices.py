"""Every page that shows invented numbers says so on that page, beside them: the notice comes
from the data's own marks (entered outcomes marked as examples, cases and HME answers from a
generated import), so a page is never listed by name here, only the data is."""

import re

import pytest

from styr.engagement.models import EngagementSurvey
from styr.goals.models import Goal, Indicator, Measurement, Source
from styr.service.models import ServiceCaseImport
from tests import html

pytestmark = pytest.mark.django_db

ENTERED = "är påhittade exempelvärden, inte verkliga resultat."
SERVICE = "genererade exempeldata i demon, inte verklig statistik."
HME = "genererade exempeldata i demon."
SERVICE_KINDS = {"service_handled", "service_first_contact"}


def goal_pages(goal: Goal) -> list[str]:
    """The goal's page and those of every goal above it: their assessments draw on it."""
    pages = []
    while goal is not None:
        pages.append(goal.get_absolute_url())
        goal = goal.parent
    return pages


def invented_by_page(municipality) -> dict[str, set[str]]:
    """Page -> what invented numbers it shows, read from the marks in the data."""
    tree = f"/{municipality.slug}/mal/"
    shown: dict[str, set[str]] = {}
    service = ServiceCaseImport.objects.filter(municipality=municipality, generated=True)
    hme = EngagementSurvey.objects.filter(municipality=municipality, generated=True)
    for indicator in Indicator.objects.filter(municipality=municipality):
        kinds = set()
        if indicator.measurements.filter(is_example=True).exists():
            kinds.add(f"entered:{indicator.name}")
        if indicator.source == Source.COMPUTED:
            if indicator.computation in SERVICE_KINDS and service.exists():
                kinds.add("service")
            if indicator.computation.startswith("hme") and hme.exists():
                kinds.add("hme")
        if not kinds:
            continue
        for page in [indicator.get_absolute_url(), tree]:
            shown.setdefault(page, set()).update(kinds)
        for goal in indicator.goals.all():
            for page in goal_pages(goal):
                shown.setdefault(page, set()).update(kinds)
    if service.exists():
        shown[f"/{municipality.slug}/kontaktcenter/"] = {"service-page"}
    if hme.exists():
        shown[f"/{municipality.slug}/medarbetarengagemang/"] = {"hme-page"}
    return shown


def says(page: str, kind: str) -> bool:
    if kind.startswith("entered:"):
        name = kind.split(":", 1)[1]
        notice = re.search(r"Exempel: utfallen för (.*?) " + re.escape(ENTERED), page)
        return notice is not None and f"”{name}”" in notice.group(1)
    return {
        "service": "Kontaktcenters ärenden är " + SERVICE,
        "hme": "Svaren i medarbetarenkäten (HME) är " + HME,
        "service-page": "Ärendena är " + SERVICE,
        "hme-page": "Svaren är " + HME,
    }[kind] in page


def test_every_page_showing_invented_numbers_says_so(client, full_demo):
    shown = invented_by_page(full_demo)
    # The demo's four entered indicators, the contact centre's and HME's, on every level.
    assert sum(kind.startswith("entered:") for kind in shown[f"/{full_demo.slug}/mal/"]) == 4
    assert "/nacka/mal/god-service/" in shown and "/nacka/medarbetarengagemang/" in shown
    for url, kinds in shown.items():
        response = client.get(url)
        assert response.status_code == 200, url
        page = html.page_text(response)
        for kind in kinds:
            assert says(page, kind), f"{url} shows {kind} without saying it is invented"


def test_the_notice_stands_beside_the_numbers_on_a_goal_page(client, full_demo):
    page = html.parse(client.get("/nacka/mal/bast-utveckling-for-alla/"))
    (section,) = page.xpath("//section[@aria-labelledby='maluppfyllelse']")
    (notice,) = section.xpath(".//p[@role='note']")
    assert html.visible_text(notice).startswith("Exempel:")
    (outcome,) = [td for td in section.xpath(".//table//td") if html.visible_text(td) == "95,3 %"]
    order = list(section.iter())
    assert order.index(notice) < order.index(outcome)  # the notice comes before the numbers


def test_pages_without_invented_numbers_say_nothing_of_examples(client, demo):
    page = html.page_text(client.get("/nacka/indikatorer/vab-man/"))  # Kolada's real values only
    assert "Exempel:" not in page and "exempeldata" not in page


def test_the_notice_follows_the_mark_in_the_data_not_the_page(client, demo):
    url = "/nacka/mal/bast-utveckling-for-alla/"
    (notice,) = html.texts(html.parse(client.get(url)), "//p[@role='note']")
    assert notice.startswith("Exempel: utfallen för ”Andel elever i årskurs 9")
    # Saved one by one, as every write path does: a bulk update would skip the model signals
    # that tell the page cache (styr.caching) the data changed.
    for measurement in Measurement.objects.filter(indicator__slug="behoriga-gymnasiet"):
        measurement.is_example = False
        measurement.save()
    assert "Exempel:" not in html.page_text(client.get(url))
    other = Indicator.objects.create(
        municipality=demo,
        name="Andel nöjda föräldrar",
        slug="nojda-foraldrar",
        unit="percent",
        direction="higher",
        period_type="year",
        source="manual",
    )
    other.goals.add(Goal.objects.get(slug="bast-utveckling-for-alla"))
    Measurement.objects.create(indicator=other, period="2016", value=88.0, is_example=True)
    (notice,) = html.texts(html.parse(client.get(url)), "//p[@role='note']")
    assert "”Andel nöjda föräldrar”" in notice and notice.startswith("Exempel: utfallen för")


def test_the_goal_tree_says_which_year_it_opens_on_and_why(client, demo):
    page = html.parse(client.get("/nacka/mal/"))
    (said,) = html.texts(page, "//main/p[starts-with(normalize-space(), 'Måluppfyllelsen')]")
    assert said.startswith("Måluppfyllelsen 2016 beräknas")
    assert "2016 är det senaste året med utfall;" in said
