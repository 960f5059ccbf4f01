"""Approval of status updates: the plan's strateg checks what the ansvariga submit.

With approval turned on for a plan, an update by someone who may not approve it is
*inlämnad* (`StatusUpdate.needs_approval`) until the strateg approves it or sends it back
with a comment. Only approved updates count as of a day (`styr.plans.queries.approved_by`):
on public pages, in reports and exports, from the moment of approval. The decision is an
append-only `StatusReview`; an update sent back stays in the history, and the ansvarig
submits a new one. Who may approve is the policy's `plans.approve_status`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from styr.accounts.audit import AuditEvent, audited
from styr.plans.models import Decision, Plan, StatusReview, StatusUpdate

COMMENT_LIMIT = 4000


def needs_approval(plan: Plan, author, may_approve: bool) -> bool:
    """Whether an update written now by `author` waits for approval: on a plan that asks
    for it, from anyone but those who approve (a command or an import without an author
    writes as the strategy office itself)."""
    return plan.requires_approval and author is not None and not may_approve


def pending(plan: Plan):
    """The plan's submitted updates that await a decision, oldest first."""
    return (
        StatusUpdate.objects.filter(action__plan=plan, needs_approval=True, review__isnull=True)
        .select_related("action", "author")
        .order_by("recorded_at", "id")
    )


def open_submissions(actions) -> dict[int, StatusUpdate]:
    """Per action, its newest update if that one still waits for approval or was sent back:
    what its ansvarig should see beside the approved status. Two queries for any number."""
    newest = StatusUpdate.objects.filter(action=OuterRef("pk")).order_by("-id").values("id")[:1]
    ids = actions.annotate(newest=Subquery(newest)).values("newest")
    waiting = StatusUpdate.objects.filter(id__in=ids, needs_approval=True).exclude(
        review__decision=Decision.APPROVED
    )
    return {update.action_id: update for update in waiting.select_related("review")}


@audited(AuditEvent.STATUS_REVIEW, actor="by")
@transaction.atomic
def review_update(
    update: StatusUpdate, *, decision: str, comment: str = "", by=None
) -> StatusReview:
    """Approve a submitted update, or send it back with a comment. Decided once: a second
    decision on the same update (two strateger at once) is refused with a message."""
    if decision not in Decision.values:
        raise ValidationError(_("Okänt beslut ”%(decision)s”.") % {"decision": decision})
    comment = comment.strip()
    if decision == Decision.RETURNED and not comment:
        raise ValidationError(_("Skriv varför uppdateringen skickas tillbaka."))
    if len(comment) > COMMENT_LIMIT:
        raise ValidationError(
            _("En kommentar får vara högst %(limit)s tecken.") % {"limit": COMMENT_LIMIT}
        )
    # Lock the update's row, so that two decisions at once are put in order.
    locked = StatusUpdate.objects.select_for_update().get(pk=update.pk)
    if not locked.needs_approval:
        raise ValidationError(_("Uppdateringen behöver inte godkännas."))
    if StatusReview.objects.filter(update=locked).exists():
        raise ValidationError(_("Uppdateringen är redan granskad."))
    review = StatusReview.objects.create(
        update=locked, decision=decision, comment=comment, decided_by=by
    )
    if decision == Decision.RETURNED:
        transaction.on_commit(lambda: notify_returned(review))
    return review


@audited(AuditEvent.APPROVAL_SETTING, actor="by")
@transaction.atomic
def set_approval(plan: Plan, *, required: bool, by=None) -> Plan:
    """Turn approval on or off for a plan. Updates already submitted keep waiting for a
    decision either way: turning it off approves nothing by itself."""
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.requires_approval != required:
        locked.requires_approval = required
        locked.save(update_fields=["requires_approval"])
    plan.requires_approval = required
    return plan


def notify_returned(review: StatusReview) -> None:
    """Tell the ansvarig by e-mail that their update was sent back (after the commit)."""
    from styr.plans.approval_mail import send_returned

    send_returned(review)
