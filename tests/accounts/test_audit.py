"""The audit log: every write names who, when, and what before and after; admins read it."""

import datetime as dt
import re

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.accounts.audit import event_label
from styr.goals.models import Goal
from styr.org.models import Person
from styr.plans.domain import change_action, publish_plan, record_status_update
from styr.plans.models import Action, Plan, StatusUpdate
from styr.reports.domain import publish_report
from styr.service.domain import import_case_data
from tests import html as pages
from tests.cast import PASSWORD
from tests.conftest import MEMO_DAY, demo_once

pytestmark = pytest.mark.django_db

demo = pytest.fixture(demo_once)


def entries_for(obj):
    return LogEntry.objects.get_for_object(obj).order_by("id")


def entries_of(model):
    return LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))


# ---------------------------------------------------------------------------------------
# Writes


def test_a_status_update_is_logged_with_its_actor_the_new_values_and_the_event(cast):
    with set_actor(cast.responsible):
        update = record_status_update(
            cast.action,
            date=timezone.localdate(),
            status="done",
            note="Översynen är klar.",
            author=cast.responsible,
        )
    [entry] = entries_for(update)
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == cast.responsible
    assert entry.changes["status"] == ["None", "done"]
    assert entry.changes["note"] == ["None", "Översynen är klar."]
    assert entry.additional_data["event"] == "status_update"
    assert event_label(entry) == "statusuppdatering"
    # The row's own columns only, not every relation pointing at it.
    assert set(entry.changes) <= {f.name for f in StatusUpdate._meta.concrete_fields}


def test_a_status_update_outside_a_request_is_logged_with_its_author(cast):
    # A command or a script names no request user; the author the domain function was given
    # is the actor.
    update = record_status_update(
        cast.action, date=timezone.localdate(), status="done", author=cast.strateg
    )
    [entry] = entries_for(update)
    assert entry.actor == cast.strateg
    assert entry.actor_email == "strateg-plan@example.org"


def test_a_status_update_through_the_status_form_is_logged_with_the_signed_in_user(client, cast):
    client.force_login(cast.responsible)
    url = f"/planer/{cast.plan.slug}/atgarder/{cast.action.id}/status/"
    form = client.get(url).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?', form))
    hidden.pop("csrfmiddlewaretoken", None)
    today = timezone.localdate().isoformat()
    client.post(url, {**hidden, "status": "done", "note": "Klart via formuläret.", "date": today})

    update = StatusUpdate.objects.get(action=cast.action, note="Klart via formuläret.")
    [entry] = entries_for(update)
    assert entry.actor == cast.responsible
    assert entry.remote_addr == "127.0.0.1"
    assert entry.changes["status"] == ["None", "done"]
    assert entry.additional_data["event"] == "status_update"


def test_a_deadline_change_is_logged_with_the_deadline_before_and_after(cast):
    action = cast.action
    before = entries_for(action).count()
    version = change_action(
        action,
        by=cast.strateg,
        reason="Kommunstyrelsen flyttade tidplanen.",
        deadline_text="hösten 2016",
        deadline_date=dt.date(2016, 12, 31),
        deadline_precision="season",
    )
    [entry] = entries_for(action)[before:]
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == cast.strateg
    assert entry.changes == {
        "deadline_text": ["under 2015", "hösten 2016"],
        "deadline_date": ["2015-12-31", "2016-12-31"],
        "deadline_precision": ["year", "season"],
    }
    assert event_label(entry) == "ändring av åtgärd"
    # The dated version the change wrote is part of the same event, by the same user.
    [kept] = entries_for(version)
    assert kept.additional_data["event"] == "action_change"
    assert kept.actor == cast.strateg
    assert kept.changes["deadline_text"] == ["None", "hösten 2016"]


def test_a_write_that_rolls_back_leaves_no_audit_row(cast):
    action = cast.action
    before = LogEntry.objects.count()
    # The title is saved (and its audit row written) before the missing reason is found;
    # the whole change rolls back, the audit row with it.
    with pytest.raises(ValidationError):
        change_action(action, by=cast.strateg, reason="", title="En annan titel")
    assert LogEntry.objects.count() == before
    action = Action.objects.get(pk=action.pk)
    assert action.title.startswith("Översyn av chefsnivåer")


def test_publishing_a_plan_and_a_report_are_told_from_a_plain_change(cast):
    draft = Plan.objects.get(pk=cast.other_plan.pk)
    Plan.objects.filter(pk=draft.pk).update(published_at=None)
    draft.published_at = None
    publish_plan(draft, by=cast.other_strateg)
    published = entries_for(draft).last()
    assert published.changes["published_at"][0] == "None"
    assert event_label(published) == "publicering av plan"
    assert published.actor == cast.other_strateg

    report = publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
    [entry] = entries_for(report)
    assert event_label(entry) == "publicering av lägesrapport"
    assert entry.actor == cast.strateg
    # The log keeps the checksum, not a second copy of the report's content.
    assert "content" not in entry.changes
    assert entry.changes["content_sha256"][1] == report.content_sha256


def test_linking_actions_to_a_goal_is_logged(cast):
    goal = Goal.objects.filter(municipality=cast.plan.municipality).first()
    goal.actions.add(cast.action)
    entry = entries_for(goal).last()
    assert entry.changes == {
        "actions": {"type": "m2m", "operation": "add", "objects": [str(cast.action)]}
    }


def test_a_password_change_is_logged_without_the_hash_and_a_login_time_not_at_all(cast):
    user = cast.reader
    before = entries_for(user).count()
    user.set_password("ett-helt-nytt-losenord")
    user.save()
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    [entry] = entries_for(user)[before:]
    assert entry.changes == {"password": ["(dold)", "(dold)"]}
    stored = LogEntry.objects.filter(object_repr=user.username).values_list("changes", flat=True)
    assert not any(user.password in str(changes) for changes in stored)


def test_an_import_of_cases_is_one_entry_not_one_per_case(cast):
    csv = (
        "received;channel;requester;category;handled_by;resolved_at_first_contact\n"
        "2015-09-01 08:00;telefon;medborgare;Bygglov;kontaktcenter;ja\n"
        "2015-09-01 09:00;e-post;medborgare;Skola;kontaktcenter;nej\n"
        "2015-09-02 10:00;telefon;medarbetare;Lön;kontaktcenter;ja\n"
    )
    before = LogEntry.objects.count()
    result = import_case_data(cast.plan.municipality, csv.encode(), "september.csv")
    assert result.imported == 3
    [entry] = LogEntry.objects.all()[: LogEntry.objects.count() - before]
    assert entry.object_repr == "september.csv"
    assert entry.changes["case_count"] == ["None", "3"]


# ---------------------------------------------------------------------------------------
# Logins


def test_a_login_through_the_login_page_is_logged_naming_the_user(client, cast):
    response = client.post(
        "/konto/logga-in/", {"username": cast.reader.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    entry = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).latest("id")
    assert entry.actor == cast.reader
    assert entry.object_repr == cast.reader.username
    assert entry.remote_addr == "127.0.0.1"
    assert event_label(entry) == "inloggning"


def test_a_wrong_password_is_logged_as_a_failed_login_naming_the_username_tried(client, cast):
    client.post("/konto/logga-in/", {"username": cast.reader.username, "password": "fel"})
    client.post("/konto/logga-in/", {"username": "finns-inte", "password": "fel"})
    failed = LogEntry.objects.filter(additional_data__event="login_failed").order_by("id")
    assert [(e.object_repr, e.actor, e.remote_addr) for e in failed] == [
        (cast.reader.username, None, "127.0.0.1"),
        ("finns-inte", None, "127.0.0.1"),
    ]
    assert event_label(failed[0]) == "misslyckad inloggning"
    assert "fel" not in str(failed[0].additional_data)


def test_a_logout_is_logged(client, cast):
    client.force_login(cast.admin)
    client.post("/konto/logga-ut/")
    entry = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).latest("id")
    assert (entry.actor, event_label(entry)) == (cast.admin, "utloggning")


# ---------------------------------------------------------------------------------------
# Reading the log


def test_the_admin_role_reads_the_audit_log_with_before_and_after(client, cast):
    change_action(
        cast.action,
        by=cast.strateg,
        reason="Ny tidplan.",
        deadline_text="hösten 2016",
        deadline_date=dt.date(2016, 12, 31),
        deadline_precision="season",
    )
    entry = entries_for(cast.action).last()
    client.force_login(cast.admin)

    listing = client.get("/admin/auditlog/logentry/?handelse=action_change")
    assert listing.status_code == 200
    rows = [
        pages.texts(tr, "./th|./td")
        for tr in pages.parse(listing).xpath("//table[@id='result_list']/tbody/tr")
    ]
    (cells,) = [
        cells
        for cells in rows
        if any("tidsangivelse: under 2015 → hösten 2016" in cell for cell in cells)
    ]
    assert [cell for cell in cells if cell.startswith("åtgärd: Översyn av chefsnivåer")], cells
    assert "ändring av åtgärd" in cells

    detail = client.get(f"/admin/auditlog/logentry/{entry.id}/change/")
    assert detail.status_code == 200
    page = pages.parse(detail)
    assert pages.row(page, "tidsangivelse") == ["tidsangivelse", "under 2015", "hösten 2016"]
    assert pages.row(page, "tidsangivelsens precision") == [
        "tidsangivelsens precision",
        "år",
        "vår/höst",
    ]
    # The entry's name is the page's subtitle: what happened to which object.
    assert pages.text(page, "//div[@id='content']/h2").startswith("Ändrad: Översyn av chefsnivåer")
    assert "strateg-plan" in pages.texts(page, "//div[@class='readonly']")  # who did it


def test_the_audit_log_list_takes_the_same_queries_for_few_and_many_entries(client, cast):
    client.force_login(cast.admin)
    municipality = cast.plan.municipality

    def add_people(numbers):
        for number in numbers:
            person = Person.objects.create(
                municipality=municipality, name=f"Testperson {number}", slug=f"test-{number}"
            )
            person.name = f"Testperson nummer {number}"
            person.save()

    def queries_for_list(expected: int) -> int:
        url = "/admin/auditlog/logentry/?q=Testperson"
        client.get(url)  # warm the content-type cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.content.decode().count("person: Testperson") == expected
        return len(queries)

    add_people(range(2))
    few = queries_for_list(4)
    add_people(range(2, 25))
    assert queries_for_list(50) == few, (
        "The audit log list must not query per entry: select the related rows "
        "(list_select_related) and show changes without resolving related objects."
    )


@pytest.mark.parametrize("name", ["strateg", "reader", "responsible"])
def test_others_than_admins_are_refused_the_audit_log(client, cast, name):
    client.force_login(getattr(cast, name))
    entry = entries_for(cast.action).last()
    # A strateg may use the admin but not this page; the others may not use the admin at
    # all and are told so (after the admin's redirect to its login).
    for url in ("/admin/auditlog/logentry/", f"/admin/auditlog/logentry/{entry.id}/change/"):
        response = client.get(url, follow=True)
        assert response.status_code == 403
        assert entry.object_repr not in response.content.decode()


def test_nobody_changes_or_deletes_the_audit_log(client, cast):
    client.force_login(cast.admin)
    entry = LogEntry.objects.latest("id")
    assert (
        client.post(f"/admin/auditlog/logentry/{entry.id}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert client.get("/admin/auditlog/logentry/add/").status_code == 403
    assert LogEntry.objects.filter(id=entry.id).exists()


@pytest.mark.django_db
def test_on_postgresql_the_audit_log_cannot_be_rewritten_in_the_database(cast):
    from auditlog.models import LogEntry
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the triggers are PostgreSQL's; SQLite has the ORM's guard only")
    entry = LogEntry.objects.first()
    for statement in (
        "UPDATE auditlog_logentry SET changes_text = 'x' WHERE id = %s",
        "DELETE FROM auditlog_logentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.id])
    entry.refresh_from_db()
    assert entry.changes_text != "x"
