"""Who may search Kolada's catalogue and link a KPI to a goal: a strateg for the whole
municipality the goal belongs to (a superuser too); everyone else is told why."""

import pytest

from styr.goals.models import Goal, GoalLevel, Indicator
from styr.kolada.models import Kpi
from styr.org.models import Municipality
from tests.cast import NAMES, municipality_strateg
from tests.conftest import demo_once
from tests.html import alerts, parse, text, texts

pytestmark = pytest.mark.django_db

# The demo is loaded once for the module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

SEARCH = "/kolada/nyckeltal/"
REFUSAL = "Bara en strateg för hela kommunen kan koppla nyckeltal till mål."


@pytest.fixture
def people(cast, demo):
    """The cast, a strateg for all of Nacka, and one for all of Arboga (with a goal there)."""
    arboga = Municipality.objects.create(name="Arboga kommun", slug="arboga", kolada_id="1984")
    Goal.objects.create(
        municipality=arboga,
        level=GoalLevel.OVERARCHING,
        title="Hållbar tillväxt i Arboga",
        slug="tillvaxt",
        start_year=2020,
    )
    users = dict(cast.users())
    users["municipality_strateg"] = municipality_strateg(demo, "kommunstrateg")
    users["arboga_strateg"] = municipality_strateg(arboga, "arbogastrateg")
    return users


@pytest.fixture
def nacka_goal(demo) -> Goal:
    return Goal.objects.filter(municipality=demo).order_by("order", "id").first()


@pytest.fixture
def kpi(demo) -> Kpi:
    """A KPI of the bundled catalogue that no indicator of the demo uses yet."""
    used = Indicator.objects.filter(kpi__isnull=False).values("kpi_id")
    return Kpi.objects.exclude(id__in=used).order_by("id").first()


def sign_in(client, people, name):
    if name != "anonymous":
        client.force_login(people[name])
    return client


EVERYONE = [*NAMES, "municipality_strateg", "arboga_strateg"]
MAY_SEARCH = {"municipality_strateg", "arboga_strateg"}


@pytest.mark.parametrize("name", EVERYONE)
def test_the_kpi_search_is_for_those_who_may_link_kpis_somewhere(client, people, name):
    response = sign_in(client, people, name).get(SEARCH, {"q": "utbildning"})
    if name == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/logga-in/")
    elif name in MAY_SEARCH:
        page = parse(response)
        assert text(page, "//h1") == "Nyckeltal i Kolada"
        assert page.xpath("//input[@name='q']/@value") == ["utbildning"]
    else:
        assert alerts(parse(response, 403)) == [REFUSAL]


def test_the_search_offers_only_the_goals_of_the_users_municipality(client, people, nacka_goal):
    def offered(name: str) -> list[str]:
        page = parse(sign_in(client, people, name).get(SEARCH, {"q": "N00945"}))
        return texts(page, "//tr[@id='kpi-N00945']//select/optgroup/option")

    assert offered("arboga_strateg") == ["Hållbar tillväxt i Arboga"]
    nacka = offered("municipality_strateg")
    assert nacka_goal.title in nacka
    assert "Hållbar tillväxt i Arboga" not in nacka


@pytest.mark.parametrize("name", EVERYONE)
def test_linking_a_kpi_to_a_goal_needs_a_strateg_for_the_goals_municipality(
    client, people, nacka_goal, kpi, name
):
    response = sign_in(client, people, name).post(
        f"/kolada/nyckeltal/{kpi.id}/koppla/",
        {f"{kpi.id}-goal": str(nacka_goal.pk), f"{kpi.id}-direction": "higher"},
    )
    linked = Indicator.objects.filter(kpi=kpi, goals=nacka_goal)
    if name == "municipality_strateg":
        assert response.status_code == 302
        assert response["Location"] == linked.get().get_absolute_url()
        return
    if name == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/logga-in/")
    else:
        # The Arboga strateg may link in Arboga: refused after the form picked Nacka's goal.
        assert alerts(parse(response, 403)) == [REFUSAL]
    assert not linked.exists()
    assert not Indicator.objects.filter(kpi=kpi).exists()
