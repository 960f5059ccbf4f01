"""Shared fixtures: the Nacka demo loaded through the real loader, and a few users."""

import datetime as dt

import pytest

from styr.demo.loader import load_file
from styr.org.models import Municipality
from styr.plans.models import Plan

MEMO_DAY = dt.date(2015, 9, 2)
PLAN_SLUG = "styrning-och-ledning-2015-2016"


@pytest.fixture
def demo(db) -> Municipality:
    """The Nacka 2015 demo, loaded as `styr demo` loads it."""
    return load_file()


@pytest.fixture
def plan(demo) -> Plan:
    return Plan.objects.get(slug=PLAN_SLUG)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("strateg", "strateg@example.org", "pw-12345")
