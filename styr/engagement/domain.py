"""The writes on HME surveys: importing a file of answers as a new survey, and storing the
indices its answers give (`refresh_indices`), which the import and every other path that
changes answers (the admin, `styr precompute`) call in their transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from styr.engagement import hme
from styr.engagement.indices import count_answers
from styr.engagement.models import EngagementResponse, EngagementSurvey, HmeIndex
from styr.engagement.records import RecordError, ResponseRecord, decode, read_text
from styr.lib.periods import FIRST_YEAR, LAST_YEAR
from styr.lib.stored import delete_rows
from styr.org.history import unit_states_on
from styr.org.models import Municipality, Unit, UnitChange


class SurveyImportError(Exception):
    """The file was not imported; `errors` says why, each naming file, line and field."""

    def __init__(self, errors: list[RecordError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class ImportResult:
    survey: EngagementSurvey
    responses: int
    units: int
    skipped: list[RecordError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def survey_day(year: int, conducted_on: dt.date | None) -> dt.date:
    """The day whose unit names a survey uses: when it was conducted, else the year's end."""
    return conducted_on or dt.date(year, 12, 31)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class UnitNames:
    """Find a municipality's unit by a name it had: first the names on the survey day (of
    units that existed then), then any name it ever had, each case-insensitively. A name
    that fits several units on the same footing is ambiguous rather than guessed."""

    def __init__(self, units: list[Unit], changes: list[UnitChange], day: dt.date):
        self.units = {unit.id: unit for unit in units}
        current: dict[str, set[int]] = defaultdict(set)
        ever: dict[str, set[int]] = defaultdict(set)
        for unit_id, state in unit_states_on(units, changes, day).items():
            if state.exists:
                current[_key(state.name)].add(unit_id)
        for unit in units:
            ever[_key(unit.name)].add(unit.id)
        for change in changes:
            if change.kind == "rename" and change.new_name:
                ever[_key(change.new_name)].add(change.unit_id)
        self.tiers = (current, ever)

    def find(self, name: str) -> Unit:
        """The unit with that name; LookupError with a message otherwise."""
        for tier in self.tiers:
            found = tier.get(_key(name), set())
            if len(found) == 1:
                return self.units[next(iter(found))]
            if len(found) > 1:
                names = ", ".join(sorted(self.units[i].slug for i in found))
                raise LookupError(f'"{name}" fits several units ({names})')
        raise LookupError(f'unknown unit "{name}"')


@transaction.atomic
def import_survey(
    municipality: Municipality,
    path: Path | str,
    *,
    year: int,
    title: str | None = None,
    conducted_on: dt.date | None = None,
    skip_bad: bool = False,
    generated: bool = False,
) -> ImportResult:
    """Import a CSV of HME answers (see `styr.engagement.records`) as the municipality's
    survey for `year`.

    All or nothing: any bad row, unknown unit or a survey already there for that year raises
    SurveyImportError listing every problem, and nothing is written. With `skip_bad`, good
    rows are saved and the bad ones are returned in `skipped`; a file with no good row is
    still refused. Unit names are matched as `UnitNames` describes.
    """
    path = Path(path)
    file = path.name
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise SurveyImportError(
            [RecordError(file, None, None, f"{year} is not a year ({FIRST_YEAR}-{LAST_YEAR})")]
        )
    longest: int = EngagementSurvey._meta.get_field("title").max_length  # type: ignore[assignment]  # a CharField: always set
    if title and len(title) > longest:
        raise SurveyImportError(
            [RecordError(file, None, None, f"the title is longer than {longest} characters")]
        )
    existing = EngagementSurvey.objects.filter(municipality=municipality, year=year).first()
    if existing is not None:
        raise SurveyImportError(
            [
                RecordError(
                    file,
                    None,
                    None,
                    f'{municipality.name} already has an HME survey for {year} ("{existing.title}",'
                    f" from {existing.file_name or 'unknown file'}); only one per year is kept",
                )
            ]
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SurveyImportError(
            [RecordError(file, None, None, f"cannot read the file ({error.strerror})")]
        ) from None
    try:
        read = read_text(decode(data, file), file)
    except RecordError as error:
        raise SurveyImportError([error]) from None

    day = survey_day(year, conducted_on)
    names = UnitNames(
        list(Unit.objects.filter(municipality=municipality)),
        list(UnitChange.objects.filter(unit__municipality=municipality)),
        day,
    )
    errors = list(read.errors)
    matched: list[tuple[ResponseRecord, Unit]] = []
    for record in read.records:
        try:
            matched.append((record, names.find(record.unit)))
        except LookupError as error:
            errors.append(RecordError(file, record.line, read.unit_field, str(error)))
    errors.sort(key=lambda error: error.line or 0)
    if errors and not skip_bad:
        raise SurveyImportError(errors)
    if not matched:
        raise SurveyImportError(
            [*errors, RecordError(file, None, None, "no respondent's answers could be read")]
        )

    survey = EngagementSurvey.objects.create(
        municipality=municipality,
        title=title or _("Medarbetarenkät (HME) %(year)s") % {"year": year},
        year=year,
        conducted_on=conducted_on,
        file_name=file,
        sha256=hashlib.sha256(data).hexdigest(),
        generated=generated,
    )
    EngagementResponse.objects.bulk_create(
        [
            EngagementResponse(
                survey=survey,
                unit=unit,
                **{f"q{n}": answer for n, answer in enumerate(record.answers, start=1)},
            )
            for record, unit in matched
        ],
        batch_size=500,
    )
    refresh_indices(survey)
    return ImportResult(
        survey=survey,
        responses=len(matched),
        units=len({unit.id for _record, unit in matched}),
        skipped=errors,
        ignored_columns=read.ignored_columns,
    )


@transaction.atomic
def refresh_indices(survey: EngagementSurvey | int) -> int:
    """Store the survey's HME per unit and for all its respondents, from its answers (one
    aggregate query, then one insert); returns the number of units. Idempotent."""
    survey_id = survey.id if isinstance(survey, EngagementSurvey) else survey
    aggregates = count_answers(survey_id)
    delete_rows(HmeIndex, survey_id=survey_id)
    everyone = hme.combine(aggregates.values())
    rows: list[tuple[int | None, hme.Aggregate]] = list(aggregates.items())
    if everyone.respondents:
        rows.append((None, everyone))
    # Saved one by one (a survey has tens of units, not thousands): a save is a write that
    # Styr's model signals see (the page cache counts it), where bulk_create is not.
    for unit, aggregate in rows:
        _index(survey_id, unit, aggregate).save()
    return len(aggregates)


def _index(survey_id: int, unit_id: int | None, aggregate: hme.Aggregate) -> HmeIndex:
    result = hme.compute(aggregate)
    return HmeIndex(
        survey_id=survey_id,
        unit_id=unit_id,
        respondents=aggregate.respondents,
        answered=list(aggregate.answered),
        sums=list(aggregate.sums),
        total=result.total,
        motivation=result.motivation,
        leadership=result.leadership,
        governance=result.governance,
    )
