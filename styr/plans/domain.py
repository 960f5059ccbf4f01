"""The writes that matter for plans, one transactional function each.

- `record_status_update`: the one writer of status history (append-only);
- `record_action_version`: the one writer of an action's dated versions (append-only);
- `change_action`: change what an action says from a day on, keeping what it said before;
- `publish_plan`: make a draft plan public.
Each takes the acting user as `by`/`author` and records it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styr.accounts.audit import AuditEvent, audited
from styr.lib.dates import swedish_day
from styr.plans.approval import needs_approval
from styr.plans.models import (
    VERSIONED_FIELDS,
    Action,
    ActionVersion,
    Plan,
    Responsibility,
    Status,
    StatusUpdate,
    versioned_values,
)

NOTE_LIMIT = 4000
# `record_status_update(..., seen=ANY_SEEN)`: the caller saw no particular state (a command,
# an import); the web form passes the newest update it showed, or None for none.
ANY_SEEN = object()


class StaleStatus(Exception):
    """Someone recorded a newer update after the form was shown; nothing was saved."""

    def __init__(self, newer: StatusUpdate):
        super().__init__(f"update {newer.id} was recorded after the form was shown")
        self.newer = newer


def check_status_update(
    action: Action | None, date: dt.date, status: str, *, after: StatusUpdate | None = None
) -> None:
    """Raise ValidationError (in Swedish) if an update with this date and status is not allowed.

    `after` is the update in force today: a new update may not describe an earlier day.
    """
    if status not in Status.values:
        raise ValidationError(
            _("Okänd status ”%(status)s”. Giltiga: %(valid)s.")
            % {"status": status, "valid": ", ".join(Status.values)}
        )
    check_update_date(action, date, after=after)


def check_update_date(
    action: Action | None, date: dt.date, *, after: StatusUpdate | None = None
) -> None:
    """The date rules alone (the status form shows them at its date field): not before the
    action was introduced, not in the future, not before `after` (the update in force)."""
    if action is not None and date < action.introduced_on:
        raise ValidationError(
            _("Datumet %(date)s ligger före åtgärden fördes in i planen (%(start)s).")
            % {"date": swedish_day(date), "start": swedish_day(action.introduced_on)}
        )
    if date > timezone.localdate():
        raise ValidationError(_("En statusuppdatering kan inte dateras i framtiden."))
    if after is not None and date < after.date:
        raise ValidationError(
            _(
                "Datumet %(date)s ligger före den senaste statusuppdateringen (%(latest)s). "
                "Ange %(latest)s eller senare."
            )
            % {"date": swedish_day(date), "latest": swedish_day(after.date)}
        )


def newest_recorded(action: Action) -> StatusUpdate | None:
    """The update written to Styr last for the action, whatever day it describes.

    By id, the order of writing: an import may give an older `recorded_at` (the day of its
    document), and it must still count as newer than what a form showed before it.
    """
    return action.status_updates.order_by("-id").first()


@audited(AuditEvent.STATUS_UPDATE, actor="author")
@transaction.atomic
def record_status_update(
    action: Action,
    *,
    date: dt.date,
    status: str,
    note: str = "",
    internal_note: str = "",
    author=None,
    author_name: str = "",
    recorded_at: dt.datetime | None = None,
    seen: int | None | object = ANY_SEEN,
    may_approve: bool = False,
) -> StatusUpdate:
    """Append a status update to an action; earlier updates are never touched.

    On a plan that asks for approval, an update by someone who may not approve it is
    submitted (*inlämnad*) and counts nowhere until approved (`styr.plans.approval`).
    Whether the author may approve (`may_approve`) the caller asks of the policy
    ("plans.approve_status" on the action): a domain function never asks it.

    `recorded_at` defaults to now; only an import of dated documents sets it. `seen` is the
    id of the newest update the author was shown (None: none): if a newer one was recorded
    since, StaleStatus is raised and nothing is written. The action's row is locked first,
    so two authors saving at once are put in order and the second one is told.
    """
    Action.objects.select_for_update().filter(pk=action.pk).first()
    if seen is not ANY_SEEN:
        newest = newest_recorded(action)
        if newest is not None and newest.id != seen:
            raise StaleStatus(newest)
        check_status_update(action, date, status, after=newest_by_date(action))
    else:
        check_status_update(action, date, status)
    if len(note) > NOTE_LIMIT or len(internal_note) > NOTE_LIMIT:
        raise ValidationError(
            _("En kommentar får vara högst %(limit)s tecken.") % {"limit": NOTE_LIMIT}
        )
    return StatusUpdate.objects.create(
        action=action,
        needs_approval=needs_approval(action.plan, author, author is not None and may_approve),
        date=date,
        status=status,
        note=note.strip(),
        internal_note=internal_note.strip(),
        author=author,
        author_name=author_name,
        recorded_at=recorded_at or timezone.now(),
    )


def newest_by_date(action: Action) -> StatusUpdate | None:
    """The update describing the latest day (the last recorded of that day)."""
    return action.status_updates.order_by("-date", "-recorded_at", "-id").first()


# ---------------------------------------------------------------------------------------
# What an action says, and from when


def responsibility_list(responsibilities: Iterable[Responsibility]) -> list[dict]:
    """The JSON a version keeps of an action's responsibilities, in order."""
    ordered = sorted(responsibilities, key=lambda r: (r.kind, r.order, r.id or 0))
    return [
        {"kind": r.kind, "person": r.person_id, "post": r.post_id, "role_text": r.role_text}
        for r in ordered
    ]


def version_of(
    action: Action, responsibilities: Iterable[Responsibility], **history
) -> ActionVersion:
    """An unsaved version holding the action's fields and responsibilities as they are."""
    return ActionVersion(
        action=action,
        **versioned_values(action),
        responsibilities=responsibility_list(responsibilities),
        **history,
    )


def same_content(a: ActionVersion, b: ActionVersion) -> bool:
    return versioned_values(a) == versioned_values(b) and (a.responsibilities == b.responsibilities)


@audited(AuditEvent.ACTION_VERSION, actor="by")
@transaction.atomic
def record_action_version(
    action: Action,
    *,
    by=None,
    applies_from: dt.date | None = None,
    reason: str = "",
    correction: bool = False,
    recorded_at: dt.datetime | None = None,
) -> ActionVersion | None:
    """Keep what the action (its row and responsibilities) says now as a dated version.

    The first version applies from the day the action was introduced. A later one needs a
    reason and applies from `applies_from` (not before the first day, not in the future);
    a correction applies from the first day. Nothing changed: nothing is written, None.
    """
    now = recorded_at or timezone.now()
    current = version_of(
        action,
        action.responsibilities.all(),
        recorded_by=by,
        recorded_at=now,
        reason=reason.strip(),
        correction=correction,
    )
    previous = action.versions.order_by("-recorded_at", "-id").first()
    if previous is None:
        current.applies_from = action.introduced_on
        current.save()
        return current
    if same_content(previous, current):
        return None
    if not current.reason:
        raise ValidationError(_("Ange varför åtgärden ändras."))
    if correction:
        current.applies_from = action.introduced_on
    else:
        current.applies_from = applies_from or timezone.localdate()
        if current.applies_from < action.introduced_on:
            raise ValidationError(
                _("Ändringen kan inte gälla före åtgärdens första dag (%(day)s).")
                % {"day": swedish_day(action.introduced_on)}
            )
        if current.applies_from > timezone.localtime(now).date():
            raise ValidationError(_("En ändring kan inte gälla från ett datum i framtiden."))
    current.save()
    return current


@audited(AuditEvent.ACTION_CHANGE, actor="by")
@transaction.atomic
def change_action(
    action: Action,
    *,
    by,
    reason: str,
    applies_from: dt.date | None = None,
    correction: bool = False,
    responsibilities: list[dict] | None = None,
    recorded_at: dt.datetime | None = None,
    **fields,
) -> ActionVersion | None:
    """Change what an action says from `applies_from` on; what it said before is kept.

    `fields` are among title, text, theme, deadline_text, deadline_date, deadline_precision;
    `responsibilities` (kind, person, post, role_text) replaces the action's when given.
    `recorded_at` defaults to now; only an import of dated documents sets it. Pages and
    reports show the change from the later of `applies_from` and the day it was recorded.
    """
    unknown = set(fields) - set(VERSIONED_FIELDS)
    if unknown:
        raise TypeError(f"not a versioned field of an action: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(action, name, value)
    action.full_clean()
    action.save()
    if responsibilities is not None:
        action.responsibilities.all().delete()
        Responsibility.objects.bulk_create(
            Responsibility(
                action=action,
                kind=item.get("kind", "responsible"),
                person_id=item.get("person"),
                post_id=item.get("post"),
                role_text=item.get("role_text", ""),
                order=order,
            )
            for order, item in enumerate(responsibilities)
        )
    return record_action_version(
        action,
        by=by,
        applies_from=applies_from,
        reason=reason,
        correction=correction,
        recorded_at=recorded_at,
    )


@audited(AuditEvent.PLAN_PUBLISH, actor="by")
@transaction.atomic
def publish_plan(plan: Plan, *, by) -> Plan:
    """Make a draft plan public. Publishing is not undone: the public has seen it."""
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.published_at is None:
        locked.published_at = timezone.now()
        locked.save(update_fields=["published_at"])
    plan.published_at = locked.published_at
    return plan
