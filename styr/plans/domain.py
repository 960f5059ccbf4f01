"""The writes that matter for plans, one transactional function each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styr.lib.dates import swedish_day
from styr.plans.models import Action, Status, StatusUpdate


def check_status_update(action: Action | None, date: dt.date, status: str) -> None:
    """Raise ValidationError (in Swedish) if an update with this date and status is not allowed."""
    if status not in Status.values:
        raise ValidationError(
            _("Okänd status ”%(status)s”. Giltiga: %(valid)s.")
            % {"status": status, "valid": ", ".join(Status.values)}
        )
    if action is not None and date < action.introduced_on:
        raise ValidationError(
            _("Datumet %(date)s ligger före åtgärden fördes in i planen (%(start)s).")
            % {"date": swedish_day(date), "start": swedish_day(action.introduced_on)}
        )
    if date > timezone.localdate():
        raise ValidationError(_("En statusuppdatering kan inte dateras i framtiden."))


@transaction.atomic
def record_status_update(
    action: Action,
    *,
    date: dt.date,
    status: str,
    note: str = "",
    author=None,
    author_name: str = "",
    recorded_at: dt.datetime | None = None,
) -> StatusUpdate:
    """Append a status update to an action; earlier updates are never touched.

    `recorded_at` defaults to now; only an import of historical records sets it.
    """
    check_status_update(action, date, status)
    return StatusUpdate.objects.create(
        action=action,
        date=date,
        status=status,
        note=note.strip(),
        author=author,
        author_name=author_name,
        recorded_at=recorded_at or timezone.now(),
    )
