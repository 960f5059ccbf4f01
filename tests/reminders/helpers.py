"""Reading what the SMTP server received, and running the command as cron would."""

from __future__ import annotations

import re
from io import StringIO

from django.core.management import call_command

LINK = re.compile(r"https?://[^\s\"<>]+")


def kind(message) -> str:
    return message["X-Styr-Kind"]


def of_kind(messages, wanted: str) -> list:
    return [m for m in messages if kind(m) == wanted]


def recipient(message) -> str:
    return str(message["To"])


def recipients(messages, wanted: str | None = None) -> set[str]:
    return {recipient(m) for m in messages if wanted is None or kind(m) == wanted}


def text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def html(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content().replace("\r\n", "\n")


def links(body: str) -> list[str]:
    return LINK.findall(body)


def send(today=None) -> str:
    """`styr reminders send [--today]`; what it printed."""
    out = StringIO()
    args = ["reminders", "send"] + ([f"--today={today.isoformat()}"] if today else [])
    call_command(*args, stdout=out)
    return out.getvalue()
