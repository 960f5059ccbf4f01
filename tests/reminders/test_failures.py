"""A mail server that is down or refuses: exit code 1 with the error, what was accepted is
logged, nothing else is, and the next run sends the rest."""

import contextlib

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.utils import timezone

from styr.reminders.delivery import Outgoing, deliver
from styr.reminders.lock import LOCK_KEY, single_run
from styr.reminders.models import SentMail
from styr.reminders.synthetic import build_round
from tests.loopback import HOST, SmtpServer, free_port
from tests.reminders.helpers import of_kind, recipients, send

TODAY = timezone.localdate()


@pytest.fixture
def round(db):
    return build_round(people=6, actions=6, today=TODAY, without_address=100)


def test_a_mail_server_that_is_down_exits_1_names_the_error_and_logs_nothing(
    round, settings, capsys, monkeypatch
):
    # run_from_argv closes the database connections when it ends; the test still needs its.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = HOST, free_port()  # nothing listens there

    with pytest.raises(SystemExit) as stopped:
        # As `styr reminders send` runs it: Django prints a CommandError and exits.
        from styr.reminders.management.commands.reminders import Command

        Command().run_from_argv(["styr", "reminders", "send"])

    assert stopped.value.code == 1
    error = capsys.readouterr().err
    assert "the mail server failed: ConnectionRefusedError" in error
    assert "0 sent and logged, 7 left for the next run" in error  # 6 invitations, 1 late
    assert SentMail.objects.count() == 0


def test_after_the_server_was_down_the_next_run_sends_everything(round, settings, smtp_server):
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()
    with pytest.raises(CommandError):
        call_command("reminders", "send")
    settings.EMAIL_PORT = port

    send()

    assert len(of_kind(smtp_server.messages, "invitation")) == 6
    assert SentMail.objects.filter(kind="invitation").count() == 6


class Refusing(SmtpServer):
    """Refuses one recipient, accepts the others."""

    refused: str = ""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_a_refused_recipient_costs_only_its_own_mail_and_is_tried_again(
    round, settings, smtp_server
):
    refused = "p1@paminnelser.example"
    server = Refusing(HOST, free_port())
    server.refused = refused
    controller = Controller(server, hostname=HOST, port=server.port)
    controller.start()
    normal_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = server.port
    try:
        with pytest.raises(CommandError) as failed:
            call_command("reminders", "send")
    finally:
        controller.stop()
    assert failed.value.returncode == 1
    assert "1 mail(s) refused" in str(failed.value)
    assert refused not in recipients(server.messages)
    assert len(server.messages) == 6  # 5 invitations and the late notice
    assert not SentMail.objects.filter(recipient=refused).exists()
    assert SentMail.objects.count() == 6

    settings.EMAIL_PORT = normal_port
    send()

    assert recipients(smtp_server.messages) == {refused}


def test_deliver_sends_a_one_off_mail_and_logs_it(db, smtp_server):
    mail = Outgoing(
        kind="returned",
        keys=("update:7",),
        recipient="anna@example.org",
        subject="Din statusuppdatering skickades tillbaka",
        text="Se kommentaren.",
        html="<p>Se kommentaren.</p>",
    )

    delivery = deliver([mail])

    assert delivery.ok and delivery.sent == [mail]
    (received,) = smtp_server.messages
    assert received["Subject"] == "Din statusuppdatering skickades tillbaka"
    assert SentMail.objects.get().key == "update:7"


@contextlib.contextmanager
def another_run_holds_the_lock():
    if connection.vendor == "postgresql":
        # The advisory lock belongs to a database session: the other run has its own.
        other = connection.copy()
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        try:
            yield
        finally:
            # Unlocked before the session ends: a closed session's lock goes only when its
            # server process has exited, which a loaded machine may not have done yet.
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
            other.close()
    else:
        with single_run():  # a lock on the file opened anew conflicts, in any process
            yield


def test_a_second_run_while_one_is_running_sends_nothing(round, smtp_server):
    busy = pytest.raises(CommandError, match="another `styr reminders send` is running")
    with another_run_holds_the_lock(), busy:
        call_command("reminders", "send")
    assert smtp_server.messages == []

    send()
    assert len(smtp_server.messages) == 7
