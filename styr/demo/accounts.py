"""Accounts for the demo's directors (and the manager meetings' coordinator), so that a local
Styr can be tried as they would use it.

Every person who holds a director's post in the demo gets an account named by their slug
(`lena-dahlstedt`, `elisabeth-carle`, …) with an invented address at nacka.example, and the
password DEMO_PASSWORD — for local use only. Klara Palmberg Broryd, the strategi- och
förnyelsedirektör, is strateg for all the municipality's plans; Elisabeth Carle, the
personaldirektör, is HR (follows up the result contracts); `admin` administers accounts
and the organisation; `lasare` is an internal reader. Loading again links the same accounts.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q

from styr.accounts.models import Account, Role, RoleGrant
from styr.meetings.models import Coordination
from styr.org.models import Municipality, Person

DEMO_PASSWORD = "styr-demo-2015"
STRATEG = "klara-palmberg-broryd"
# The personaldirektör follows up the result contracts (the memo: "ett särskilt ansvar att
# stödja och följa upp arbetet"): HR for the municipality.
HR = "elisabeth-carle"
EMAIL_DOMAIN = "nacka.example"


@transaction.atomic
def load_demo_accounts(municipality: Municipality) -> list[str]:
    """Create (or re-link) the demo's accounts; returns their usernames."""
    User = get_user_model()
    password = make_password(DEMO_PASSWORD)  # hashed once: the same for every demo account
    # The directors, and whoever leads the unit that coordinates the manager meetings
    # (Kersti Hedqvist, Förnyelseenheten), so that recording attendance can be tried too.
    coordinating = Coordination.objects.filter(municipality=municipality).values("unit")
    directors = (
        Person.objects.filter(municipality=municipality)
        .filter(Q(tenures__post__is_director=True) | Q(tenures__post__leads_unit__in=coordinating))
        .distinct()
        .order_by("name")
    )

    def account(username: str, name: str) -> Any:  # a user of the configured user model
        first, _, last = name.partition(" ")
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@{EMAIL_DOMAIN}",
                "first_name": first,
                "last_name": last,
                "password": password,
            },
        )
        return user

    usernames = []
    for person in directors:
        user = account(person.slug, person.name)
        Account.objects.update_or_create(user=user, defaults={"person": person})
        if person.slug == STRATEG:
            RoleGrant.objects.get_or_create(
                user=user, role=Role.STRATEG, municipality=municipality, plan=None
            )
        if person.slug == HR:
            RoleGrant.objects.get_or_create(
                user=user, role=Role.HR, municipality=municipality, plan=None
            )
        usernames.append(user.username)
    for username, name, role in (
        ("admin", "Administratör Demo", Role.ADMIN),
        ("lasare", "Läsare Demo", Role.READER),
    ):
        user = account(username, name)
        RoleGrant.objects.get_or_create(user=user, role=role, municipality=municipality, plan=None)
        usernames.append(username)
    return usernames
