"""An imported plan is a draft: insiders see it with what to review; a strateg publishes it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from styr.plans.models import Plan
from tests import html
from tests.cast import NAMES
from tests.conftest import demo_once
from tests.imports.test_import import SMALL_PLAN

pytestmark = pytest.mark.django_db

# The demo is loaded once for the module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

BANNER = "Utkast – inte offentligt ännu"
PUBLISH_BUTTON = "Offentliggör planen"
DRAFT = "//section[@class='draft']"


def menu(page) -> list[str]:
    """Where the main menu's links lead."""
    return page.xpath("//nav[@aria-label='Huvudmeny']//a/@href")


def card_titles(page) -> list[str]:
    """The start page's plan cards' headings (a draft is tagged)."""
    return html.texts(page, "//li[@class='card']/h3")


@pytest.fixture
def draft(cast, municipality_strateg, tmp_path) -> Plan:
    """SMALL_PLAN imported by the municipality's strateg: one name in it is unknown."""
    path = tmp_path / "digitalisering.txt"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    call_command(
        "import", str(path), "--plan", "Digitalisering 2016", "--as-of", "2016-02-01",
        "--owner", "kommunstyrelsen", "--user", municipality_strateg.username, stdout=StringIO(),
    )  # fmt: skip
    return Plan.objects.get(title="Digitalisering 2016")


def publish_url(plan) -> str:
    return f"/planer/{plan.slug}/offentliggor/"


def test_the_public_does_not_see_an_imported_plan(client, draft):
    assert draft.published_at is None
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Digitalisering 2016" not in client.get("/").content.decode()


@pytest.mark.parametrize("who", ["reader", "municipality_strateg"])
def test_insiders_see_the_draft_with_where_it_came_from_and_the_names_to_review(
    client, cast, municipality_strateg, draft, who
):
    user = municipality_strateg if who == "municipality_strateg" else cast.reader
    client.force_login(user)
    page = html.parse(client.get(draft.get_absolute_url()))
    (banner,) = page.xpath(DRAFT)
    assert html.text(banner, "./h2") == BANNER
    assert html.texts(banner, "./p")[1].startswith(
        "Importerad av kommunstrateg från filen digitalisering.txt den "
    )
    assert html.text(banner, "./h3") == "Namn att granska"
    assert html.texts(banner, "./ul[@class='review-names']/li") == ["Okänd Okändsson"]
    # Only those who may publish get the button.
    forms = banner.xpath("./form")
    assert len(forms) == (who == "municipality_strateg")
    if forms:
        (form,) = forms
        assert html.text(form, "./button") == PUBLISH_BUTTON
        assert (form.get("method"), form.get("action")) == ("post", publish_url(draft))
        assert form.xpath("./input[@name='csrfmiddlewaretoken']")


def test_the_start_page_marks_drafts_for_insiders(client, cast, draft):
    client.force_login(cast.reader)
    page = html.parse(client.get("/"))
    titles = card_titles(page)
    assert "Digitalisering 2016 Utkast, inte offentlig" in titles
    assert cast.plan.title in titles
    assert html.hrefs(page, "Digitalisering 2016") == [draft.get_absolute_url()]
    assert page.xpath("//span[@class='draft-tag']/parent::h3/a/@href") == [draft.get_absolute_url()]


def test_a_municipality_strateg_publishes_the_draft_and_the_public_then_sees_it(
    client, municipality_strateg, draft
):
    client.force_login(municipality_strateg)
    response = client.post(publish_url(draft), follow=True)
    assert response.redirect_chain == [(draft.get_absolute_url(), 302)]
    page = html.parse(response)
    assert html.messages(page) == [
        "Planen ”Digitalisering 2016” är nu offentlig: alla kan läsa den."
    ]
    assert page.xpath(DRAFT) == []
    draft.refresh_from_db()
    assert draft.published_at is not None
    client.logout()
    public = client.get(draft.get_absolute_url())
    assert public.status_code == 200
    assert BANNER not in public.content.decode()


@pytest.mark.parametrize("name", NAMES)
def test_no_one_else_in_the_cast_may_publish_the_draft(client, cast, draft, name):
    user = getattr(cast, name)
    if name != "anonymous":
        client.force_login(user)
    response = client.post(publish_url(draft))
    if name == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/logga-in/")
    else:
        assert html.alerts(html.parse(response, status=403)) == [
            "Bara en strateg för planen kan offentliggöra den."
        ]
    draft.refresh_from_db()
    assert draft.published_at is None


def test_the_strateg_of_a_plan_may_publish_that_plan_when_it_is_a_draft(client, cast):
    Plan.objects.filter(pk=cast.plan.pk).update(published_at=None)
    client.force_login(cast.strateg)
    page = html.parse(client.get(cast.plan.get_absolute_url()))
    assert html.texts(page, f"{DRAFT}/form/button") == [PUBLISH_BUTTON]
    assert client.post(publish_url(cast.plan)).status_code == 302
    cast.plan.refresh_from_db()
    assert cast.plan.published_at is not None


def test_publishing_takes_a_post_only(client, municipality_strateg, draft):
    client.force_login(municipality_strateg)
    assert client.get(publish_url(draft)).status_code == 405
    draft.refresh_from_db()
    assert draft.published_at is None


def test_publishing_an_unknown_plan_is_a_404(client, municipality_strateg, draft):
    client.force_login(municipality_strateg)
    assert client.post("/planer/finns-inte/offentliggor/").status_code == 404


def test_styr_plan_publish_makes_the_draft_public(client, draft, municipality_strateg):
    out = StringIO()
    call_command("plan", "publish", draft.slug, "--user", municipality_strateg.username, stdout=out)
    assert "Published 'Digitalisering 2016'" in out.getvalue()
    draft.refresh_from_db()
    assert draft.published_at is not None
    assert client.get(draft.get_absolute_url()).status_code == 200
    again = StringIO()
    call_command("plan", "publish", draft.registration_number, stdout=again)
    assert "was already public" in again.getvalue()


def test_styr_plan_publish_refuses_a_user_without_the_right(cast, draft):
    with pytest.raises(CommandError, match="--user strateg-annan: the account may not do this"):
        call_command("plan", "publish", draft.slug, "--user", "strateg-annan", stdout=StringIO())
    draft.refresh_from_db()
    assert draft.published_at is None


def test_styr_plan_publish_names_the_known_plans_for_an_unknown_one(draft):
    with pytest.raises(CommandError, match="unknown plan 'finns-inte'; known plans: "):
        call_command("plan", "publish", "finns-inte", stdout=StringIO())


def test_the_menu_links_to_the_import_only_for_those_who_may_import(
    client, cast, municipality_strateg
):
    client.force_login(cast.strateg)
    links = menu(html.parse(client.get("/")))
    assert "/import/" not in links
    assert "/admin/" in links
    client.force_login(municipality_strateg)
    links = menu(html.parse(client.get("/")))
    assert "/import/" in links
    assert "/kolada/nyckeltal/" in links
