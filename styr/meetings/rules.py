"""The facts the policy asks about manager meetings, as named predicates beside the models.

`styr.accounts.policy` registers the rights (`meetings.*`) from these and its roles; pages
and commands ask the policy, never these directly. Both read what they need once per
request and keep it on the user object, so asking about many rows costs no extra queries.

- *coordinator*: holds today a post that leads the municipality's coordinating unit
  (Förnyelseenheten: Kersti Hedqvist), or is named a coordinator (`Coordination`);
- *in the line above*: the person is the manager's line manager, or theirs, and so on up
  to the stadsdirektör, today (`styr.contracts.queries.managers_on`);
- *the person themselves*.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils import timezone

from styr.meetings.models import Coordination
from styr.org.models import Municipality, Person, Post, Tenure

# What these predicates keep on the user object (the policy's `forget` drops them).
MEETING_CACHES = ("_styr_coordinates", "_styr_lines_above")


def _person(user):
    # Imported here: the policy imports this module to register its rights.
    from styr.accounts.policy import person_of

    return person_of(user)


def _municipality_id(obj: Any) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, Municipality):
        return obj.id
    if getattr(obj, "municipality_id", None) is not None:
        return obj.municipality_id
    meeting = getattr(obj, "meeting", None)
    return meeting.municipality_id if meeting is not None else None


def coordinated_municipalities(user) -> set[int]:
    """The municipalities whose manager meetings the user's person coordinates today."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_styr_coordinates", None)
    if cached is None:
        cached = set()
        person = _person(user)
        if person is not None:
            today = timezone.localdate()
            held = Tenure.objects.filter(person=person).filter(
                Q(start__isnull=True) | Q(start__lte=today), Q(end__isnull=True) | Q(end__gte=today)
            )
            leads = Post.objects.filter(id__in=held.values("post")).values("leads_unit")
            found = Coordination.objects.filter(
                Q(unit__in=leads) | Q(coordinators=person)
            ).values_list("municipality_id", flat=True)
            cached = set(found)
        user._styr_coordinates = cached
    return cached


@rules.predicate
def is_meeting_coordinator(user, obj=None) -> bool:
    """Coordinates the manager meetings of the object's municipality (any, without one)."""
    places = coordinated_municipalities(user)
    municipality_id = _municipality_id(obj)
    return bool(places) if municipality_id is None else municipality_id in places


def line_above(person: Person) -> set[int]:
    """The people above `person` in the line today: line manager, theirs, … (person ids)."""
    from styr.contracts.queries import managers_on

    rows = {row.person_id: row for row in managers_on(person.municipality, timezone.localdate())}
    above: set[int] = set()
    current = rows.get(person.id)
    while current is not None:
        manager_id = current.line_manager_id
        if manager_id is None or manager_id in above:
            break
        above.add(manager_id)
        current = rows.get(manager_id)
    return above


@rules.predicate
def is_the_person(user, person=None) -> bool:
    own = _person(user)
    return isinstance(person, Person) and own is not None and own.id == person.id


@rules.predicate
def is_above_in_line(user, person=None) -> bool:
    """The user's person is above `person` in the line today."""
    own = _person(user)
    if not isinstance(person, Person) or own is None:
        return False
    cache = getattr(user, "_styr_lines_above", None)
    if cache is None:
        cache = user._styr_lines_above = {}
    if person.id not in cache:
        cache[person.id] = line_above(person)
    return own.id in cache[person.id]


@rules.predicate
def has_person(user, obj=None) -> bool:
    """The account belongs to a person of the organisation (of the object's municipality)."""
    own = _person(user)
    municipality_id = _municipality_id(obj)
    return own is not None and (municipality_id is None or own.municipality_id == municipality_id)
