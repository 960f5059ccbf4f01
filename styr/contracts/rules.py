"""The facts the policy asks about result contracts, as named predicates beside the models.

`styr.accounts.policy` registers the rights (`contracts.*`) from these and its roles; pages
and commands ask the policy, never these directly. A contract is personal data: besides HR
and admins (the policy's roles) only the people concerned read it, the manager and the line
manager who signed it, and those above the manager in the line today.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils import timezone

from styr.contracts.models import ResultContract
from styr.org.models import Municipality, Person, Tenure


def _person(user):
    # Imported here: the policy imports this module to register its rights.
    from styr.accounts.policy import person_of

    return person_of(user)


def manager_of(obj: Any) -> Person | None:
    """The manager a right is asked about: a contract's, or the manager themselves."""
    if isinstance(obj, ResultContract):
        return obj.manager
    return obj if isinstance(obj, Person) else None


def _above(user, manager: Person) -> list[int]:
    """The people above `manager` in the line today, read once per request and manager."""
    from styr.contracts.queries import line_above

    cache = user.__dict__.setdefault("_styr_contract_lines", {})
    if manager.id not in cache:
        cache[manager.id] = line_above(manager.municipality_id, manager.id, timezone.localdate())
    return cache[manager.id]


@rules.predicate
def is_the_manager(user, obj=None) -> bool:
    """The user's person is the manager the contract is for."""
    own, manager = _person(user), manager_of(obj)
    return own is not None and manager is not None and own.id == manager.id


@rules.predicate
def is_signing_line_manager(user, obj=None) -> bool:
    """The user's person is the line manager who signs the contract."""
    own = _person(user)
    return isinstance(obj, ResultContract) and own is not None and own.id == obj.line_manager_id


@rules.predicate
def is_line_manager_now(user, obj=None) -> bool:
    """The user's person is the manager's line manager today (who writes the contract)."""
    own, manager = _person(user), manager_of(obj)
    if own is None or manager is None:
        return False
    above = _above(user, manager)
    return bool(above) and above[0] == own.id


@rules.predicate
def is_above_in_line(user, obj=None) -> bool:
    """The user's person is above the manager in the line today (line manager, theirs, …)."""
    own, manager = _person(user), manager_of(obj)
    return own is not None and manager is not None and own.id in _above(user, manager)


@rules.predicate
def is_director_here(user, obj=None) -> bool:
    """Holds a director post today, in the object's municipality (any, without one)."""
    own = _person(user)
    if own is None:
        return False
    if isinstance(obj, Municipality) and own.municipality_id != obj.id:
        return False
    today = timezone.localdate()
    held = Tenure.objects.filter(person=own, post__is_director=True).filter(
        Q(start__isnull=True) | Q(start__lte=today), Q(end__isnull=True) | Q(end__gte=today)
    )
    return held.exists()
