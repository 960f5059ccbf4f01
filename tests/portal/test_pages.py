"""The public pages: what a citizen sees, without logging in."""

import pytest
from django.utils import timezone

from styr.plans.models import Action, Theme
from tests import html
from tests.conftest import PLAN_SLUG, demo_once

# The demo is loaded once for this module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

pytestmark = pytest.mark.django_db

PLAN_URL = f"/planer/{PLAN_SLUG}/"
# The sentence that says how many actions the filters let through, and the actions' titles.
MATCHING = "//section[@aria-labelledby='atgarder']/p[1]"
ACTION_TITLES = "//*[@class='action-title']"
ALERT = "//*[@role='alert']"


def text(response) -> str:
    return response.content.decode()


def action_id(title) -> int:
    return Action.objects.get(title=title).id


# The start page


def test_start_page_lists_the_plan_with_counts_per_status(client, demo):
    page = html.parse(client.get("/"))
    card = page.xpath(f"//*[@class='card'][.//a[@href='{PLAN_URL}']]")[0]
    assert html.text(card, ".//h3") == (
        "Utveckling av styrning och ledning för öppenhet och mångfald 2015 - 2016"
    )
    assert html.text(card, ".//p[@class='meta']").startswith("Diarienummer KFKS 2012/577-001")
    assert html.text(card, ".//ul[@class='counts']/preceding-sibling::p[1]") == "33 åtgärder:"
    counts = html.texts(card, ".//ul[@class='counts']/li")
    assert "Genomfört: 16" in counts
    assert "Pågår kontinuerligt: 4" in counts


# The plan page


def test_plan_page_shows_themes_in_document_order_with_progress(client, plan):
    page = text(client.get(PLAN_URL, {"as_of": "2015-09-02"}))
    order = [
        "Återstående åtgärder",
        "Kommande åtgärder",
        "Kommunikation",
        "Kvalitetsutveckling",
        "Bilaga 1: Uppföljning av tidigare beslutade åtgärder",
        "Stadsdirektörens ansvar - en utvecklad tjänstemannaorganisation",
        "Kommunstyrelsen och närliggande tjänstemannaorganisation",
    ]
    positions = [page.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "16 av 21 genomförda" in page
    assert '<progress max="21" value="16"' in page


def test_plan_page_shows_responsible_deadline_status_text_and_note(client, plan):
    page = text(client.get(PLAN_URL, {"as_of": "2015-09-02"}))
    assert "personaldirektör Elisabeth Carle" in page
    assert "respektive stödprocessdirektör" in page
    assert "senast den 31 december 2015" in page
    assert "Arbetet pågår, beräknas vara klart årsskiftet 2015/2016." in page
    assert '<span class="status-symbol" aria-hidden="true">✔</span> Genomfört' in page


def test_overdue_actions_carry_a_forsenad_flag(client, plan):
    page = text(client.get(PLAN_URL, {"as_of": "2015-09-02", "status": "in_progress"}))
    assert page.count("Försenad</span>") == 3
    # Eva Olin's two actions were due "under våren 2015": late from 1 July, not before.
    on_time = text(client.get(PLAN_URL, {"as_of": "2015-06-30", "ansvarig": "eva-olin"}))
    assert "2 åtgärder matchar valen" in on_time
    assert "Försenad</span>" not in on_time
    late = text(client.get(PLAN_URL, {"as_of": "2015-07-01", "ansvarig": "eva-olin"}))
    assert late.count("Försenad</span>") == 2


def test_as_of_shows_the_plan_as_it_stood_that_day(client, plan):
    spring = text(client.get(PLAN_URL, {"as_of": "2015-03-01"}))
    assert "Läget den 1 mars 2015" in spring
    assert "0 av 26 åtgärder genomförda" in spring
    assert ">Resultatkontrakt för alla chefer</a>" not in spring  # new in September
    assert "Kommande åtgärder</h3>" not in spring
    autumn = text(client.get(PLAN_URL, {"as_of": "2015-09-02"}))
    assert "16 av 33 åtgärder genomförda" in autumn


def test_without_as_of_the_plan_is_shown_as_of_today(client, plan):
    page = html.parse(client.get(PLAN_URL))
    assert html.text(page, "//h2[@id='lage']") == "Läget i dag"
    assert "16 av 33 åtgärder genomförda." in html.text(
        page, "//section[@class='summary']/p[progress]"
    )


def test_filter_by_status(client, plan):
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02", "status": "ongoing"}))
    assert html.text(page, MATCHING) == "4 åtgärder matchar valen."
    titles = html.texts(page, ACTION_TITLES)
    assert "Styrande dokument behöver fortsatt utvecklas" in titles
    assert "Utveckling av service till medborgare, förtroendevalda och medarbetare" in titles
    assert "Resultatkontrakt för alla chefer" not in titles


def test_filter_by_theme_includes_the_headings_below_it(client, plan):
    theme = Theme.objects.get(plan=plan, title="Nämnder och myndighets- och huvudmannaorganisation")
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02", "tema": theme.id}))
    assert html.text(page, MATCHING) == "6 åtgärder matchar valen."
    parent = Theme.objects.get(plan=plan, title="Utbildningsstöd för den politiska organisationen")
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02", "tema": parent.id}))
    assert html.text(page, MATCHING) == "2 åtgärder matchar valen."


def test_filter_by_responsible_person(client, plan):
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02", "ansvarig": "mats-bohman"}))
    # Responsible for the crime-prevention council, Smart kommun and the service work.
    assert html.text(page, MATCHING) == "3 åtgärder matchar valen."
    assert any("Smart kommun" in title for title in html.texts(page, ACTION_TITLES))


def test_filters_combine(client, plan):
    query = {"as_of": "2015-09-02", "ansvarig": "gunilla-glantz", "status": "done"}
    page = html.parse(client.get(PLAN_URL, query))
    assert html.text(page, MATCHING) == "4 åtgärder matchar valen."


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"as_of": "2015-13-45"}, "Ogiltigt datum ”2015-13-45”"),
        ({"as_of": "igår"}, "Ogiltigt datum ”igår”"),
        ({"status": "klar"}, "”klar” finns inte bland valen för status"),
        ({"tema": "999999"}, "”999999” finns inte bland valen för tema"),
        ({"ansvarig": "ingen-alls"}, "”ingen-alls” finns inte bland valen för ansvarig"),
    ],
)
def test_bad_query_gets_400_with_a_swedish_message_naming_it(client, plan, query, message):
    page = html.parse(client.get(PLAN_URL, query), status=400)
    assert message in html.text(page, ALERT)


@pytest.mark.parametrize(
    "path",
    [
        "/planer/finns-inte/",
        f"{PLAN_URL}atgarder/999999/",
        "/nacka/personer/finns-inte/",
        "/finns-inte/organisation/",
    ],
)
def test_unknown_plan_action_person_or_municipality_is_404(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Sidan finns inte" in text(response)


# The action page


def test_action_page_shows_full_text_responsibility_deadline_and_history(client, plan):
    pk = action_id("Resultatkontrakt för alla chefer")
    page = text(client.get(f"{PLAN_URL}atgarder/{pk}/"))
    assert "Alla chefer i Nacka ska ha tydliga resultatkontrakt" in page
    assert "senast den 31 december 2015" in page
    assert "(senast 31 december 2015)" in page
    assert "stadsdirektör Lena Dahlstedt" in page
    assert "Ingen status har rapporterats" in page


def test_action_page_timeline_holds_every_update_in_order(client, plan, staff):
    from styr.plans.domain import record_status_update

    action = Action.objects.get(title="Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån")
    record_status_update(action, date=timezone.localdate(), status="done", note="Klar.")
    page = text(client.get(f"{PLAN_URL}atgarder/{action.id}/"))
    first = page.index("Arbetet pågår, beräknas bli klart hösten 2015.")
    assert first < page.index("Klar.")
    past = text(client.get(f"{PLAN_URL}atgarder/{action.id}/", {"as_of": "2015-09-02"}))
    assert "Status den 2 september 2015:" in past
    assert "(efter valt datum)" in past


def test_action_page_rejects_a_bad_date(client, plan):
    pk = action_id("Kvalitetsutveckling")
    page = html.parse(client.get(f"{PLAN_URL}atgarder/{pk}/", {"as_of": "2015-02-30"}), status=400)
    assert html.text(page, ALERT).startswith("Ogiltigt datum ”2015-02-30”")


# The organisation page


def test_organisation_page_shows_bodies_units_directors_and_changes(client, demo):
    page = text(client.get("/nacka/organisation/", {"as_of": "2015-09-02"}))
    assert "Brottsförebyggande rådet" in page
    assert "Miljömålskommittén" in page
    assert "0,5 tjänst från" in page
    assert "Förnyelseenheten" in page
    assert "Andreas Totschnig" in page
    assert "avvecklas" in page


def named(page, section_id: str) -> list[str]:
    """The bodies or units a section of the organisation page names (its <strong> names)."""
    return html.texts(page, f"//section[@aria-labelledby='{section_id}']//strong")


def test_organisation_page_as_of_before_the_reorganisation(client, demo):
    page = html.parse(client.get("/nacka/organisation/", {"as_of": "2014-12-31"}))
    assert "Kommunstyrelsen" in named(page, "politik")
    assert "Socialnämnden" not in named(page, "politik")
    assert "Samordnings- och utvecklingsenheten" in named(page, "forvaltning")
    assert "Sociala ekonomienheten" in named(page, "forvaltning")
    changes = html.texts(page, "//section[@aria-labelledby='forandringar']//li/p[1]")
    assert "1 januari 2015 – Socialnämnden inrättas" in changes
    after = html.parse(client.get("/nacka/organisation/", {"as_of": "2015-01-01"}))
    assert "Förnyelseenheten" in named(after, "forvaltning")
    assert "Sociala ekonomienheten" not in named(after, "forvaltning")
    assert "Socialnämnden" in named(after, "politik")


def test_directors_table_says_what_each_answers_for(client, demo):
    page = text(client.get("/nacka/organisation/", {"as_of": "2015-09-02"}))
    row = page[page.index('<th scope="row">administrativ direktör</th>') :]
    row = row[: row.index("</tr>")]
    assert "Mats Bohman" in row
    assert "Brottsförebyggande rådet" in row
    assert "Smart kommun" in row


def test_organisation_page_rejects_a_bad_date(client, demo):
    response = client.get("/nacka/organisation/", {"as_of": "2015-13-45"})
    assert response.status_code == 400


# The person page


def test_person_page_shows_posts_alias_and_actions(client, demo):
    page = text(client.get("/nacka/personer/mats-bohman/", {"as_of": "2015-09-02"}))
    assert "<h1>Mats Bohman</h1>" in page
    assert "Mats Boman" in page
    assert "Administrativ direktör" in page
    assert "Ansvarig direktör för organ: Brottsförebyggande rådet" in page
    # The memo makes him answer for developing service, not for the units themselves.
    assert "Ansvarig direktör för enheter: Juridik- och kanslienheten" in page
    assert "Smart kommun" in page
    assert "Utveckling av service till medborgare, förtroendevalda och medarbetare" in page


def test_person_page_shows_earlier_posts_with_dates(client, demo):
    page = text(client.get("/nacka/personer/klara-palmberg-broryd/"))
    assert "Stadsutvecklingsstrateg" in page
    assert "till 31 december 2014" in page
    assert "från 1 januari 2015" in page
