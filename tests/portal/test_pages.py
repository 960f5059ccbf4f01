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
THEME_HEADINGS = "//section[contains(@class, 'theme')]/div[@class='theme-head']/*[1]"
# The "Försenad" flag beside an action's status on the plan page.
OVERDUE = "//li[@class='action']//span[@class='overdue']"
SUMMARY = "//section[@class='summary']/p[progress]"
HISTORY = "//section[@aria-labelledby='historik']"


def action_item(page, title: str):
    """The plan page's list item for the action called `title`."""
    (item,) = [
        li
        for li in page.xpath("//li[@class='action']")
        if html.text(li, ".//*[@class='action-title']") == title
    ]
    return item


def theme_head(page, heading: str):
    """The heading block (heading and progress line) of the theme called `heading`."""
    (head,) = [
        div
        for div in page.xpath("//div[@class='theme-head']")
        if html.visible_text(div[0]) == heading
    ]
    return head


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
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02"}))
    order = [
        "Återstående åtgärder",
        "Kommande åtgärder",
        "Kommunikation",
        "Kvalitetsutveckling",
        "Bilaga 1: Uppföljning av tidigare beslutade åtgärder",
        "Stadsdirektörens ansvar - en utvecklad tjänstemannaorganisation",
        "Kommunstyrelsen och närliggande tjänstemannaorganisation",
    ]
    headings = html.texts(page, THEME_HEADINGS)
    positions = [headings.index(heading) for heading in order]
    assert positions == sorted(positions)
    appendix = theme_head(page, "Bilaga 1: Uppföljning av tidigare beslutade åtgärder")
    assert html.text(appendix, ".//p[@class='progress-line']") == (
        "16/21 16 av 21 genomförda, 1 försenad"
    )
    (progress,) = appendix.xpath(".//progress")
    assert (progress.get("max"), progress.get("value")) == ("21", "16")


def test_plan_page_shows_responsible_deadline_status_text_and_note(client, plan):
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02"}))

    def facts(title: str) -> dict[str, str]:
        return html.facts(action_item(page, title))

    review = facts("Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån")
    assert review["Ansvarig"] == "personaldirektör Elisabeth Carle"
    support = facts("Stödverksamheter ska organiseras inom ordinarie stödenheter")
    assert support["Ansvarig"] == "respektive stödprocessdirektör"
    assert facts("Resultatkontrakt för alla chefer")["Klart"] == "senast den 31 december 2015"
    goals = facts("Förslag på tydligare strategiska mål för stadsbyggnadsområdet")
    assert goals["Senaste kommentar"] == (
        "Arbetet pågår, beräknas vara klart årsskiftet 2015/2016. (2 september 2015)"
    )
    done = action_item(page, "Mångfaldskommittén får stöd med 0,5 tjänst från förnyelseenheten")
    assert html.text(done, ".//span[@class='status status-done']") == "Genomfört"
    assert done.xpath(".//span[@class='status-symbol'][@aria-hidden='true']/text()") == ["✔"]


def test_overdue_actions_carry_a_forsenad_flag(client, plan):
    page = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02", "status": "in_progress"}))
    assert html.texts(page, OVERDUE) == ["Försenad"] * 3
    # Eva Olin's two actions were due "under våren 2015": late from 1 July, not before.
    on_time = html.parse(client.get(PLAN_URL, {"as_of": "2015-06-30", "ansvarig": "eva-olin"}))
    assert html.text(on_time, MATCHING) == "2 åtgärder matchar valen."
    assert html.texts(on_time, OVERDUE) == []
    late = html.parse(client.get(PLAN_URL, {"as_of": "2015-07-01", "ansvarig": "eva-olin"}))
    assert html.texts(late, OVERDUE) == ["Försenad"] * 2


def test_as_of_shows_the_plan_as_it_stood_that_day(client, plan):
    spring = html.parse(client.get(PLAN_URL, {"as_of": "2015-03-01"}))
    assert html.text(spring, "//h2[@id='lage']") == "Läget den 1 mars 2015"
    assert "0 av 26 åtgärder genomförda." in html.text(spring, SUMMARY)
    # new in September
    assert "Resultatkontrakt för alla chefer" not in html.texts(spring, ACTION_TITLES)
    assert "Kommande åtgärder" not in html.texts(spring, THEME_HEADINGS)
    autumn = html.parse(client.get(PLAN_URL, {"as_of": "2015-09-02"}))
    assert "16 av 33 åtgärder genomförda." in html.text(autumn, SUMMARY)


def test_without_as_of_the_plan_is_shown_as_of_today(client, plan):
    page = html.parse(client.get(PLAN_URL))
    assert html.text(page, "//h2[@id='lage']") == "Läget i dag"
    assert "16 av 33 åtgärder genomförda." in html.text(page, SUMMARY)


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
    page = html.parse(client.get(path), status=404)
    assert html.text(page, "//h1") == "Sidan finns inte"
    assert html.title(page) == "Sidan finns inte – Styr"


# The action page


def test_action_page_shows_full_text_responsibility_deadline_and_history(client, plan):
    pk = action_id("Resultatkontrakt för alla chefer")
    page = html.parse(client.get(f"{PLAN_URL}atgarder/{pk}/"))
    assert html.text(page, "//div[@class='action-text']").startswith(
        "Alla chefer i Nacka ska ha tydliga resultatkontrakt enligt den modell"
    )
    facts = html.facts(page.xpath("//dl[@class='facts']")[0])
    assert facts["Ska vara klart"] == "senast den 31 december 2015 (senast 31 december 2015)"
    assert facts["Ansvarig"] == "stadsdirektör Lena Dahlstedt, respektive direktör"
    assert html.text(page, f"{HISTORY}/p") == "Ingen status har rapporterats för åtgärden ännu."


def test_action_page_timeline_holds_every_update_in_order(client, plan, staff):
    from styr.plans.domain import record_status_update

    action = Action.objects.get(title="Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån")
    record_status_update(action, date=timezone.localdate(), status="done", note="Klar.")
    page = html.parse(client.get(f"{PLAN_URL}atgarder/{action.id}/"))
    notes = html.texts(page, f"{HISTORY}//li/p[@class='note']")
    assert notes[-2:] == [
        "Arbetet pågår, beräknas bli klart hösten 2015. Om resultatkontrakt, se nedan under "
        "kommande åtgärder.",
        "Klar.",
    ]
    past = html.parse(client.get(f"{PLAN_URL}atgarder/{action.id}/", {"as_of": "2015-09-02"}))
    assert html.text(past, "//p[@class='badges']") == "Status den 2 september 2015: Pågår"
    later = f"{HISTORY}//li[@class='later']"
    assert html.texts(past, f"{later}/p[@class='note']") == ["Klar."]
    assert html.texts(past, f"{later}/p[1]/span[@class='meta']") == ["(efter valt datum)"]


def test_action_page_rejects_a_bad_date(client, plan):
    pk = action_id("Kvalitetsutveckling")
    page = html.parse(client.get(f"{PLAN_URL}atgarder/{pk}/", {"as_of": "2015-02-30"}), status=400)
    assert html.text(page, ALERT).startswith("Ogiltigt datum ”2015-02-30”")


# The organisation page


def test_organisation_page_shows_bodies_units_directors_and_changes(client, demo):
    page = html.parse(client.get("/nacka/organisation/", {"as_of": "2015-09-02"}))
    bodies = html.texts(page, "//section[@aria-labelledby='politik']/ul/li")
    assert "Brottsförebyggande rådet" in named(page, "politik")
    (committee,) = [body for body in bodies if body.startswith("Miljömålskommittén")]
    assert "Tjänstemannastöd: 0,5 tjänst från Förnyelseenheten" in committee
    units = html.texts(page, "//section[@aria-labelledby='forvaltning']/ul/li")
    assert "Förnyelseenheten" in named(page, "forvaltning")
    (strategic,) = [unit for unit in units if unit.startswith("Enheten för strategisk")]
    assert "Enhetschef: Andreas Totschnig" in strategic
    changes = html.texts(page, "//section[@aria-labelledby='forandringar']//li/p[1]")
    assert "1 januari 2015 – Sociala ekonomienheten avvecklas" in changes


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
    page = html.parse(client.get("/nacka/organisation/", {"as_of": "2015-09-02"}))
    assert html.row(page, "administrativ direktör")[1] == "Mats Bohman"
    (cell,) = page.xpath("//tr[th='administrativ direktör']/td[2]")
    assert html.texts(cell, "./p") == [
        "Organ: Brottsförebyggande rådet",
        "Enheter: Juridik- och kanslienheten",
        "3 åtgärder:",
    ]
    assert "Smart kommun" in html.texts(cell, "./ul/li")


def test_organisation_page_rejects_a_bad_date(client, demo):
    response = client.get("/nacka/organisation/", {"as_of": "2015-13-45"})
    assert response.status_code == 400


# The person page


def test_person_page_shows_posts_alias_and_actions(client, demo):
    page = html.parse(client.get("/nacka/personer/mats-bohman/", {"as_of": "2015-09-02"}))
    assert html.text(page, "//h1") == "Mats Bohman"
    assert html.text(page, "//p[@class='lead']") == "Administrativ direktör (den 2 september 2015)"
    assert html.text(page, "//h1/following-sibling::p[2]") == (
        "Namnet förekommer också som: Mats Boman"
    )
    assert html.texts(page, "//section[@aria-labelledby='tjanster']/p") == [
        "Ansvarig direktör för organ: Brottsförebyggande rådet",
        # The memo makes him answer for developing service, not for the units themselves.
        "Ansvarig direktör för enheter: Juridik- och kanslienheten",
    ]
    actions = html.texts(page, "//section[@aria-labelledby='ansvar']//tbody/tr/td[1]")
    assert "Smart kommun" in actions
    assert "Utveckling av service till medborgare, förtroendevalda och medarbetare" in actions


def test_person_page_shows_earlier_posts_with_dates(client, demo):
    page = html.parse(client.get("/nacka/personer/klara-palmberg-broryd/"))
    assert html.texts(page, "//section[@aria-labelledby='tjanster']/ul/li") == [
        "Stadsutvecklingsstrateg: tillträdesdatum ej registrerat, till 31 december 2014",
        "Strategi- och förnyelsedirektör: från 1 januari 2015",
    ]
