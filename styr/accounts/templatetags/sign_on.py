"""Whom to ask when an account is linked to no person: the contact STYR_SUPPORT_CONTACT
names, else the administrators (the accounts with the admin role)."""

from django import template
from django.conf import settings

from styr.accounts.models import Role, RoleGrant

register = template.Library()

# Enough names to find someone; a long list helps nobody.
SHOWN = 5


def administrators() -> list[dict[str, str]]:
    """Name and e-mail of the active administrators, in name order. One query."""
    grants = (
        RoleGrant.objects.filter(role=Role.ADMIN, user__is_active=True)
        .select_related("user__account__person")
        .order_by("user__username")
    )
    found: dict[int, dict[str, str]] = {}
    for grant in grants:
        user = grant.user
        account = getattr(user, "account", None)
        person = account.person if account is not None else None
        name = (person.name if person else "") or user.get_full_name() or user.get_username()
        found.setdefault(user.pk, {"name": name, "email": user.email})
    return sorted(found.values(), key=lambda admin: admin["name"])[:SHOWN]


@register.inclusion_tag("accounts/whom_to_ask.html")
def whom_to_ask():
    if settings.SUPPORT_CONTACT:
        return {"contact": settings.SUPPORT_CONTACT, "administrators": []}
    return {"contact": "", "administrators": administrators()}
