"""Who imports in these tests: a strateg for the whole municipality (the cast's strateg
administers one plan only, which is not enough to create a plan)."""

import pytest

from tests import cast


@pytest.fixture
def municipality_strateg(demo):
    return cast.municipality_strateg(demo)


@pytest.fixture
def importer(client, municipality_strateg):
    """A client signed in as the municipality's strateg."""
    client.force_login(municipality_strateg)
    return client
