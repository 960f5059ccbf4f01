"""What the import and publish commands share: choosing the owning body and the acting user."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from styr.accounts.policy import can
from styr.org.models import Body


def choose_owner(municipality, key: str | None) -> Body:
    """The body whose slug or name is `key` (any case); CommandError listing the known ones.

    There is no default: a plan owned by the wrong body would report to the wrong
    politicians, so the person importing says which one it is."""
    bodies = list(Body.objects.filter(municipality=municipality).order_by("name"))
    wanted = (key or "").strip().casefold()
    for body in bodies:
        if wanted and wanted in (body.slug.casefold(), body.name.casefold()):
            return body
    known = "; ".join(f"{b.slug} ({b.name})" for b in bodies) or "none; add one in the admin"
    problem = f"unknown owner {key!r}" if wanted else "give --owner, the body that owns the plan"
    raise CommandError(f"{problem}; known bodies in {municipality.name}: {known}")


def choose_user(username: str | None):
    """The account named by --user (recorded as who imported or published), or None."""
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"unknown user {username!r}; see `styr user list`")
    return user


def acting_user(username: str | None, right: str, obj):
    """The account named by --user, which must itself hold `right` on `obj`: the record then
    names someone who could have done it on the web. None without --user (the operator at
    the shell, who already has the database)."""
    user = choose_user(username)
    if user is not None and not can(user, right, obj):
        raise CommandError(f"--user {username}: the account may not do this ({right} on {obj})")
    return user
