"""The writes of a result contract, one named function each, audited, in one transaction:

- `write_contract`: the line manager writes the contract (its first version or a new one);
- `accept_contract`: the manager accepts the newest version: the two have signed, the
  contract is *överenskommet* from that day;
- `follow_up_contract`: at the year's end the line manager records the outcome of every
  expected result: *följt upp*.

An agreed contract gets no new version (its content is what was signed); every version and
event is kept. Who may call each is the policy's question (`contracts.*` rights), asked by
the pages; these functions check what makes the write itself wrong (order, staleness).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from styr.accounts.audit import AuditEvent, audit_event
from styr.contracts.models import (
    ContractEvent,
    ContractVersion,
    EventKind,
    ExpectedResult,
    Outcome,
    ResultContract,
)
from styr.goals.models import Indicator


class ContractError(Exception):
    """The write is refused; the message says why, in Swedish."""


@dataclass(frozen=True)
class ResultInput:
    text: str
    indicator: Indicator | None = None
    target: str = ""


def latest_version(contract: ResultContract) -> ContractVersion | None:
    return contract.versions.order_by("-number").first()


def has_event(contract: ResultContract, kind: str) -> bool:
    return contract.events.filter(kind=kind).exists()


def _moment(on: dt.date | None, recorded_at: dt.datetime | None) -> tuple[dt.date, dt.datetime]:
    return on or timezone.localdate(), recorded_at or timezone.now()


@transaction.atomic
def write_contract(
    manager,
    year: int,
    *,
    author,
    summary: str = "",
    goals=(),
    actions=(),
    results: list[ResultInput],
    by=None,
    on: dt.date | None = None,
    recorded_at: dt.datetime | None = None,
) -> ContractVersion:
    """A new version of `manager`'s contract for `year`, written by their line manager
    `author` (the contract is made with the first). Refused once the contract is agreed."""
    on, recorded_at = _moment(on, recorded_at)
    if author.id == manager.id:
        raise ContractError(
            "En chef skriver inte sitt eget resultatkontrakt: det gör chefens chef."
        )
    if not results:
        raise ContractError("Ett resultatkontrakt behöver minst ett förväntat resultat.")
    with audit_event(AuditEvent.CONTRACT_WRITE, actor=by):
        contract, created = ResultContract.objects.select_for_update().get_or_create(
            manager=manager,
            year=year,
            defaults={
                "municipality_id": manager.municipality_id,
                "line_manager": author,
                "created_at": recorded_at,
            },
        )
        if not created and has_event(contract, EventKind.AGREED):
            raise ContractError(
                "Kontraktet är redan överenskommet; det som skrevs under ändras inte."
            )
        if contract.line_manager_id != author.id:  # a new line manager takes it over
            contract.line_manager = author
            contract.save(update_fields=["line_manager"])
        previous = latest_version(contract)
        version = ContractVersion.objects.create(
            contract=contract,
            number=(previous.number + 1) if previous else 1,
            summary=summary,
            written_by=author,
            recorded_at=recorded_at,
        )
        version.goals.set(goals)
        version.actions.set(actions)
        for order, result in enumerate(results, start=1):
            ExpectedResult.objects.create(
                version=version,
                order=order,
                text=result.text,
                indicator=result.indicator,
                target=result.target,
            )
        ContractEvent.objects.create(
            contract=contract,
            kind=EventKind.WRITTEN,
            version=version,
            on=on,
            person=author,
            user=by,
            recorded_at=recorded_at,
        )
    return version


@transaction.atomic
def accept_contract(
    contract: ResultContract,
    *,
    person,
    version_number: int,
    by=None,
    on: dt.date | None = None,
    recorded_at: dt.datetime | None = None,
) -> ContractEvent:
    """The manager accepts version `version_number`; refused if it is not the newest (the
    line manager wrote another meanwhile) or the contract is already agreed."""
    on, recorded_at = _moment(on, recorded_at)
    contract = ResultContract.objects.select_for_update().get(pk=contract.pk)
    if person.id != contract.manager_id:
        raise ContractError("Bara chefen som kontraktet gäller kan godkänna det.")
    if has_event(contract, EventKind.AGREED):
        raise ContractError("Kontraktet är redan överenskommet.")
    version = latest_version(contract)
    if version is None or version.number != version_number:
        raise ContractError(
            "Kontraktet har en nyare version än den du läste. Läs den och godkänn igen."
        )
    with audit_event(AuditEvent.CONTRACT_AGREE, actor=by):
        return ContractEvent.objects.create(
            contract=contract,
            kind=EventKind.AGREED,
            version=version,
            on=on,
            person=person,
            user=by,
            recorded_at=recorded_at,
        )


@transaction.atomic
def follow_up_contract(
    contract: ResultContract,
    *,
    person,
    outcomes: Mapping[int, tuple[str, str]],
    note: str = "",
    by=None,
    on: dt.date | None = None,
    recorded_at: dt.datetime | None = None,
) -> ContractEvent:
    """The year's follow-up: `outcomes` maps each expected result's id of the agreed
    version to (attainment, text). Every expected result needs one."""
    on, recorded_at = _moment(on, recorded_at)
    contract = ResultContract.objects.select_for_update().get(pk=contract.pk)
    if person.id != contract.line_manager_id:
        raise ContractError("Uppföljningen görs av chefens chef, som skrev kontraktet.")
    agreed = contract.events.filter(kind=EventKind.AGREED).select_related("version").first()
    if agreed is None:
        raise ContractError("Ett kontrakt följs upp först när det är överenskommet.")
    if has_event(contract, EventKind.FOLLOWED_UP):
        raise ContractError("Kontraktet är redan uppföljt.")
    results = list(agreed.version.results.all())
    lacking = [r.order for r in results if r.id not in outcomes]
    if lacking:
        raise ContractError(
            "Utfall saknas för förväntat resultat " + ", ".join(str(n) for n in lacking) + "."
        )
    with audit_event(AuditEvent.CONTRACT_FOLLOW_UP, actor=by):
        event = ContractEvent.objects.create(
            contract=contract,
            kind=EventKind.FOLLOWED_UP,
            version=agreed.version,
            on=on,
            person=person,
            user=by,
            note=note,
            recorded_at=recorded_at,
        )
        for result in results:
            attainment, text = outcomes[result.id]
            Outcome.objects.create(event=event, result=result, attainment=attainment, text=text)
    return event
