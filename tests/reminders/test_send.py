"""`styr reminders send` against a real SMTP server on loopback: who gets what, once."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from styr.accounts.models import Account
from styr.org.models import Person
from styr.plans.models import Action
from styr.reminders.models import SentMail
from styr.reminders.synthetic import build_round
from tests.reminders.helpers import html, kind, links, of_kind, recipients, send, text

TODAY = timezone.localdate()


def address_of(person: Person) -> str:
    account = Account.objects.filter(person=person).select_related("user").first()
    return account.user.email if account else person.email


def expected_addresses(round) -> set[str]:
    people = Person.objects.filter(responsibilities__action__plan=round.plan).distinct()
    return {address_of(p) for p in people} - {""}


def form_url(action: Action) -> str:
    return f"{settings.BASE_URL}/planer/{action.plan.slug}/atgarder/{action.pk}/status/"


@pytest.fixture
def small_round(db):
    # Six people for four actions: person 4 shares action 0, person 5 has no address.
    return build_round(people=6, actions=4, today=TODAY, without_address=6)


def test_the_invitation_goes_to_every_responsible_person_with_an_address(small_round, smtp_server):
    out = send()

    invitations = of_kind(smtp_server.messages, "invitation")
    assert recipients(invitations) == expected_addresses(small_round)
    assert len(invitations) == 5
    assert "invitation: 5 sent" in out
    assert "skipped (no address): 1" in out
    # Person 0 has an account: the mail goes to the account's address, not the person's.
    person0 = Person.objects.get(slug="paminnelser-person-0")
    assert person0.email not in recipients(invitations)
    mail = next(m for m in invitations if m["To"] == address_of(person0))
    first = Action.objects.filter(plan=small_round.plan).order_by("order").first()
    assert small_round.title in mail["Subject"] and small_round.plan.title in mail["Subject"]
    body = text(mail)
    assert "Hej Person 00000!" in body
    assert "Rapportera före nämndens möte." in body  # the round's message
    assert first.title in body
    assert form_url(first) in links(body)
    assert f"{settings.BASE_URL}/mina-atgarder/" in links(body)
    assert f'<a href="{form_url(first)}">{first.title}</a>' in html(mail)


def test_running_twice_the_same_day_sends_nothing_twice(small_round, smtp_server):
    send()
    first = len(smtp_server.messages)
    logged = SentMail.objects.count()

    out = send()

    assert len(smtp_server.messages) == first
    assert SentMail.objects.count() == logged
    assert "invitation: 0 sent" in out
    assert "skipped (invitation: already sent): 5" in out


def test_reminders_go_only_to_the_unreported_and_only_on_the_configured_days(
    db, smtp_server, settings
):
    settings.REMINDER_DAYS = [3, 0]
    round = build_round(people=8, actions=8, today=TODAY, due_in=5, without_address=100)
    reported = set(
        Action.objects.filter(plan=round.plan, status_updates__isnull=False).values_list(
            "title", flat=True
        )
    )
    assert reported  # every fourth action was reported in the round
    for offset in range(6):
        send(TODAY + dt.timedelta(days=offset))
    reminders = of_kind(smtp_server.messages, "reminder")

    # Days 2 (three days before) and 5 (the due date), to the six with unreported actions.
    people_unreported = {
        address_of(p)
        for p in Person.objects.filter(responsibilities__action__plan=round.plan).exclude(
            responsibilities__action__title__in=reported
        )
    }
    assert len(people_unreported) == 6
    assert len(reminders) == 12
    assert [m["To"] for m in reminders[:6]] == [m["To"] for m in reminders[6:]]
    assert recipients(reminders) == people_unreported
    assert "senast" in reminders[0]["Subject"]
    assert "I dag är sista dagen" in text(reminders[-1])
    for mail in reminders:
        for title in reported:
            assert f"{title} " not in text(mail) and f"{title}\n" not in text(mail)


def test_no_reminder_on_the_day_of_the_invitation(db, smtp_server, settings):
    settings.REMINDER_DAYS = [3, 0]
    build_round(people=4, actions=4, today=TODAY, due_in=3)

    out = send()

    assert {kind(m) for m in smtp_server.messages} == {"invitation", "late"}
    assert "skipped (reminder: invited today): 3" in out


def test_a_late_notice_is_sent_once_per_person_and_action(small_round, smtp_server):
    late_action = Action.objects.get(plan=small_round.plan, order=1)  # deadline 2 days ago
    send()
    send(TODAY + dt.timedelta(days=1))

    notices = of_kind(smtp_server.messages, "late")
    # Action 1 is person 0's and person 4's.
    assert recipients(notices) == {
        address_of(Person.objects.get(slug=f"paminnelser-person-{j}")) for j in (0, 4)
    }
    assert len(notices) == 2
    assert late_action.title in notices[0]["Subject"]
    assert form_url(late_action) in links(text(notices[0]))
    assert any("/e-post/avregistrera/" in link for link in links(text(notices[0])))
