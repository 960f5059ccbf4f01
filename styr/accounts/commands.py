"""What every command shares about its acting user: --user, checked against the policy.

Commands of every layer import this (as their views import `styr.accounts.views`): the
outermost parts asking the one policy."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from styr.accounts.policy import can


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
