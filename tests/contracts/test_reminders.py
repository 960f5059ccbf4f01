"""Reminders to line managers whose managers lack an agreed contract, before the deadline:
through `styr reminders send`, logged, never twice."""

import datetime as dt
import io

from django.core.management import call_command

from styr.contracts.reminders import step_on
from styr.demo.accounts import load_demo_accounts
from styr.reminders.models import SentMail

DEADLINE = dt.date(2015, 12, 31)


def send(day: str) -> str:
    out = io.StringIO()
    call_command("reminders", "send", "--today", day, stdout=out)
    return out.getvalue()


def test_the_steps_before_the_deadline():
    assert step_on(dt.date(2015, 11, 30), DEADLINE) is None
    assert step_on(dt.date(2015, 12, 1), DEADLINE) == 30
    assert step_on(dt.date(2015, 12, 20), DEADLINE) == 14
    assert step_on(dt.date(2015, 12, 31), DEADLINE) == 1
    assert step_on(dt.date(2016, 1, 1), DEADLINE) is None


def test_line_managers_are_reminded_of_the_managers_missing_a_contract_once(demo, smtp_server):
    load_demo_accounts(demo)
    out = send("2015-12-20")
    assert "contract: 5 sent" in out
    assert "skipped (no address): 1" in out  # Petra Ahlström (invented) has no address
    mails = {m["To"]: m for m in smtp_server.messages if m["X-Styr-Kind"] == "contract"}
    einar = next(m for to, m in mails.items() if to.startswith("einar"))
    body = einar.get_content()
    assert "Lars-Erik Olsson" in body and "Sara Hedlund" in body
    assert "Emma Gustafsson" not in body  # agreed on 2015-12-16
    assert "/skriv/" in body
    assert "klara senast 31 december 2015" in einar["Subject"]
    # The same step again: nothing new.
    assert "contract: 0 sent" in send("2015-12-21")
    # The next step reminds again; after the deadline nobody is reminded.
    assert "contract: 5 sent" in send("2015-12-26")
    assert "contract: 0 sent" in send("2016-01-02")
    assert SentMail.objects.filter(kind="contract").count() == 2 * 8
