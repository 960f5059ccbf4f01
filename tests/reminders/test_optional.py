"""The optional mails (late notices, the weekly digest): the unsubscribe link works without
logging in, a GET only asks, the POST is kept and respected."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from styr.plans.models import Action
from styr.reminders.domain import subscribe
from styr.reminders.models import OptOut, SentMail
from styr.reminders.synthetic import build_round
from tests import html as pages
from tests.reminders.helpers import html, links, of_kind, send, text

TODAY = timezone.localdate()
POLITICIAN = "politiker@nacka.example"


def unsubscribe_link(mail) -> str:
    (link,) = [link for link in links(text(mail)) if "/e-post/avregistrera/" in link]
    assert link in html(mail)
    return link.removeprefix("http://127.0.0.1:8000")


@pytest.fixture
def round(db):
    return build_round(people=4, actions=8, today=TODAY, without_address=100)


def test_the_digest_lists_the_weeks_changes_to_a_subscriber(round, smtp_server):
    subscribe(round.plan, POLITICIAN)

    send()

    (digest,) = of_kind(smtp_server.messages, "digest")
    assert digest["To"] == POLITICIAN
    assert round.plan.title in digest["Subject"]
    body = text(digest)
    # Every fourth action was reported since a week ago: actions 2 and 6.
    reported = Action.objects.get(plan=round.plan, order=2)
    assert f"- {reported.title}\n" in body
    assert "Ingen status rapporterad → Pågår" in body
    assert f"http://127.0.0.1:8000/planer/{round.plan.slug}/atgarder/{reported.id}/" in body
    assert "- Åtgärd 1\n" not in body


def test_the_digest_goes_once_a_week(round, smtp_server):
    subscribe(round.plan, POLITICIAN)
    for offset in range(7):  # a Monday-to-Sunday week holds at most one
        send(TODAY + dt.timedelta(days=offset))
    digests = of_kind(smtp_server.messages, "digest")
    assert 1 <= len(digests) <= 2
    weeks = {(TODAY + dt.timedelta(days=o)).isocalendar()[:2] for o in range(7)}
    assert len(digests) == len(weeks)


def test_unsubscribing_from_the_digest_works_without_logging_in_and_stops_it(round, smtp_server):
    subscribe(round.plan, POLITICIAN)
    send()
    path = unsubscribe_link(of_kind(smtp_server.messages, "digest")[0])
    anonymous = Client()

    page = anonymous.get(path)  # a mail scanner following the link changes nothing
    question = pages.texts(pages.parse(page), "//main//p")[0]
    assert question.startswith(f"Vill du att {POLITICIAN} inte längre ska få")
    assert not OptOut.objects.exists()

    done = anonymous.post(path)
    (said,) = pages.messages(pages.parse(done))
    assert said.startswith(f"Klart: {POLITICIAN} får inte längre")
    assert OptOut.objects.filter(email=POLITICIAN, kind="digest").exists()

    SentMail.objects.all().delete()  # even with the log forgotten, no more digest
    smtp_server.messages.clear()
    out = send()
    assert of_kind(smtp_server.messages, "digest") == []
    assert "skipped (unsubscribed): 1" in out


def test_a_late_notice_unsubscribed_is_not_sent_again(round, smtp_server):
    send()
    (notice,) = of_kind(smtp_server.messages, "late")
    Client().post(unsubscribe_link(notice))

    # Even with the log forgotten, the person said no: nothing.
    SentMail.objects.filter(kind="late").delete()
    smtp_server.messages.clear()
    send(TODAY + dt.timedelta(days=1))
    assert of_kind(smtp_server.messages, "late") == []


def test_a_forged_unsubscribe_link_is_refused(db):
    response = Client().post("/e-post/avregistrera/bm90LWEtdG9rZW4:forged/")
    (said,) = pages.alerts(pages.parse(response, 400))
    assert said.startswith("Länken är inte giltig.")
    assert not OptOut.objects.exists()
