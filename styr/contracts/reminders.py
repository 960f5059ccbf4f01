"""Reminders to line managers whose managers have no agreed result contract, before the
deadline (the memo: "senast den 31 december 2015").

`contract_mails(today)` is one batch of `styr reminders send`: on each reminder step (30,
14, 7 and 1 days before the year's deadline) every line manager with managers missing an
agreed contract for the year gets one mail naming them, with a link to write each contract.
A step missed (the command did not run that day) is sent by the next run before the
deadline. Mails go through `styr.reminders.delivery.deliver`, so they are logged and never
sent twice: the keys are per manager, year and step. A fixed number of queries per
municipality with managers, whatever the number of managers.
"""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from styr.contracts.coverage import deadline_of
from styr.contracts.models import ManagerAssignment
from styr.contracts.queries import coverage_on, in_force
from styr.lib.dates import swedish_day
from styr.org.models import Municipality, Person
from styr.reminders.delivery import Outgoing
from styr.reminders.mails import ALREADY_SENT, NO_ADDRESS, Batch, absolute, addresses, sent_log

KIND = "contract"
# Days before the deadline on which line managers are reminded.
STEPS = (30, 14, 7, 1)


def step_on(today: dt.date, deadline: dt.date) -> int | None:
    """The reminder step in force today: the nearest step already reached, or None (too
    early, or the deadline has passed)."""
    days_left = (deadline - today).days
    if days_left < 0:
        return None
    reached = [step for step in STEPS if days_left <= step]
    return min(reached) if reached else None


def key(year: int, manager_id: int, step: int) -> str:
    return f"contract:{year}:{manager_id}:{step}"


def contract_mails(today: dt.date) -> Batch:
    batch = Batch()
    deadline = deadline_of(today.year)
    step = step_on(today, deadline)
    if step is None:
        return batch
    # Only where there are managers today: one query for a municipality without any.
    with_managers = ManagerAssignment.objects.filter(in_force(today)).values("municipality_id")
    for municipality in Municipality.objects.filter(id__in=with_managers).order_by("id"):
        batch.extend(municipality_mails(municipality, today, deadline, step))
    return batch


def municipality_mails(municipality, today: dt.date, deadline: dt.date, step: int) -> Batch:
    batch = Batch()
    result = coverage_on(municipality, today)
    missing_by_boss: dict[int, list] = {}
    for line in result.lines:
        for row in line.missing:
            if row.line_manager_id is not None:
                missing_by_boss.setdefault(row.line_manager_id, []).append(row)
    if not missing_by_boss:
        return batch
    bosses = Person.objects.filter(id__in=missing_by_boss)
    found = addresses(bosses)
    keys = {
        row.person_id: key(today.year, row.person_id, step)
        for rows in missing_by_boss.values()
        for row in rows
    }
    sent = sent_log(KIND, keys.values())
    for boss in sorted(bosses, key=lambda p: p.name):
        rows = missing_by_boss[boss.id]
        if boss.id not in found:
            batch.skipped[NO_ADDRESS] += 1
            continue
        address, user = found[boss.id]
        unsent = [row for row in rows if (keys[row.person_id], address.lower()) not in sent]
        if not unsent:
            batch.skipped[ALREADY_SENT] += 1
            continue
        context = {
            "boss": boss,
            "deadline": swedish_day(deadline),
            "days_left": (deadline - today).days,
            "year": today.year,
            "managers": [
                {
                    "name": row.name,
                    "title": row.title,
                    "url": absolute(reverse("contracts:write", args=[row.person_id, today.year])),
                }
                for row in unsent
            ],
            "mine_url": absolute(reverse("contracts:mine")),
        }
        batch.outgoing.append(
            Outgoing(
                kind=KIND,
                keys=tuple(keys[row.person_id] for row in unsent),
                recipient=address,
                subject=_("Resultatkontrakt %(year)s: klara senast %(deadline)s")
                % {"year": today.year, "deadline": context["deadline"]},
                text=render_to_string("contracts/mail/reminder.txt", context),
                person=boss,
                user=user,
            )
        )
    return batch
