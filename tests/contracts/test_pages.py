"""The contract pages: who sees what, the signing flow on the web, and the coverage page."""

import datetime as dt

import pytest
from django.test import Client

from styr.accounts.domain import add_user
from styr.contracts.models import ContractEvent, ContractVersion, EventKind, ResultContract
from styr.org.models import Person
from tests import html

PASSWORD = "ett-langt-testlosenord"


def person(demo, slug):
    return Person.objects.get(municipality=demo, slug=slug)


def client_for(demo, username, *, slug=None, role=None):
    user = add_user(
        username,
        email=f"{username}@example.org",
        password=PASSWORD,
        person=person(demo, slug) if slug else None,
        role=role,
        municipality=demo if role else None,
    )
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cecilia(demo):
    """Cecilia Holm's agreed 2015 contract, signed with Elisabeth Carle."""
    return ResultContract.objects.get(manager__slug="cecilia-holm", year=2015)


def named(page) -> set[str]:
    """The people a page's tables name, one by one (a cell may list several; invented people
    are marked "(exempel)")."""
    return {
        name.removesuffix(" (exempel)")
        for cell in html.texts(page, "//main//tbody//td")
        for name in cell.split(", ")
    }


def contract_urls(contract):
    base = f"/resultatkontrakt/{contract.manager_id}/{contract.year}/"
    return [
        ("get", base),
        ("get", base + "?version=1"),
        ("get", base + "skriv/"),
        ("post", base + "skriv/"),
        ("post", base + "godkann/"),
        ("get", base + "uppfoljning/"),
        ("post", base + "uppfoljning/"),
    ]


def test_anonymous_and_an_unrelated_manager_never_see_a_contract(demo, cecilia):
    unrelated = client_for(demo, "dag", slug="dag-bjorklund")
    for method, url in contract_urls(cecilia):
        anonymous = getattr(Client(), method)(url)
        assert anonymous.status_code == 302 and "/konto/logga-in/" in anonymous["Location"]
        answer = getattr(unrelated, method)(url)
        assert answer.status_code in (403, 404), url
        assert "Cecilia" not in answer.content.decode()


def test_the_people_concerned_hr_and_admins_read_the_contract(demo, cecilia):
    for username, kwargs in [
        ("cecilia", {"slug": "cecilia-holm"}),
        ("elisabeth", {"slug": "elisabeth-carle"}),
        ("lena", {"slug": "lena-dahlstedt"}),  # above in the line
        ("hr", {"role": "hr"}),
        ("admin", {"role": "admin"}),
    ]:
        page = client_for(demo, username, **kwargs).get(
            f"/resultatkontrakt/{cecilia.manager_id}/2015/"
        )
        assert page.status_code == 200, username
        assert "Budget i balans" not in page.content.decode()
        result = html.row(html.parse(page), "Verksamheten bedrivs inom given budgetram.")
        assert result[2] == "budget i balans", username
    reader = client_for(demo, "lasare", role="lasare")
    assert reader.get(f"/resultatkontrakt/{cecilia.manager_id}/2015/").status_code == 403


def test_the_line_manager_drafts_and_the_manager_accepts_on_the_web(demo):
    # Fredrik Lind (invented) has no contract; Anders Börjesson is his line manager.
    fredrik = person(demo, "fredrik-lind")
    year = dt.date.today().year
    base = f"/resultatkontrakt/{fredrik.id}/{year}/"
    boss = client_for(demo, "anders", slug="anders-borjesson")
    assert boss.post(base + "skriv/", {"summary": "x"}).status_code == 400  # no result
    saved = boss.post(base + "skriv/", {"summary": "Näringsliv", "result_1": "Fler företag"})
    assert saved.status_code == 302
    boss.post(base + "skriv/", {"summary": "Näringsliv", "result_1": "Fler nya företag"})
    contract = ResultContract.objects.get(manager=fredrik, year=year)
    assert list(contract.versions.values_list("number", flat=True)) == [1, 2]
    manager = client_for(demo, "fredrik", slug="fredrik-lind")
    assert manager.post(base + "skriv/", {"result_1": "Eget"}).status_code == 403
    stale = manager.post(base + "godkann/", {"version": "1"})
    assert stale.status_code == 409
    assert not ContractEvent.objects.filter(contract=contract, kind=EventKind.AGREED).exists()
    assert boss.post(base + "godkann/", {"version": "2"}).status_code == 403
    assert manager.post(base + "godkann/", {"version": "2"}).status_code == 302
    agreed = ContractEvent.objects.get(contract=contract, kind=EventKind.AGREED)
    assert agreed.version == ContractVersion.objects.get(contract=contract, number=2)
    assert agreed.user.username == "fredrik"
    page = html.parse(manager.get(base))
    assert html.facts(page)["Status"] == "överenskommet"


def test_the_coverage_page_shows_hr_every_line_and_a_director_their_own(demo):
    url = f"/{demo.slug}/resultatkontrakt/?as_of=2015-12-31"
    hr_client = client_for(demo, "hr", role="hr")
    mine = html.parse(hr_client.get("/resultatkontrakt/"))
    assert mine.xpath("//main//a/@href")[0] == f"/{demo.slug}/resultatkontrakt/"
    hr = html.parse(hr_client.get(url))
    assert html.text(hr, "//p[@class='lead']").startswith(
        "27 av 35 chefer har ett överenskommet kontrakt"
    )
    assert {"Fredrik Lind", "Lars-Erik Olsson"} <= named(hr)
    einar = html.parse(client_for(demo, "einar", slug="einar-fransson").get(url))
    assert "Lars-Erik Olsson" in named(einar) and "Fredrik Lind" not in named(einar)
    directors = "//h2[. = 'Direktörernas egna kontrakt']"
    assert einar.xpath(directors) == []
    lena = html.parse(client_for(demo, "lena", slug="lena-dahlstedt").get(url))
    assert len(lena.xpath(directors)) == 1
    unrelated = client_for(demo, "fredrik", slug="fredrik-lind").get(url)
    assert unrelated.status_code == 403
    assert Client().get(url).status_code == 302
    bad = client_for(demo, "hr2", role="hr").get(f"/{demo.slug}/resultatkontrakt/?as_of=2015-13-01")
    assert bad.status_code == 400


def test_versions_stay_readable_and_the_line_manager_follows_up_on_the_web(demo):
    # Petra Ahlström's 2015 contract (invented) with Mats Bohman: two versions, agreed.
    petra = person(demo, "petra-ahlstrom")
    base = f"/resultatkontrakt/{petra.id}/2015/"
    boss = client_for(demo, "mats", slug="mats-bohman")
    page = html.parse(boss.get(base))
    version = "//h2[starts-with(., 'Version')]"
    assert html.text(page, version) == "Version 2"
    assert html.hrefs(page, "1") == ["?version=1"]
    first = html.parse(boss.get(base + "?version=1"))
    assert html.text(first, version) == "Version 1 (inte den senaste)"
    assert boss.get(base + "?version=9").status_code == 404
    form = boss.get(base + "uppfoljning/")
    assert form.status_code == 200
    contract = ResultContract.objects.get(manager=petra, year=2015)
    agreed = contract.events.get(kind=EventKind.AGREED).version
    results = list(agreed.results.order_by("order"))
    data = {f"attainment_{r.id}": "uppfyllt" for r in results}
    data |= {f"outcome_{r.id}": f"Utfall {r.order}" for r in results}
    missing = dict(data)
    missing.pop(f"outcome_{results[0].id}")
    assert boss.post(base + "uppfoljning/", missing).status_code == 400
    assert not contract.events.filter(kind=EventKind.FOLLOWED_UP).exists()
    assert boss.post(base + "uppfoljning/", data).status_code == 302
    followed = contract.events.get(kind=EventKind.FOLLOWED_UP)
    assert sorted(o.text for o in followed.outcomes.all()) == ["Utfall 1", "Utfall 2", "Utfall 3"]
    outcomes = html.texts(html.parse(boss.get(base)), "//main//tbody/tr/td[4]")
    assert [outcome.split(": ", 1)[1] for outcome in outcomes] == [
        "Utfall 1",
        "Utfall 2",
        "Utfall 3",
    ]
    # Followed up: no second follow-up, and the manager cannot do it.
    manager = client_for(demo, "petra", slug="petra-ahlstrom")
    assert manager.get(base + "uppfoljning/").status_code == 403


def add_managers(demo, numbers, under="petra-ahlstrom"):
    """More gruppchefer (numbered) under one line manager, every other with an agreed contract for this year."""
    from styr.contracts.domain import ResultInput, accept_contract, write_contract
    from styr.contracts.models import ManagerAssignment
    from styr.org.models import Unit

    boss = person(demo, under)
    unit = Unit.objects.get(municipality=demo, slug="kontaktcenter")
    for n in numbers:
        extra = Person.objects.create(municipality=demo, name=f"Gruppchef {n}", slug=f"gc-{n}")
        ManagerAssignment.objects.create(
            municipality=demo,
            person=extra,
            title="gruppchef",
            unit=unit,
            line_manager=boss,
            start=dt.date(2015, 1, 1),
        )
        if n % 2:
            version = write_contract(
                extra, dt.date.today().year, author=boss, results=[ResultInput("x")]
            )
            accept_contract(version.contract, person=extra, version_number=1)


def test_the_coverage_my_and_public_pages_take_the_same_queries_for_more_managers(
    demo, django_assert_num_queries, uncached_pages
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    hr = client_for(demo, "hr", role="hr")
    petra = client_for(demo, "petra", slug="petra-ahlstrom")
    public = f"/{demo.slug}/resultatkontrakt/andel/"
    pages = [
        (hr, f"/{demo.slug}/resultatkontrakt/"),
        (petra, "/resultatkontrakt/"),
        (Client(), public),
    ]
    add_managers(demo, range(2))  # one with a contract, one without
    counts = []
    for client, url in pages:
        client.get(url)  # sessions and caches warm
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    add_managers(demo, range(2, 14))
    for (client, url), expected in zip(pages, counts, strict=True):
        with django_assert_num_queries(
            expected, info=f"{url} ran more queries for more managers: read them at once"
        ):
            response = client.get(url)
        assert ("Gruppchef 10" in named(html.parse(response))) == (url != public)


def test_the_public_page_shows_shares_without_names_or_small_lines(demo):
    response = Client().get(f"/{demo.slug}/resultatkontrakt/andel/?as_of=2015-12-31")
    page = html.parse(response)
    assert html.text(page, "//p[@class='lead']/following-sibling::p[1]") == (
        "27 av 35 chefer har ett överenskommet kontrakt (77 %)."
    )
    # The demo's lines are of 1-4 managers: only together, and no manager named.
    assert html.texts(page, "//tbody/tr/th") == ["Övriga linjer tillsammans"]
    text = response.content.decode()
    for name in ("Fredrik Lind", "Anders Börjesson", "Einar Fransson", "Mikael Sjöberg"):
        assert name not in text
    start = html.parse(Client().get("/"))
    assert html.hrefs(start, "Resultatkontrakt för chefer") == [
        f"/{demo.slug}/resultatkontrakt/andel/"
    ]
