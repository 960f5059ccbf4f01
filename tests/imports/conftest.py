"""Who imports in these tests: a strateg for the whole municipality (the cast's strateg
administers one plan only, which is not enough to create a plan)."""

import pytest

from styr.accounts.domain import add_user
from tests.cast import PASSWORD


def make_municipality_strateg(municipality, username="kommunstrateg"):
    return add_user(
        username,
        email=f"{username}@example.org",
        password=PASSWORD,
        role="strateg",
        municipality=municipality,
    )


@pytest.fixture
def municipality_strateg(demo):
    return make_municipality_strateg(demo)


@pytest.fixture
def importer(client, municipality_strateg):
    """A client signed in as the municipality's strateg."""
    client.force_login(municipality_strateg)
    return client
