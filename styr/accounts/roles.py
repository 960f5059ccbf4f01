"""The facts the policy's rights are made of: what an object belongs to, which roles a user
holds where (read once per request and kept on the user object), and the named predicates
(strateg, läsare, admin, HR, ansvarig, public). `styr.accounts.policy` combines them into
rights and is the one module the rest of Styr imports; this one is its part, not an entry
point.
"""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone

from styr.accounts.models import Account, Role, RoleGrant
from styr.meetings.rules import MEETING_CACHES
from styr.org.models import Municipality, Tenure
from styr.plans.models import Action, Plan, Responsibility

# ---------------------------------------------------------------------------------------
# What an object belongs to


def plan_of(obj: Any) -> Plan | None:
    """The plan an object of a plan belongs to (a plan is its own)."""
    if isinstance(obj, Plan):
        return obj
    for path in ("plan", "action", "report"):
        owner = getattr(obj, path, None)
        if owner is not None and owner is not obj:
            return plan_of(owner)
    return None


def _points_to_municipality(obj: Any) -> bool:
    """Has a `municipality` field that is one of Styr's municipalities (Kolada's values
    have one too, but it points at Kolada's national register)."""
    try:
        field = obj._meta.get_field("municipality")
    except (AttributeError, FieldDoesNotExist):
        return False
    return field.related_model is Municipality and obj.municipality_id is not None


def municipality_id_of(obj: Any) -> int | None:
    """The municipality an object belongs to, for every model Styr edits."""
    if obj is None:
        return None
    if isinstance(obj, Municipality):
        return obj.id
    if _points_to_municipality(obj):
        return obj.municipality_id
    plan = plan_of(obj)
    if plan is not None:
        return plan.municipality_id
    for path in ("person", "post", "unit", "goal", "indicator", "survey", "batch"):
        owner = getattr(obj, path, None)
        if owner is not None:
            return municipality_id_of(owner)
    return None


# ---------------------------------------------------------------------------------------
# What the user holds, read once per request


def grants(user) -> list[tuple[str, int, int | None]]:
    """(role, municipality id, plan id or None) for each of the user's roles."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_styr_grants", None)
    if cached is None:
        cached = list(
            RoleGrant.objects.filter(user=user).values_list("role", "municipality_id", "plan_id")
        )
        user._styr_grants = cached
    return cached


def person_of(user):
    """The person the account belongs to, or None."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_styr_person"):
        account = Account.objects.filter(user=user).select_related("person").first()
        user._styr_person = account.person if account else None
    return user._styr_person


def responsibility_filter(person, day) -> Q:
    """Responsibilities that name `person`, or a post they hold on `day` without a name."""
    held = Tenure.objects.filter(person=person).filter(
        Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day)
    )
    return Q(person=person) | Q(person__isnull=True, post__in=held.values("post"))


def responsible_action_ids(user) -> set[int]:
    """The actions the user's person answers for (responsible or supporting) today."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_styr_actions", None)
    if cached is None:
        person = person_of(user)
        cached = set()
        if person is not None:
            mine = Responsibility.objects.filter(
                responsibility_filter(person, timezone.localdate())
            )
            cached = set(mine.values_list("action_id", flat=True))
        user._styr_actions = cached
    return cached


def forget(user) -> None:
    """Drop what was read about the user (after their roles or person changed)."""
    for name in (
        "_styr_grants",
        "_styr_person",
        "_styr_actions",
        "_styr_contract_lines",
        *MEETING_CACHES,
    ):
        if hasattr(user, name):
            delattr(user, name)


def _holds(user, role: str, obj: Any, *, scope: str = "plan") -> bool:
    """The user holds `role` for the object, in one of three scopes:

    - "plan": for the object's plan, or for all plans of its municipality;
    - "municipality": for all of its municipality (not just one plan);
    - "member": in its municipality at all, for whichever plan.
    Without an object, or for one that belongs to no municipality (an account, Kolada's
    national catalogue), holding the role anywhere in that scope is enough.
    """
    if user.is_authenticated and user.is_superuser:
        return True
    municipality_id = municipality_id_of(obj)
    plan = plan_of(obj)
    for held_role, held_municipality, held_plan in grants(user):
        if held_role != role or (scope == "municipality" and held_plan is not None):
            continue
        if municipality_id is None or held_municipality == municipality_id:
            if municipality_id is None or held_plan is None or scope == "member":
                return True
            if plan is not None and plan.id == held_plan:
                return True
    return False


# ---------------------------------------------------------------------------------------
# Predicates


@rules.predicate
def is_strateg(user, obj=None) -> bool:
    """Strateg for the object's plan, or for all plans of its municipality."""
    return _holds(user, Role.STRATEG, obj)


@rules.predicate
def is_municipality_strateg(user, obj=None) -> bool:
    """Strateg for every plan of the object's municipality (may create plans there)."""
    return _holds(user, Role.STRATEG, obj, scope="municipality")


@rules.predicate
def is_strateg_here(user, obj=None) -> bool:
    """Strateg for some plan of the object's municipality: one of its staff."""
    return _holds(user, Role.STRATEG, obj, scope="member")


@rules.predicate
def is_reader(user, obj=None) -> bool:
    return _holds(user, Role.READER, obj)


@rules.predicate
def is_admin(user, obj=None) -> bool:
    return _holds(user, Role.ADMIN, obj)


@rules.predicate
def is_hr(user, obj=None) -> bool:
    """HR for the municipality: follows up every manager's result contract."""
    return _holds(user, Role.HR, obj, scope="municipality")


@rules.predicate
def is_responsible(user, action=None) -> bool:
    """Named responsible or supporting on the action today (through the person or post)."""
    if action is None:
        return bool(responsible_action_ids(user))
    return isinstance(action, Action) and action.id in responsible_action_ids(user)


@rules.predicate
def is_public(user, obj=None) -> bool:
    plan = plan_of(obj)
    return plan is None or plan.published_at is not None


@rules.predicate
def is_signed_in(user, obj=None) -> bool:
    return user.is_authenticated


insider = is_reader | is_strateg | is_admin
# Who may read the back office's lists of the organisation, goals and Kolada data.
staff = is_strateg_here | is_admin
# Everything a plan holds is public once the plan is published; a draft is for insiders.
may_view_plan = is_public | insider
may_report_status = is_strateg | (is_responsible & is_public)
