"""Reading a reporting round's progress from the status history.

An action counts as reported in a round when a status update on it was recorded since the
round opened (and, if the strateg closed it, before that moment). Updates are not filtered
by approval: one that waits for the strateg's approval still counts, since the ansvarig did
their part; one the strateg sent back does not, since they are asked to report again.

The plan's actions are read as they stand today through the one as-of rule
(`read_action_rows`), so the responsible people are those named today, through the posts
they hold today. A fixed number of queries, whatever the plan's size.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Q, QuerySet, Subquery

from styr.plans.models import Action, Decision, StatusUpdate
from styr.plans.queries import read_action_rows
from styr.rounds.models import Round
from styr.rounds.progress import RoundProgress, RoundReport, build_progress


def recorded_in(round: Round) -> Q:
    """Status updates recorded while the round was open."""
    window = Q(recorded_at__gte=round.opened_at)
    if round.closed_at is not None:
        window &= Q(recorded_at__lt=round.closed_at)
    return window


def round_reports(round: Round, actions: QuerySet) -> dict[int, RoundReport]:
    """Per action, the newest update recorded in the round (by order of writing). One query."""
    newest = (
        StatusUpdate.objects.filter(recorded_in(round), action=OuterRef("pk"))
        .order_by("-id")
        .values("id")[:1]
    )
    ids = actions.annotate(newest=Subquery(newest)).filter(newest__isnull=False).values("newest")
    updates = StatusUpdate.objects.filter(id__in=ids).select_related("review")
    reports = {}
    for update in updates:
        review = getattr(update, "review", None)  # selected: no query, None when undecided
        decision = review.decision if review is not None else None
        reports[update.action_id] = RoundReport(
            update,
            waiting=update.needs_approval and decision is None,
            returned=decision == Decision.RETURNED,
        )
    return reports


def round_progress(round: Round, today: dt.date) -> RoundProgress:
    """Per responsible person, which of their actions were reported in the round, who is
    late, and the share reported; see `styr.rounds.progress`."""
    plan = round.plan
    actions = Action.objects.filter(plan=plan)
    rows = read_action_rows(actions, today, plan.municipality_id)
    return build_progress(round, rows, round_reports(round, actions), today)
