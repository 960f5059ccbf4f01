"""Writing, signing and following up a result contract: the order of the steps, and every
version and step kept."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from styr.contracts.domain import (
    ContractError,
    ResultInput,
    accept_contract,
    follow_up_contract,
    write_contract,
)
from styr.contracts.models import Attainment, ContractVersion, EventKind
from styr.contracts.queries import contract_status
from styr.org.models import Person

RESULTS = [ResultInput("Budget i balans", target="0 kr"), ResultInput("HME minst 80")]


@pytest.fixture
def pair(town):
    return (
        Person.objects.get(municipality=town, slug="mats-bohman"),
        Person.objects.create(municipality=town, name="Anna Exempel", slug="anna"),
    )


def test_the_line_manager_drafts_and_the_manager_accepts_the_newest_version(pair):
    boss, manager = pair
    today = timezone.localdate()
    first = write_contract(manager, 2015, author=boss, results=RESULTS)
    contract = first.contract
    assert contract_status(contract, today) == "utkast"
    second = write_contract(
        manager, 2015, author=boss, results=[*RESULTS, ResultInput("Nytt")], summary="v2"
    )
    assert second.number == 2
    with pytest.raises(ContractError, match="nyare version"):
        accept_contract(contract, person=manager, version_number=1)
    with pytest.raises(ContractError, match="Bara chefen"):
        accept_contract(contract, person=boss, version_number=2)
    agreed = accept_contract(contract, person=manager, version_number=2)
    assert agreed.version == second
    # Known from today: yesterday Styr knew nothing of it (the as-of rule).
    assert contract_status(contract, today) == "overenskommet"
    assert contract_status(contract, today - dt.timedelta(days=1)) is None
    # Both versions are kept, with their own expected results.
    versions = ContractVersion.objects.filter(contract=contract).order_by("number")
    assert [v.results.count() for v in versions] == [2, 3]
    assert [v.summary for v in versions] == ["", "v2"]


def test_an_agreed_contract_gets_no_new_version(pair):
    boss, manager = pair
    version = write_contract(manager, 2015, author=boss, results=RESULTS)
    accept_contract(version.contract, person=manager, version_number=1)
    with pytest.raises(ContractError, match="redan överenskommet"):
        write_contract(manager, 2015, author=boss, results=RESULTS)
    with pytest.raises(ContractError, match="redan överenskommet"):
        accept_contract(version.contract, person=manager, version_number=1)
    assert version.contract.versions.count() == 1


def test_the_follow_up_records_an_outcome_for_every_expected_result(pair):
    boss, manager = pair
    version = write_contract(manager, 2015, author=boss, results=RESULTS)
    contract = version.contract
    first, second = version.results.order_by("order")
    with pytest.raises(ContractError, match="överenskommet"):
        follow_up_contract(contract, person=boss, outcomes={})
    accept_contract(contract, person=manager, version_number=1)
    with pytest.raises(ContractError, match="Utfall saknas för förväntat resultat 2"):
        follow_up_contract(contract, person=boss, outcomes={first.id: (Attainment.MET, "Ja")})
    event = follow_up_contract(
        contract,
        person=boss,
        outcomes={first.id: (Attainment.MET, "Ja"), second.id: (Attainment.PARTLY, "78")},
    )
    assert event.kind == EventKind.FOLLOWED_UP
    assert {o.result.text: o.attainment for o in event.outcomes.all()} == {
        "Budget i balans": "uppfyllt",
        "HME minst 80": "delvis",
    }
    assert contract_status(contract, timezone.localdate()) == "foljt_upp"


def test_a_manager_cannot_write_their_own_contract(pair):
    boss, manager = pair
    with pytest.raises(ContractError, match="sitt eget"):
        write_contract(manager, 2015, author=manager, results=RESULTS)


def test_every_step_is_in_the_audit_log_as_its_event(pair):
    boss, manager = pair
    version = write_contract(manager, 2015, author=boss, results=RESULTS)
    accept_contract(version.contract, person=manager, version_number=1)
    events = {e.additional_data.get("event") for e in LogEntry.objects.all() if e.additional_data}
    assert {"contract_write", "contract_agree"} <= events


def test_versions_and_steps_are_append_only(pair):
    boss, manager = pair
    version = write_contract(manager, 2015, author=boss, results=RESULTS)
    version.summary = "ändrad i efterhand"
    with pytest.raises(TypeError):
        version.save()
    with pytest.raises(TypeError):
        version.contract.events.first().delete()
