"""The writes of reporting rounds, one transactional, audited function each.

- `open_round`: the strategy office asks a plan's ansvariga for their status by a due date;
- `close_round`: the strateg ends the round before (or at) its due date.
Each takes the acting user as `by` and records it; the audit log labels the entry.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styr.accounts.audit import AuditEvent, audited
from styr.lib.dates import describe, swedish_day
from styr.plans.models import Plan
from styr.rounds.models import Round

TITLE_LIMIT: int = Round._meta.get_field("title").max_length  # type: ignore[assignment]  # a CharField: always set
MESSAGE_LIMIT = 4000


def default_title(due: dt.date) -> str:
    """'Uppföljning september 2015': the month the answers are due."""
    return _("Uppföljning %(month)s") % {"month": describe(due, "month")}


def open_rounds(plan: Plan, today: dt.date):
    """The plan's rounds still open today: not closed, due date not passed."""
    return Round.objects.filter(plan=plan, closed_at__isnull=True, due__gte=today)


def check_round(plan: Plan, *, title: str, due: dt.date, message: str, today: dt.date) -> None:
    """Raise ValidationError (in Swedish, per field) if such a round may not be opened."""
    errors: dict[str, list[str]] = {}
    if plan.is_draft:
        # Ansvariga may not report status on a draft (the policy's plans.report_status):
        # a round on one would ask for what nobody but the strateg can give.
        errors.setdefault("plan", []).append(
            _(
                "Planen är ett utkast. Offentliggör den först: de ansvariga kan inte "
                "rapportera status på ett utkast."
            )
        )
    if due < today:
        errors.setdefault("due", []).append(
            _("Sista dag %(due)s har redan passerat. Ange i dag (%(today)s) eller senare.")
            % {"due": swedish_day(due), "today": swedish_day(today)}
        )
    if not title:
        errors.setdefault("title", []).append(_("Ange en rubrik."))
    elif len(title) > TITLE_LIMIT:
        errors.setdefault("title", []).append(
            _("Rubriken får vara högst %(limit)s tecken.") % {"limit": TITLE_LIMIT}
        )
    if len(message) > MESSAGE_LIMIT:
        errors.setdefault("message", []).append(
            _("Meddelandet får vara högst %(limit)s tecken.") % {"limit": MESSAGE_LIMIT}
        )
    if errors:
        raise ValidationError(errors)


@audited(AuditEvent.ROUND_OPEN, actor="by")
@transaction.atomic
def open_round(
    plan: Plan, *, title: str | None = None, due: dt.date, message: str = "", by=None
) -> Round:
    """Open a reporting round on a published plan, due on `due` (today or later).

    Without a title (or a blank one) the round is called "Uppföljning <månad år>" after its
    due date. A plan has at most one open round at a time, so that the ansvariga are never
    asked twice at once: a second is refused while the first is open. The plan's row is
    locked first, so two strateger opening at once are put in order.
    """
    today = timezone.localdate()
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    title = (title or "").strip() or default_title(due)
    message = message.strip()
    check_round(plan, title=title, due=due, message=message, today=today)
    current = open_rounds(plan, today).order_by("due", "id").first()
    if current is not None:
        raise ValidationError(
            _(
                "Planen har redan ett öppet uppföljningstillfälle, ”%(title)s” "
                "(sista dag %(due)s). Stäng det innan du öppnar ett nytt."
            )
            % {"title": current.title, "due": swedish_day(current.due)}
        )
    return Round.objects.create(plan=plan, title=title, due=due, message=message, opened_by=by)


@audited(AuditEvent.ROUND_CLOSE, actor="by")
@transaction.atomic
def close_round(round: Round, *, by=None) -> Round:
    """Close an open round now: updates recorded after this moment no longer count in it,
    and who has not reported is late. A round already closed (by a strateg, or because its
    due date passed) is refused with a message; the row is locked, so two closings at once
    are put in order and the second is told."""
    today = timezone.localdate()
    locked = Round.objects.select_for_update().get(pk=round.pk)
    if locked.closed_at is not None:
        raise ValidationError(
            _("Uppföljningstillfället stängdes redan %(day)s.")
            % {"day": swedish_day(timezone.localdate(locked.closed_at))}
        )
    if not locked.is_open(today):
        raise ValidationError(
            _("Uppföljningstillfället stängdes redan när sista dagen %(due)s hade passerat.")
            % {"due": swedish_day(locked.due)}
        )
    locked.closed_at = timezone.now()
    locked.closed_by = by
    locked.save(update_fields=["closed_at", "closed_by"])
    round.closed_at, round.closed_by = locked.closed_at, by
    return round
