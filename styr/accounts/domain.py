"""Accounts: create a user tied to a person, grant roles. One transactional function each."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from styr.accounts.models import Account, Role, RoleGrant
from styr.accounts.policy import forget
from styr.org.models import Municipality, Person
from styr.plans.models import Plan

ROLE_NAMES = {
    "strateg": Role.STRATEG,
    "läsare": Role.READER,
    "lasare": Role.READER,
    "admin": Role.ADMIN,
}


@dataclass
class UserSummary:
    username: str
    email: str
    person: str
    roles: list[str]
    active: bool


def parse_role(text: str) -> str:
    try:
        return ROLE_NAMES[text.strip().lower()]
    except KeyError:
        raise ValidationError(f"Okänd roll ”{text}”. Välj strateg, läsare eller admin.") from None


@transaction.atomic
def add_user(
    username: str,
    *,
    email: str,
    person: Person | None = None,
    role: str | None = None,
    municipality: Municipality | None = None,
    plan: Plan | None = None,
    password: str | None = None,
):
    """Create an account; with `person` it belongs to that person, with `role` it gets it.

    Without a password the account can only sign in after a password reset by e-mail.
    """
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValidationError(f"Användarnamnet ”{username}” finns redan.")
    validate_email(email)
    if person is not None and Account.objects.filter(person=person).exists():
        raise ValidationError(f"{person.name} har redan ett konto.")
    user = User(username=username, email=email)
    if password is None:
        user.set_unusable_password()
    else:
        validate_password(password, user)
        user.set_password(password)
    user.full_clean()
    user.save()
    if person is not None:
        Account.objects.create(user=user, person=person)
    if role is not None:
        grant_role(
            user, role, municipality=municipality or (person and person.municipality), plan=plan
        )
    return user


@transaction.atomic
def grant_role(user, role: str, *, municipality: Municipality | None, plan: Plan | None = None):
    """Give `user` a role in a municipality (a strateg's optionally for one plan only)."""
    if plan is not None:
        municipality = plan.municipality
    if municipality is None:
        raise ValidationError("Ange vilken kommun rollen gäller (eller en plan).")
    grant = RoleGrant(user=user, role=role, municipality=municipality, plan=plan)
    grant.full_clean()
    grant.save()
    forget(user)
    return grant


def summaries() -> list[UserSummary]:
    """Every account with its person and roles, for `styr user list`. Two queries."""
    User = get_user_model()
    users = User.objects.select_related("account__person").prefetch_related(
        "role_grants__plan", "role_grants__municipality"
    )
    result = []
    for user in users.order_by("username"):
        account = getattr(user, "account", None)
        roles = [
            f"{grant.get_role_display()} ({(grant.plan or grant.municipality).slug})"
            for grant in user.role_grants.all()
        ]
        if user.is_superuser:
            roles.insert(0, "superuser")
        result.append(
            UserSummary(
                username=user.username,
                email=user.email,
                person=account.person.name if account and account.person else "",
                roles=roles,
                active=user.is_active,
            )
        )
    return result
