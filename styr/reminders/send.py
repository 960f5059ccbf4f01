"""A day's mail: everything due today, collected per batch and delivered on one connection.

`collect(today)` reads what is due (see `styr.reminders.mails`); `send_today(today)` sends
it and returns the `Delivery` with what was skipped. The command prints both.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from styr.reminders.delivery import Delivery, deliver
from styr.reminders.mails import (
    Batch,
    digest_mails,
    late_mails,
    open_rounds,
    plans_with_late_actions,
    round_mails,
    subscriptions,
)

KINDS_IN_ORDER = ["invitation", "reminder", "late", "digest", "contract"]

# Mail of apps above reminders (the result contracts' reminders), each a function of the day
# giving a Batch. The app registers it in its AppConfig.ready(): reminders import no app
# above them, and those apps reuse reminders' batch, addresses and delivery.
SOURCES: list[Callable[[dt.date], Batch]] = []


def register(source: Callable[[dt.date], Batch]) -> None:
    """Add `source` to every day's mail (once, however often the app is readied)."""
    if source not in SOURCES:
        SOURCES.append(source)


@dataclass
class Day:
    today: dt.date
    batch: Batch
    delivery: Delivery = field(default_factory=Delivery)

    def sent_per_kind(self) -> Counter:
        return Counter(mail.kind for mail in self.delivery.sent)


def collect(today: dt.date) -> Batch:
    """Every mail due today that was not sent yet."""
    batch = Batch()
    for round in open_rounds(today):
        batch.extend(round_mails(round, today))
    for plan in plans_with_late_actions(today):
        batch.extend(late_mails(plan, today))
    for plan, subscribers in subscriptions(today).items():
        batch.extend(digest_mails(plan, subscribers, today))
    # E.g. line managers whose managers lack an agreed result contract, before the deadline.
    for source in SOURCES:
        batch.extend(source(today))
    return batch


def send_today(today: dt.date) -> Day:
    batch = collect(today)
    return Day(today, batch, deliver(batch.outgoing, today=today))
