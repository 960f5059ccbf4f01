"""The writes of the reminders app: subscribing to a plan's digest, and saying no to a kind
of mail. Each in one transaction, audited; an address is kept in lower case, so the same
address written twice is one subscription."""

from __future__ import annotations

from django.db import transaction

from styr.accounts.audit import AuditEvent, audited
from styr.plans.models import Plan
from styr.reminders.models import Kind, OptOut, Subscription
from styr.reminders.schedule import digest_scope


@audited(AuditEvent.DIGEST_SUBSCRIBE, actor="by")
@transaction.atomic
def subscribe(plan: Plan, email: str, *, by=None) -> Subscription:
    """Send `email` the plan's weekly digest. Subscribing again takes back an earlier
    unsubscribe (the person asks for it anew)."""
    email = email.strip().lower()
    OptOut.objects.filter(email=email, kind=Kind.DIGEST, scope=digest_scope(plan.id)).delete()
    subscription, _created = Subscription.objects.get_or_create(
        plan=plan, email=email, defaults={"user": by}
    )
    return subscription


@audited(AuditEvent.MAIL_OPT_OUT)
@transaction.atomic
def opt_out(email: str, kind: str, scope: str) -> OptOut:
    """Never send `email` this kind of mail (in this scope) again. Idempotent."""
    email = email.strip().lower()
    said_no, _created = OptOut.objects.get_or_create(email=email, kind=kind, scope=scope)
    return said_no


def is_subscribed(plan: Plan, email: str) -> bool:
    email = email.strip().lower()
    return (
        bool(email)
        and Subscription.objects.filter(plan=plan, email=email).exists()
        and not OptOut.objects.filter(
            email=email, kind=Kind.DIGEST, scope=digest_scope(plan.id)
        ).exists()
    )


def digest_subscribers(plan: Plan) -> list[str]:
    """The addresses that get the plan's weekly digest: subscribed and not opted out."""
    said_no = set(
        OptOut.objects.filter(kind=Kind.DIGEST, scope=digest_scope(plan.id)).values_list(
            "email", flat=True
        )
    )
    return [
        s.email
        for s in Subscription.objects.filter(plan=plan).order_by("email")
        if s.email not in said_no
    ]
