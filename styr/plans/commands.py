"""What the command-line tools share about plans: finding one by slug or diarienummer."""

from django.core.management.base import CommandError
from django.db.models import Q

from styr.plans.models import Plan


def choose_plan(key: str) -> Plan:
    """The plan whose slug or diarienummer is `key`; CommandError naming the known ones."""
    plans = Plan.objects.select_related("municipality", "owner")
    found = plans.filter(Q(slug=key) | Q(registration_number=key)).first()
    if found is None:
        known = "; ".join(f"{p.slug} ({p.registration_number})" for p in plans)
        raise CommandError(f"unknown plan {key!r}; known plans: {known or 'none'}")
    return found
