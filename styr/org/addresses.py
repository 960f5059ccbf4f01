"""Where mail to a person goes: their account's e-mail, else the person's own.

One rule for every mail Styr sends (reminders, digests, returned status updates). It lives
with the people, below every app that mails them; the account is reached through its
reverse relation (`account`, `styr.accounts.models.Account`), so org imports nothing above it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import F


def mail_address(person: Any, user: Any) -> str:
    """The account's (`user`'s) e-mail, else the person's own; "" for neither. Either may
    be None."""
    own = user.email if user is not None else ""
    return (own or (person.email if person is not None else "") or "").strip()


def users_of(people) -> dict[int, Any]:
    """Person id -> the user of the person's account, for those that have one. One query."""
    ids = [person.id for person in people]
    users = get_user_model().objects.filter(account__person_id__in=ids)
    return {user.for_person: user for user in users.annotate(for_person=F("account__person_id"))}
