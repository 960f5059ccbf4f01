"""Accounts: create a user tied to a person, grant roles. One transactional function each."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from styr.accounts.audit import AuditEvent, audit_context, audited
from styr.accounts.models import Account, GrantSource, Role, RoleGrant
from styr.accounts.oidc_config import Candidate, Identity, match_person
from styr.accounts.policy import forget
from styr.org.models import Municipality, Person
from styr.plans.models import Plan

ROLE_NAMES = {
    "strateg": Role.STRATEG,
    "läsare": Role.READER,
    "lasare": Role.READER,
    "admin": Role.ADMIN,
    "hr": Role.HR,
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
        raise ValidationError(
            f"Okänd roll ”{text}”. Välj strateg, läsare, admin eller hr."
        ) from None


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
            user,
            role,
            municipality=municipality or (person.municipality if person else None),
            plan=plan,
        )
    return user


@transaction.atomic
def grant_role(
    user,
    role: str,
    *,
    municipality: Municipality | None,
    plan: Plan | None = None,
    source: str = GrantSource.HAND,
):
    """Give `user` a role in a municipality (a strateg's optionally for one plan only)."""
    if plan is not None:
        municipality = plan.municipality
    if municipality is None:
        raise ValidationError("Ange vilken kommun rollen gäller (eller en plan).")
    grant = RoleGrant(user=user, role=role, municipality=municipality, plan=plan, source=source)
    grant.full_clean()
    grant.save()
    forget(user)
    return grant


class AccountTaken(Exception):
    """A password account of that username exists, with another e-mail address."""


@dataclass
class SignOn:
    user: object
    # The person the account is linked to now (None: signed in without rights to report).
    person: Person | None
    linked_now: bool  # linked at this sign-on


@audited(AuditEvent.SINGLE_SIGN_ON)
@transaction.atomic
def sign_on(identity: Identity, *, municipality: Municipality, person_field: str) -> SignOn:
    """The account of someone the provider vouches for, made ready to sign in.

    The first time, the user is created (no usable password: the provider checks who they
    are), or an existing account of that username taken over if it has no password or the
    same e-mail address (else AccountTaken); it is linked to the person whose `person_field`
    matches the claim, if exactly one person not yet linked does (just in time). Every time,
    the roles from the provider's groups are set: granted if new, removed if gone from the
    claim; roles granted by hand are left as they are. All in one transaction, audited with
    the user as actor.
    """
    User = get_user_model()
    email = identity.email
    try:
        validate_email(email)
    except ValidationError:
        email = ""  # an address Styr cannot mail is no address
    user = User.objects.select_for_update().filter(username=identity.username).first()
    if user is None:
        user = User(username=identity.username)
        user.set_unusable_password()
    elif user.has_usable_password() and user.email.lower() != email.lower():
        # A local account of the same name: the provider's word that this is its owner
        # needs the owner's address too, or a provider user named "admin" would be Styr's.
        raise AccountTaken(identity.username)
    # The provider is where names and addresses are kept up to date.
    known = {"email": email, "first_name": identity.first_name, "last_name": identity.last_name}
    changed = {
        name: value for name, value in known.items() if value and value != getattr(user, name)
    }
    if user.pk is None or changed:
        for name, value in changed.items():
            setattr(user, name, value)
        user.full_clean()
        user.save()
    with audit_context(actor=user):  # no one is signed in yet: the user acts
        account = Account.objects.filter(user=user).select_related("person").first()
        person, linked_now = account.person if account else None, False
        if person is None:
            person = _matching_person(identity.person_value, municipality, person_field)
            if person is not None:
                Account.objects.update_or_create(user=user, defaults={"person": person})
                linked_now = True
        set_group_roles(user, identity.roles, municipality=municipality)
    return SignOn(user=user, person=person, linked_now=linked_now)


def _matching_person(value: str, municipality: Municipality, person_field: str):
    if not value:
        return None
    lookup = f"{person_field}__iexact" if person_field == "email" else person_field
    people = Person.objects.filter(municipality=municipality, **{lookup: value}).values_list(
        "pk", person_field, "account"
    )
    chosen = match_person(
        value,
        [Candidate(pk, field_value, account is not None) for pk, field_value, account in people],
        person_field,
    )
    return Person.objects.get(pk=chosen) if chosen is not None else None


@transaction.atomic
def set_group_roles(user, roles, *, municipality: Municipality) -> None:
    """Make the user's roles from groups in the municipality exactly `roles`: a role held
    by hand already is not granted twice, and is never taken away here."""
    from_groups = RoleGrant.objects.filter(
        user=user, municipality=municipality, plan=None, source=GrantSource.GROUPS
    )
    for grant in from_groups:
        if grant.role not in roles:
            grant.delete()
    held = set(
        RoleGrant.objects.filter(user=user, municipality=municipality, plan=None).values_list(
            "role", flat=True
        )
    )
    for role in sorted(set(roles) - held):
        grant_role(user, role, municipality=municipality, source=GrantSource.GROUPS)
    forget(user)


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
