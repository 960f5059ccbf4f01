"""The status form: who may report, what is stored, what is refused, and no lost update."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.accounts.domain import add_user
from styr.demo.synthetic import build_plan
from styr.lib.asof import recorded_on
from styr.lib.dates import swedish_day
from styr.org.models import Person
from styr.plans.domain import NOTE_LIMIT, record_status_update
from styr.plans.models import Action, Responsibility, StatusUpdate
from tests import html
from tests.conftest import demo_once

pytestmark = pytest.mark.django_db

demo = pytest.fixture(demo_once)


def form_url(action) -> str:
    return f"/planer/{action.plan.slug}/atgarder/{action.id}/status/"


def signed_in(client, user):
    client.force_login(user)
    return client


def seen_on(page) -> str:
    """The hidden `seen` value the form carries."""
    (field,) = page.xpath("//form//input[@type='hidden'][@name='seen']")
    return field.get("value", "")


def shown_form(client, action):
    return html.parse(client.get(form_url(action)))


def current(page):
    """The "Status nu" description of the action on the form page."""
    (found,) = page.xpath(
        "//dl[contains(@class, 'status-facts')]/dt[. = 'Status nu']/following-sibling::dd[1]"
    )
    return found


ALERT = "//div[@role='alert']"
NOT_SAVED = "Rapporten är inte sparad. Rätta det som står vid fälten nedan."


def test_the_form_shows_the_action_its_deadline_and_its_current_status(client, cast):
    page = shown_form(signed_in(client, cast.responsible), cast.action)
    assert html.text(page, "//h1") == (
        "Rapportera status: Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån"
    )
    facts = html.facts(page.xpath("//dl[contains(@class, 'status-facts')]")[0])
    assert facts["Ska vara klart"] == "under 2015 (senast 31 december 2015)"
    now = current(page)
    assert html.text(now, "./span[contains(@class, 'status ')]") == "Pågår"
    assert html.text(now, "./span[@class='overdue']") == "Försenad"
    assert html.text(now, "./span[@class='meta']") == "den 2 september 2015"
    assert html.text(now, "./span[@class='note block']") == (
        "Arbetet pågår, beräknas bli klart hösten 2015. Om resultatkontrakt, se nedan under "
        "kommande åtgärder."
    )
    # The date defaults to today and may not go past it; the status to the current one.
    today = timezone.localdate().isoformat()
    (date,) = page.xpath("//input[@name='date']")
    assert (date.get("value"), date.get("max")) == (today, today)
    assert page.xpath("//input[@name='status'][@checked]/@value") == ["in_progress"]
    assert seen_on(page) == str(cast.action.status_updates.get().id)


def test_a_saved_status_is_stored_with_its_author_and_the_action_page_says_so(client, cast):
    signed_in(client, cast.responsible)
    form = shown_form(client, cast.action)
    today = timezone.localdate()
    response = client.post(
        form_url(cast.action),
        {
            "status": "done",
            "note": "Översynen är klar och redovisad.",
            "internal_note": "Gruppcheferna informerade muntligt.",
            "date": today.isoformat(),
            "seen": seen_on(form),
        },
        follow=True,
    )
    assert response.redirect_chain == [
        (f"/planer/{cast.plan.slug}/atgarder/{cast.action.id}/", 302)
    ]
    page = html.parse(response)
    (saved,) = html.messages(page)
    assert saved.startswith("Statusen är sparad: Genomfört den")
    assert html.text(page, "//p[@class='badges']") == "Status i dag: Genomfört"
    assert page.xpath("//p[@class='badges']//span[@class='status-symbol']/text()") == ["✔"]
    stored = cast.action.status_updates.order_by("-id").first()
    assert (stored.status, stored.date, stored.note, stored.internal_note, stored.author) == (
        "done",
        today,
        "Översynen är klar och redovisad.",
        "Gruppcheferna informerade muntligt.",
        cast.responsible,
    )


def test_the_internal_note_is_not_shown_to_the_public(client, cast):
    record_status_update(
        cast.action,
        date=timezone.localdate(),
        status="done",
        note="Klart.",
        internal_note="Budgeten överskreds.",
        author=cast.responsible,
    )
    response = client.get(f"/planer/{cast.plan.slug}/atgarder/{cast.action.id}/")
    notes = html.texts(html.parse(response), "//section[@aria-labelledby='historik']//p")
    assert "Klart." in notes
    assert "Budgeten överskreds." not in response.content.decode()


def test_a_save_after_someone_elses_is_refused_and_shows_the_newer_update(client, cast):
    signed_in(client, cast.responsible)
    shown = seen_on(shown_form(client, cast.action))
    newer = record_status_update(
        cast.action,
        date=timezone.localdate(),
        status="done",
        note="Klart enligt strategen.",
        author=cast.strateg,
        seen=int(shown),
    )
    typed = {
        "status": "in_progress",
        "note": "Arbetet fortsätter med gruppcheferna.",
        "date": timezone.localdate().isoformat(),
        "seen": shown,
    }
    response = client.post(form_url(cast.action), typed)

    page = html.parse(response, status=409)
    (conflict,) = page.xpath("//div[@class='error conflict'][@role='alert']")
    assert html.text(conflict, "./h2") == "Inte sparad: någon annan rapporterade först"
    said = html.texts(conflict, "./p")
    assert said[1] == f"Genomfört gäller den {swedish_day(timezone.localdate())}"
    assert conflict.xpath(".//span[@class='status-symbol']/text()") == ["✔"]
    assert said[2] == "Klart enligt strategen."
    at = timezone.localtime(newer.recorded_at).strftime("%Y-%m-%d %H:%M")
    assert said[3] == f"Registrerad {at} av {cast.strateg.username}."
    # What was typed is kept, and the form now says it has shown the newer update.
    assert html.text(page, "//textarea[@name='note']") == "Arbetet fortsätter med gruppcheferna."
    assert seen_on(page) == str(newer.id)
    assert list(cast.action.status_updates.values_list("note", flat=True).order_by("id")) == [
        "Arbetet pågår, beräknas bli klart hösten 2015. Om resultatkontrakt, se nedan under kommande åtgärder.",
        "Klart enligt strategen.",
    ]

    # Having seen it, a deliberate second save is kept after the newer update.
    again = client.post(form_url(cast.action), {**typed, "seen": str(newer.id)})
    assert again.status_code == 302
    latest = cast.action.status_updates.order_by("-id").first()
    assert (latest.note, latest.author) == (
        "Arbetet fortsätter med gruppcheferna.",
        cast.responsible,
    )


def test_the_first_report_is_refused_too_when_someone_else_reported_first(client, cast):
    signed_in(client, cast.other_responsible)
    assert seen_on(shown_form(client, cast.other_action)) == ""
    record_status_update(cast.other_action, date=timezone.localdate(), status="in_progress")
    response = client.post(
        form_url(cast.other_action),
        {"status": "done", "note": "", "date": timezone.localdate().isoformat(), "seen": ""},
    )
    assert response.status_code == 409
    assert cast.other_action.status_updates.count() == 1


def test_a_script_that_sends_no_seen_field_saves_without_a_conflict(client, cast):
    signed_in(client, cast.responsible)
    response = client.post(
        form_url(cast.action),
        {"status": "done", "note": "Klart.", "date": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assert cast.action.status_updates.order_by("-id").first().note == "Klart."


TODAY = "today"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("status", "finished", "Välj en av statusarna i listan."),
        ("status", "", "Detta fält måste fyllas i."),
        ("date", "2099-01-01", "En statusuppdatering kan inte dateras i framtiden."),
        (
            "date",
            "2015-06-01",
            "Datumet 1 juni 2015 ligger före den senaste statusuppdateringen (2 september 2015). Ange 2 september 2015 eller senare.",
        ),
        (
            "date",
            "2014-06-01",
            "Datumet 1 juni 2014 ligger före åtgärden fördes in i planen (1 december 2014).",
        ),
        # The one date field every form shares (styr.lib.fields): format and range.
        (
            "date",
            "2.9.2015",
            "Ogiltigt datum ”2.9.2015” för statusen gäller den. Ange ett datum som ÅÅÅÅ-MM-DD "
            "mellan 1950-01-01 och 2100-12-31, t.ex. 2015-09-02.",
        ),
        (
            "date",
            "2999-01-01",
            "Ogiltigt datum ”2999-01-01” för statusen gäller den. Ange ett datum som ÅÅÅÅ-MM-DD "
            "mellan 1950-01-01 och 2100-12-31, t.ex. 2015-09-02.",
        ),
        (
            "note",
            "x" * (NOTE_LIMIT + 1),
            f"Högst {NOTE_LIMIT} tecken; texten har {NOTE_LIMIT + 1}.",
        ),
        (
            "internal_note",
            "x" * (NOTE_LIMIT + 1),
            f"Högst {NOTE_LIMIT} tecken; texten har {NOTE_LIMIT + 1}.",
        ),
        ("seen", "gammal", "Formuläret är skadat. Ladda om sidan och försök igen."),
    ],
)
def test_bad_input_is_answered_at_the_field_and_nothing_is_stored(
    client, cast, field, value, message
):
    signed_in(client, cast.responsible)
    good = {
        "status": "done",
        "note": "Klart.",
        "date": timezone.localdate().isoformat(),
        "seen": seen_on(shown_form(client, cast.action)),
    }
    response = client.post(form_url(cast.action), {**good, field: value})

    page = html.parse(response, status=400)
    if field == "seen":
        assert html.texts(page, f"{ALERT}/p") == [NOT_SAVED, message]
    else:
        assert html.texts(page, f"{ALERT}/p") == [NOT_SAVED]
        assert html.field_errors(page, field) == [message]
        assert html.text(page, f"//*[@id='id_{field}_error']") == message
    assert cast.action.status_updates.count() == 1


@pytest.mark.parametrize("name", ["reader", "other_responsible", "other_strateg", "admin"])
def test_someone_elses_action_is_refused_with_a_swedish_403(client, cast, name):
    signed_in(client, getattr(cast, name))
    assert client.get(form_url(cast.action)).status_code == 403
    response = client.post(
        form_url(cast.action), {"status": "done", "date": timezone.localdate().isoformat()}
    )
    (refusal,) = html.alerts(html.parse(response, status=403))
    assert refusal.startswith("Bara den som är ansvarig eller stödjande för åtgärden")
    assert cast.action.status_updates.count() == 1


def test_the_plans_strateg_may_report_on_any_of_its_actions(client, cast):
    signed_in(client, cast.strateg)
    response = client.post(
        form_url(cast.action), {"status": "done", "date": timezone.localdate().isoformat()}
    )
    assert response.status_code == 302
    assert cast.action.status_updates.order_by("-id").first().author == cast.strateg


def test_anonymous_users_are_sent_to_log_in_and_nothing_is_stored(client, cast):
    url = form_url(cast.action)
    assert client.get(url).url == f"/konto/logga-in/?next={url}"
    response = client.post(url, {"status": "done", "date": timezone.localdate().isoformat()})
    assert response.url == f"/konto/logga-in/?next={url}"
    assert cast.action.status_updates.count() == 1


def test_an_action_that_does_not_exist_or_belongs_to_another_plan_is_not_found(client, cast):
    signed_in(client, cast.other_responsible)
    assert client.get(f"/planer/{cast.plan.slug}/atgarder/999999/status/").status_code == 404
    # Dag Björklund's own action, but under the wrong plan's address.
    assert (
        client.get(f"/planer/{cast.plan.slug}/atgarder/{cast.other_action.id}/status/").status_code
        == 404
    )


def test_an_action_deleted_after_the_form_was_shown_is_not_found(client, cast):
    # Only an action without history can be deleted; one with updates is protected.
    action = Action.objects.create(
        plan=cast.other_plan,
        theme=cast.other_action.theme,
        order=2,
        title="Utred en ny reningsanläggning",
        text="En utredning görs.",
        origin="new",
        introduced_on=dt.date(2016, 1, 1),
    )
    Responsibility.objects.create(action=action, person=Person.objects.get(slug="dag-bjorklund"))
    signed_in(client, cast.other_responsible)
    url = form_url(action)
    seen = seen_on(shown_form(client, action))
    action_id = action.id
    action.delete()
    response = client.post(
        url, {"status": "done", "date": timezone.localdate().isoformat(), "seen": seen}
    )
    assert response.status_code == 404
    assert not StatusUpdate.objects.filter(action_id=action_id).exists()


def test_the_action_page_offers_the_form_only_to_those_who_may_report(client, cast):
    action_url = f"/planer/{cast.plan.slug}/atgarder/{cast.action.id}/"

    def offered() -> list[str]:
        return html.hrefs(html.parse(client.get(action_url)), "Rapportera status")

    assert offered() == []
    signed_in(client, cast.other_responsible)
    assert offered() == []
    client.logout()
    signed_in(client, cast.responsible)
    assert offered() == [form_url(cast.action)]


def test_a_status_dated_on_the_day_of_the_latest_update_is_accepted(client, cast):
    signed_in(client, cast.responsible)
    seen = seen_on(shown_form(client, cast.action))
    response = client.post(
        form_url(cast.action), {"status": "done", "date": "2015-09-02", "seen": seen}
    )
    assert response.status_code == 302
    assert cast.action.status_updates.order_by("-id").first().date == dt.date(2015, 9, 2)


FIX = (
    "The status form ran more queries for the action with more updates: an N+1 crept in. "
    "Read only the few latest updates (sliced, with select_related('author')) and let "
    "record_status_update read the newest one, never the whole history."
)


def action_with_updates(slug: str, count: int):
    """A synthetic action with `count` updates, all dated in the past, and its director."""
    plan = build_plan(actions=1, updates_per_action=1, slug=slug)
    action = plan.actions.get()
    tz = timezone.get_current_timezone()
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            action=action,
            date=day,
            status="in_progress",
            note=f"Lägesrapport {k}.",
            recorded_at=recorded_on(day, tz),
        )
        for k, day in enumerate(
            dt.date(2020, 2, 1) + dt.timedelta(days=k) for k in range(count - 1)
        )
    )
    person = Person.objects.get(municipality=plan.municipality, slug="person-0")
    user = add_user(f"direktor-{slug}", email=f"{slug}@example.org", person=person)
    return action, user


def queries_for(client, user, method, url, data=None) -> tuple[int, int]:
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data)
    return response.status_code, len(captured)


def test_the_form_runs_the_same_queries_for_2_and_200_updates(client):
    counts = {}
    for slug, updates in (("fa", 2), ("manga", 200)):
        action, user = action_with_updates(slug, updates)
        assert action.status_updates.count() == updates
        url = form_url(action)
        client.force_login(user)
        typed = {"status": "done", "note": "Klart.", "date": timezone.localdate().isoformat()}
        # One save first, so that caches a process fills once (content types) are full.
        seen = seen_on(shown_form(client, action))
        assert client.post(url, {**typed, "seen": seen}).status_code == 302
        seen = seen_on(shown_form(client, action))
        counts[updates] = {
            "GET": queries_for(client, user, "get", url),
            "POST saved": queries_for(client, user, "post", url, {**typed, "seen": seen}),
            # The form showed `seen`, which is no longer the newest: refused.
            "POST conflict": queries_for(client, user, "post", url, {**typed, "seen": seen}),
            "POST bad date": queries_for(
                client, user, "post", url, {**typed, "date": "2999-01-01", "seen": ""}
            ),
        }
    assert [code for code, _n in counts[2].values()] == [200, 302, 409, 400]
    assert counts[2] == counts[200], FIX


def test_other_methods_than_get_and_post_are_refused(client, cast):
    signed_in(client, cast.responsible)
    assert client.put(form_url(cast.action)).status_code == 405
    assert cast.action.status_updates.count() == 1
