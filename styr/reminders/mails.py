"""What to send today, read in a fixed number of queries per batch, as `Outgoing` mails.

A batch is one round (its invitations and reminders), one plan's late notices or one plan's
digest. Each reads what it needs in a constant number of queries, whatever the number of
people and actions: the round's progress through `styr.rounds.queries.round_progress`, the
actions as of today through the as-of rule (`styr.plans.queries`), the recipients'
addresses and the sent log in one query each. `Batch.skipped` counts, per reason, the mails
not sent (already sent, no address, unsubscribed).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from styr.lib.dates import swedish_day
from styr.org.addresses import mail_address, users_of
from styr.plans.models import Action, Plan
from styr.plans.queries import read_action_rows, read_action_rows_on
from styr.reminders.delivery import Outgoing
from styr.reminders.models import Kind, OptOut, SentMail, Subscription
from styr.reminders.schedule import (
    LATE_WINDOW_DAYS,
    became_late_lately,
    digest_key,
    digest_scope,
    digest_since,
    invitation_key,
    late_key,
    late_scope,
    reminder_due,
    reminder_key,
)
from styr.reminders.tokens import unsubscribe_url
from styr.rounds.models import Round
from styr.rounds.queries import round_progress

NO_ADDRESS = "no address"
ALREADY_SENT = "already sent"
UNSUBSCRIBED = "unsubscribed"
INVITED_TODAY = "invited today"


@dataclass
class Batch:
    outgoing: list[Outgoing] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)

    def extend(self, other: Batch) -> None:
        self.outgoing += other.outgoing
        self.skipped.update(other.skipped)


def addresses(people) -> dict[int, tuple[str, Any]]:
    """Person id -> (address, user): the linked account's e-mail, else the person's own
    (`styr.org.addresses`); people with neither are left out. One query."""
    people = list({person.id: person for person in people}.values())
    users = users_of(people)
    found = {}
    for person in people:
        user = users.get(person.id)
        address = mail_address(person, user)
        if address:
            found[person.id] = (address, user)
    return found


def sent_log(kind: str, keys) -> set[tuple[str, str]]:
    """(key, recipient in lower case) already sent for these keys. One query."""
    rows = SentMail.objects.filter(kind=kind, key__in=list(keys)).values_list("key", "recipient")
    return {(key, recipient.lower()) for key, recipient in rows}


def absolute(path: str) -> str:
    return settings.BASE_URL + path


def form_url(plan: Plan, action) -> str:
    return absolute(reverse("plans:report_status", args=[plan.slug, action.pk]))


def listed(plan: Plan, progress_actions) -> list[dict]:
    """The actions as a mail lists them: title, deadline, status today, the form's link."""
    return [
        {
            "title": item.row.action.title,
            "deadline": item.row.action.deadline_text or item.row.action.deadline_described,
            "status": item.row.status_label,
            "overdue": item.row.overdue,
            "url": form_url(plan, item.row.action),
        }
        for item in progress_actions
    ]


def render(name: str, context: dict) -> tuple[str, str]:
    return (
        render_to_string(f"reminders/mail/{name}.txt", context),
        render_to_string(f"reminders/mail/{name}.html", context),
    )


# ---------------------------------------------------------------------------------------
# Rounds: invitations and reminders


def open_rounds(today: dt.date) -> list[Round]:
    """Rounds open today in published plans. One query."""
    rounds = Round.objects.filter(
        closed_at__isnull=True, due__gte=today, plan__published_at__isnull=False
    ).select_related("plan")
    return [r for r in rounds if r.opened_on <= today]


def round_mails(round: Round, today: dt.date, days: list[int] | None = None) -> Batch:
    """The round's invitations (once per person) and, on a reminder day, its reminders to
    those with unreported actions (listing only those). A constant number of queries."""
    days = settings.REMINDER_DAYS if days is None else days
    batch = Batch()
    plan = round.plan
    progress = round_progress(round, today)
    people = [p for p in progress.people if p.person is not None and p.actions]
    found = addresses(p.person for p in people)
    invite, remind = invitation_key(round.id), reminder_key(round.id, today)
    reminding = reminder_due(round.due, today, days)
    sent = SentMail.objects.filter(
        kind__in=[Kind.INVITATION, Kind.REMINDER], key__in=[invite, remind]
    ).values_list("kind", "recipient", "day")
    done = {(kind, recipient.lower()) for kind, recipient, _day in sent}
    invited_today = {
        recipient.lower()
        for kind, recipient, day in sent
        if kind == Kind.INVITATION and day == today
    }
    common = {
        "plan": plan,
        "round": round,
        "due": swedish_day(round.due),
        "mine_url": absolute(reverse("plans:my_actions")),
    }
    for person_progress in people:
        person = person_progress.person
        assert person is not None  # `people` keeps only those with a person (above)
        if person.id not in found:
            batch.skipped[NO_ADDRESS] += 1
            continue
        address, user = found[person.id]
        if (Kind.INVITATION, address.lower()) not in done:
            context = {**common, "person": person, "actions": listed(plan, person_progress.actions)}
            text, html = render("invitation", context)
            subject = _("Dags att rapportera status: %(round)s – %(plan)s") % {
                "round": round.title,
                "plan": plan.title,
            }
            batch.outgoing.append(
                Outgoing(Kind.INVITATION, (invite,), address, subject, text, html, person, user)
            )
            invited_today.add(address.lower())
        else:
            batch.skipped[f"{Kind.INVITATION}: {ALREADY_SENT}"] += 1
        unreported = person_progress.unreported
        if not reminding or not unreported:
            continue
        if (Kind.REMINDER, address.lower()) in done:
            batch.skipped[f"{Kind.REMINDER}: {ALREADY_SENT}"] += 1
        elif address.lower() in invited_today:
            # The invitation of the same day lists the same actions: one mail is enough.
            batch.skipped[f"{Kind.REMINDER}: {INVITED_TODAY}"] += 1
        else:
            context = {
                **common,
                "person": person,
                "actions": listed(plan, unreported),
                "on_due_day": today == round.due,
                "days_left": (round.due - today).days,
            }
            text, html = render("reminder", context)
            subject = _("Påminnelse: rapportera status senast %(due)s – %(plan)s") % {
                "due": swedish_day(round.due),
                "plan": plan.title,
            }
            batch.outgoing.append(
                Outgoing(Kind.REMINDER, (remind,), address, subject, text, html, person, user)
            )
    return batch


# ---------------------------------------------------------------------------------------
# Late notices


def opted_out(kind: str, scopes) -> set[tuple[str, str]]:
    """(address in lower case, scope) that said no to this kind. One query."""
    rows = OptOut.objects.filter(kind=kind, scope__in=list(scopes)).values_list("email", "scope")
    return {(email.lower(), scope) for email, scope in rows}


def plans_with_late_actions(today: dt.date) -> list[Plan]:
    """Published plans with an action whose deadline passed within the window. One query.

    A coarse first sieve on the actions' current deadline; the notice itself is decided on
    the action as it stands today under the as-of rule."""
    window = (today - dt.timedelta(days=LATE_WINDOW_DAYS), today - dt.timedelta(days=1))
    return list(
        Plan.objects.filter(
            published_at__isnull=False, actions__deadline_date__range=window
        ).distinct()
    )


def late_mails(plan: Plan, today: dt.date) -> Batch:
    """To each responsible person, the plan's actions of theirs that became late within the
    window and that they were not told about. A constant number of queries."""
    batch = Batch()
    rows = read_action_rows(Action.objects.filter(plan=plan), today, plan.municipality_id)
    late = [
        row for row in rows if row.overdue and became_late_lately(row.action.deadline_date, today)
    ]
    per_person: dict[int, list] = defaultdict(list)
    people = {}
    for row in late:
        for who in row.responsible:
            if who.person is not None and row not in per_person[who.person.id]:
                per_person[who.person.id].append(row)
                people[who.person.id] = who.person
    if not per_person:
        return batch
    found = addresses(people.values())
    sent = sent_log(Kind.LATE, {late_key(row.action.id) for row in late})
    said_no = {email for email, _scope in opted_out(Kind.LATE, [late_scope()])}
    mine_url = absolute(reverse("plans:my_actions"))
    for person_id, person_rows in per_person.items():
        person = people[person_id]
        if person_id not in found:
            batch.skipped[NO_ADDRESS] += 1
            continue
        address, user = found[person_id]
        if address.lower() in said_no:
            batch.skipped[UNSUBSCRIBED] += 1
            continue
        new = [r for r in person_rows if (late_key(r.action.id), address.lower()) not in sent]
        if not new:
            batch.skipped[ALREADY_SENT] += 1
            continue
        context = {
            "plan": plan,
            "person": person,
            "mine_url": mine_url,
            "actions": [
                {
                    "title": row.action.title,
                    "deadline": row.action.deadline_text or row.action.deadline_described,
                    "status": row.status_label,
                    "url": form_url(plan, row.action),
                }
                for row in new
            ],
            "unsubscribe_url": unsubscribe_url(address, Kind.LATE, late_scope()),
        }
        text, html = render("late", context)
        subject = _("Försenad åtgärd i %(plan)s: %(action)s") % {
            "plan": plan.title,
            "action": new[0].action.title
            if len(new) == 1
            else _("%(n)d åtgärder") % {"n": len(new)},
        }
        keys = tuple(late_key(r.action.id) for r in new)
        batch.outgoing.append(Outgoing(Kind.LATE, keys, address, subject, text, html, person, user))
    return batch


# ---------------------------------------------------------------------------------------
# The weekly digest


def subscriptions(today: dt.date) -> dict[Plan, list[Subscription]]:
    """Subscriptions to published plans, per plan. One query."""
    found: dict[Plan, list[Subscription]] = defaultdict(list)
    rows = Subscription.objects.filter(plan__published_at__isnull=False).select_related("plan")
    for subscription in rows.order_by("plan_id", "email"):
        found[subscription.plan].append(subscription)
    return found


def changes(plan: Plan, today: dt.date) -> list[dict]:
    """The plan's actions whose public status changed in the last week: the plan as it
    stood a week ago and today, compared, under the as-of rule (approval included)."""
    since = digest_since(today)
    before, now = read_action_rows_on(
        Action.objects.filter(plan=plan), [since, today], plan.municipality_id
    )
    earlier = {row.action.id: row for row in before}
    changed = []
    for row in now:
        old = earlier.get(row.action.id)
        old_update = old.update.id if old is not None and old.update is not None else None
        if row.update is None or row.update.id == old_update:
            continue
        changed.append(
            {
                "title": row.action.title,
                "before": old.status_label if old is not None else "",
                "status": row.status_label,
                "note": row.update.note,
                "date": swedish_day(row.update.date),
                "url": absolute(reverse("portal:action", args=[plan.slug, row.action.id])),
            }
        )
    return changed


def digest_mails(plan: Plan, subscribers: list[Subscription], today: dt.date) -> Batch:
    """The week's digest of the plan to each subscriber not yet sent it this week and not
    unsubscribed; nothing when nothing changed. A constant number of queries."""
    batch = Batch()
    key, scope = digest_key(plan.id, today), digest_scope(plan.id)
    sent = sent_log(Kind.DIGEST, [key])
    said_no = {email for email, _scope in opted_out(Kind.DIGEST, [scope])}
    due = []
    for subscription in subscribers:
        address = subscription.email.lower()
        if address in said_no:
            batch.skipped[UNSUBSCRIBED] += 1
        elif (key, address) in sent:
            batch.skipped[ALREADY_SENT] += 1
        else:
            due.append(subscription)
    if not due:
        return batch
    changed = changes(plan, today)
    if not changed:
        batch.skipped["nothing changed"] += len(due)
        return batch
    subject = _("Veckans ändringar i %(plan)s") % {"plan": plan.title}
    for subscription in due:
        context = {
            "plan": plan,
            "since": swedish_day(digest_since(today)),
            "today": swedish_day(today),
            "changes": changed,
            "plan_url": absolute(reverse("portal:plan", args=[plan.slug])),
            "unsubscribe_url": unsubscribe_url(subscription.email, Kind.DIGEST, scope),
        }
        text, html = render("digest", context)
        batch.outgoing.append(
            Outgoing(Kind.DIGEST, (key,), subscription.email, subject, text, html)
        )
    return batch
