"""Approval: with it turned on for a plan, what an ansvarig reports is *inlämnad* until the
plan's strateg approves it; only approved updates count on public pages and in reports, as
of the moment of approval; an update sent back tells its author by e-mail."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from styr.accounts.policy import can
from styr.lib.asof import recorded_on
from styr.plans.approval import pending, review_update, set_approval
from styr.plans.domain import record_status_update
from styr.plans.models import Decision, StatusUpdate
from styr.plans.queries import plan_snapshot
from styr.reports.domain import make_report
from tests import html

pytestmark = pytest.mark.django_db

NOTE = "Chefsnivåerna är nu färre: beslut i kommunstyrelsen."


@pytest.fixture
def approving(cast):
    set_approval(cast.plan, required=True, by=cast.strateg)
    return cast


def states(page) -> list[str]:
    """What the page says of updates waiting for, or sent back from, the strateg's review."""
    return html.texts(page, "//p[contains(@class, 'review-state')]")


def public_notes(approving) -> list[str]:
    """The notes the public action page shows in its status history."""
    page = html.parse(Client().get(approving.action.get_absolute_url()))
    return html.texts(page, "//section[@aria-labelledby='historik']//p[@class='note']")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def submit(cast, *, day=None, recorded_at=None):
    return record_status_update(
        cast.action,
        date=day or timezone.localdate(),
        status="done",
        note=NOTE,
        author=cast.responsible,
        recorded_at=recorded_at,
    )


def row_of(cast, day):
    snapshot = plan_snapshot(cast.plan, day)
    return next(row for row in snapshot.actions if row.action.id == cast.action.id)


def test_an_ansvarigs_update_waits_for_approval_and_is_seen_nowhere_public(approving):
    update = submit(approving)
    assert update.needs_approval
    assert list(pending(approving.plan)) == [update]
    page = Client().get(approving.action.get_absolute_url()).content.decode()
    assert NOTE not in page
    assert row_of(approving, timezone.localdate()).update != update
    report = make_report(approving.plan, timezone.localdate())
    assert NOTE not in str(report)


def test_the_author_sees_it_as_inlamnad_and_the_strateg_finds_it_to_review(approving):
    submit(approving)
    form = signed_in(approving.responsible).get(
        f"/planer/{approving.plan.slug}/atgarder/{approving.action.id}/status/"
    )
    assert states(html.parse(form)) == ["Inlämnad, väntar på godkännande (visas inte publikt)"]
    queue = html.parse(
        signed_in(approving.strateg).get(f"/planer/{approving.plan.slug}/granskning/")
    )
    (waiting,) = queue.xpath("//ol[contains(@class, 'review-queue')]/li")
    assert html.text(waiting, "./h3") == (
        "Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån"
    )
    assert html.texts(waiting, "./p[@class='note']") == [NOTE]


def test_saving_on_the_form_says_the_update_is_submitted(approving):
    client = signed_in(approving.responsible)
    response = client.post(
        f"/planer/{approving.plan.slug}/atgarder/{approving.action.id}/status/",
        {
            "status": "in_progress",
            "note": "Pågår.",
            "date": timezone.localdate().isoformat(),
            "seen": str(approving.action.status_updates.order_by("-id").first().id),
        },
        follow=True,
    )
    (said,) = html.messages(html.parse(response))
    assert said.startswith("Statusen är inlämnad")
    assert StatusUpdate.objects.filter(action=approving.action).order_by("-id")[0].needs_approval


def test_approved_it_is_public_from_the_moment_of_approval_not_the_day_it_describes(approving):
    today = timezone.localdate()
    yesterday = today - dt.timedelta(days=1)
    update = submit(
        approving,
        day=yesterday,
        recorded_at=recorded_on(yesterday, timezone.get_current_timezone()),
    )
    assert row_of(approving, yesterday).update != update

    response = signed_in(approving.strateg).post(
        f"/planer/{approving.plan.slug}/granskning/{update.id}/",
        {f"u{update.id}-decision": "approved", f"u{update.id}-comment": ""},
        follow=True,
    )
    (said,) = html.messages(html.parse(response))
    assert "uppdateringen är godkänd" in said
    # As of yesterday it was not yet approved: yesterday stays as it was shown then.
    assert row_of(approving, yesterday).update != update
    assert row_of(approving, today).update == update
    assert row_of(approving, today).status_label == "Genomfört"
    assert NOTE in public_notes(approving)
    assert not list(pending(approving.plan))


def test_sent_back_it_stays_hidden_and_the_author_gets_the_comment_by_mail(
    approving, smtp_server, django_capture_on_commit_callbacks
):
    update = submit(approving)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(approving.strateg).post(
            f"/planer/{approving.plan.slug}/granskning/{update.id}/",
            {f"u{update.id}-decision": "returned", f"u{update.id}-comment": "Ange vilket beslut."},
            follow=True,
        )
    (said,) = html.messages(html.parse(response))
    assert "skickad tillbaka" in said
    assert update.review.decision == Decision.RETURNED
    assert row_of(approving, timezone.localdate()).update != update
    assert NOTE not in Client().get(approving.action.get_absolute_url()).content.decode()

    [mail] = smtp_server.messages
    assert mail["To"] == "elisabeth@example.org"
    assert "skickades tillbaka" in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    assert "Ange vilket beslut." in text
    assert f"/planer/{approving.plan.slug}/atgarder/{approving.action.id}/status/" in text
    assert text.count("http://") >= 1  # an absolute link from STYR_BASE_URL
    html_body = mail.get_body(("html",)).get_content()
    assert "Ange vilket beslut." in html_body

    form = signed_in(approving.responsible).get(
        f"/planer/{approving.plan.slug}/atgarder/{approving.action.id}/status/"
    )
    (returned,) = states(html.parse(form))
    assert returned.startswith("Skickad tillbaka ")


def test_sending_back_needs_a_comment_and_a_decision_is_made_once(approving):
    update = submit(approving)
    with pytest.raises(ValidationError, match="varför"):
        review_update(update, decision=Decision.RETURNED, comment=" ", by=approving.strateg)
    review_update(update, decision=Decision.APPROVED, by=approving.strateg)
    with pytest.raises(ValidationError, match="redan granskad"):
        review_update(update, decision=Decision.RETURNED, comment="Nej.", by=approving.strateg)


def test_the_strategs_own_update_needs_no_approval(approving):
    # The view asks the policy and passes its answer on; the domain function never asks.
    update = record_status_update(
        approving.action,
        date=timezone.localdate(),
        status="done",
        author=approving.strateg,
        may_approve=can(approving.strateg, "plans.approve_status", approving.action),
    )
    assert update.needs_approval is False
    assert row_of(approving, timezone.localdate()).update == update


def test_without_approval_an_ansvarigs_update_counts_at_once(cast):
    update = submit(cast)
    assert not update.needs_approval
    assert row_of(cast, timezone.localdate()).update == update


def test_only_the_plans_strateg_may_review(approving):
    update = submit(approving)
    for user in (approving.responsible, approving.other_strateg, approving.reader):
        response = signed_in(user).post(
            f"/planer/{approving.plan.slug}/granskning/{update.id}/",
            {f"u{update.id}-decision": "approved"},
        )
        assert response.status_code == 403
    assert not hasattr(StatusUpdate.objects.get(pk=update.pk), "review") or not (
        StatusUpdate.objects.filter(pk=update.pk, review__isnull=False).exists()
    )


def test_the_strateg_turns_approval_on_and_off_on_the_review_page(cast):
    client = signed_in(cast.strateg)
    client.post(f"/planer/{cast.plan.slug}/granskning/", {"requires_approval": "on"})
    cast.plan.refresh_from_db()
    assert cast.plan.requires_approval
    client.post(f"/planer/{cast.plan.slug}/granskning/", {})
    cast.plan.refresh_from_db()
    assert not cast.plan.requires_approval


def test_the_decision_is_in_the_audit_log(approving):
    update = submit(approving)
    review_update(update, decision=Decision.APPROVED, by=approving.strateg)
    entry = LogEntry.objects.filter(additional_data__event="status_review").get()
    assert entry.actor == approving.strateg


def test_mina_atgarder_shows_what_waits_and_what_was_sent_back(approving):
    update = submit(approving)
    client = signed_in(approving.responsible)
    mine = html.parse(client.get("/mina-atgarder/"))
    assert states(mine) == ["Inlämnad, väntar på godkännande (visas inte publikt)"]
    review_update(
        update, decision=Decision.RETURNED, comment="Ange beslutet.", by=approving.strateg
    )
    mine = html.parse(client.get("/mina-atgarder/"))
    (returned,) = states(mine)
    assert returned.startswith("Skickad tillbaka ")
    assert html.text(mine, "//p[@class='review-state']/following-sibling::p[@class='note'][1]") == (
        "Ange beslutet."
    )
