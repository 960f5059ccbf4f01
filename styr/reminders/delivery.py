"""Sending mail and logging it: the core every kind of mail goes through.

`deliver(outgoing)` opens one SMTP connection for the whole batch and sends each mail on
it by itself, so a recipient the server refuses costs only that mail. What the server
accepted is logged (`SentMail`, one row per key) in one insert after the batch; nothing the
server did not accept is logged, so the next run sends it. A server that is down, or that
drops the connection, ends the batch: the rest is left for the next run.

The lead's "returned" notice, or any other one-off mail, can go through `deliver` too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import smtplib
from dataclasses import dataclass, field
from typing import Any

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as database
from django.utils import timezone

from styr.reminders.models import SentMail


@dataclass
class Outgoing:
    """One mail: what it is (kind, and the keys it settles: one per round, action or week),
    to whom, and its text. `keys` holds more than one key when one mail tells a person about
    several actions (each is then never told again)."""

    kind: str
    keys: tuple[str, ...]
    recipient: str
    subject: str
    text: str
    html: str = ""
    person: Any = None
    user: Any = None

    def message(self, connection) -> EmailMultiAlternatives:
        # The kind in a header of its own: mail rules (and tests) can sort by it.
        mail = EmailMultiAlternatives(
            self.subject,
            self.text,
            to=[self.recipient],
            connection=connection,
            headers={"X-Styr-Kind": str(self.kind)},
        )
        if self.html:
            mail.attach_alternative(self.html, "text/html")
        return mail


@dataclass
class Delivery:
    """What a batch came to: the mails accepted, those refused (with the server's words),
    and the error that ended the batch early, if one did (`unsent` then holds the rest)."""

    sent: list[Outgoing] = field(default_factory=list)
    refused: list[tuple[Outgoing, str]] = field(default_factory=list)
    unsent: list[Outgoing] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and not self.refused


def text(reason: bytes | str) -> str:
    return reason.decode(errors="replace") if isinstance(reason, bytes) else reason


def describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {text(reason)}"
            for address, (code, reason) in error.recipients.items()
        )
    return f"{type(error).__name__}: {error}"


# A refusal of this one mail (its recipient, its content): the connection is still good.
REFUSALS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
    UnicodeError,
)


def deliver(outgoing: list[Outgoing], *, today: dt.date | None = None) -> Delivery:
    """Send the mails on one connection and log those accepted. One query, for the log.

    Never raises for the mail server's sake: a server that cannot be reached or fails
    mid-batch is `Delivery.error`, and what it accepted before is logged all the same.
    """
    result = Delivery()
    if not outgoing:
        return result
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        result.error = describe(error)
        result.unsent = list(outgoing)
        return result
    try:
        for index, mail in enumerate(outgoing):
            try:
                connection.send_messages([mail.message(connection)])
            except REFUSALS as error:
                result.refused.append((mail, describe(error)))
            except (OSError, smtplib.SMTPException) as error:
                result.error = describe(error)
                result.unsent = outgoing[index:]
                break
            else:
                result.sent.append(mail)
    finally:
        # The mails it accepted are accepted; a failing goodbye changes nothing.
        with contextlib.suppress(OSError, smtplib.SMTPException):
            connection.close()
        log(result.sent, today or timezone.localdate())
    return result


def log(sent: list[Outgoing], today: dt.date) -> None:
    """The sent log: one statement executed for all rows (`executemany`), so its cost does
    not grow with the batch the way `bulk_create`'s parameter-limited chunks do on SQLite.
    A row another run wrote in the meantime is kept (ON CONFLICT DO NOTHING: SQLite 3.24+
    and PostgreSQL alike)."""
    if not sent:
        return
    now = timezone.now()
    meta = SentMail._meta
    columns = ["kind", "key", "recipient", "person_id", "user_id", "day", "sent_at"]
    quote = database.ops.quote_name
    concrete = {field.name: field for field in meta.concrete_fields}
    fields = [concrete[column.removesuffix("_id")] for column in columns]
    # A concrete field has its column (the stubs allow None, for fields without one).
    names = ", ".join(quote(f.column) for f in fields)  # type: ignore[arg-type]
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({names}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) ON CONFLICT DO NOTHING"
    )
    rows = [
        [
            mail.kind,
            key,
            mail.recipient,
            getattr(mail.person, "pk", None),
            getattr(mail.user, "pk", None),
            today,
            now,
        ]
        for mail in sent
        for key in mail.keys
    ]
    adapted = [
        [field.get_db_prep_save(value, database) for field, value in zip(fields, row, strict=True)]
        for row in rows
    ]
    with database.cursor() as cursor:
        cursor.executemany(sql, adapted)
