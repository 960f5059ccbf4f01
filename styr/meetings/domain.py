"""The writes of the manager meetings, one transactional, audited function each.

- `record_attendance`: the coordinating unit records who came to a meeting (from the
  meeting's page, or from its list through `import_attendance`);
- `import_attendance`: a meeting's attendance list (CSV or Excel), all or nothing;
- `award_prize`: a chefspris awarded at a meeting, with its citation.
Each takes the acting user as `by`; the audit log labels the entries with the event. Who may
call them is the policy's question (`meetings.record_attendance`), asked by the views and
the command before they call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styr.accounts.audit import AuditEvent, audit_context, audited
from styr.meetings.models import Attendance, AttendanceStatus, Award, Meeting
from styr.meetings.records import AttendanceRecord, ListError, RowError, read_attendance
from styr.org.models import Person, PersonAlias

PRIZE_LIMIT: int = Award._meta.get_field("prize").max_length  # type: ignore[assignment]  # a CharField: always set
CITATION_LIMIT = 4000


class AttendanceListError(Exception):
    """A list that was not imported; `errors` says why, by row (nothing was saved)."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


@dataclass(frozen=True)
class Imported:
    meeting: Meeting
    recorded: int
    counts: dict[str, int]


@audited(AuditEvent.MEETING_ATTENDANCE, actor="by")
@transaction.atomic
def record_attendance(
    meeting: Meeting, statuses: Mapping[int, str], *, by=None, source: str = ""
) -> int:
    """Record each person's (by id) attendance at the meeting; a person already recorded
    gets the new status (the audit log keeps the earlier one). Returns the rows written.

    People of another municipality and unknown statuses are refused with a ValidationError;
    the meeting's rows are locked, so two recordings at once are put in order.
    """
    valid = set(AttendanceStatus.values)
    bad = sorted({status for status in statuses.values() if status not in valid})
    if bad:
        raise ValidationError(_("Okänd närvaro: %(values)s.") % {"values": ", ".join(bad)})
    people = set(
        Person.objects.filter(
            municipality_id=meeting.municipality_id, id__in=list(statuses)
        ).values_list("id", flat=True)
    )
    strangers = sorted(set(statuses) - people)
    if strangers:
        raise ValidationError(
            _("Personerna %(ids)s finns inte i kommunen.")
            % {"ids": ", ".join(str(i) for i in strangers)}
        )
    existing = {
        row.person_id: row
        for row in Attendance.objects.select_for_update().filter(
            meeting=meeting, person_id__in=list(statuses)
        )
    }
    now = timezone.now()
    written = 0
    for person_id, status in statuses.items():
        row = existing.get(person_id)
        if row is None:
            row = Attendance(meeting=meeting, person_id=person_id)
        elif row.status == status:
            continue  # unchanged: no write, no audit entry
        row.status, row.recorded_at, row.recorded_by, row.source = status, now, by, source
        row.save()
        written += 1
    return written


def import_attendance(meeting: Meeting, data: bytes, filename: str, *, by=None) -> Imported:
    """Read a meeting's attendance list and record it, all or nothing.

    Every problem is collected before anything is written: rows that cannot be read, people
    the organisation does not know (named as written), a name two people share, a person on
    two rows. Raises AttendanceListError with them all, in row order.
    """
    try:
        records, row_errors = read_attendance(data, filename)
    except ListError as error:
        raise AttendanceListError([str(error)]) from None
    statuses, match_errors = match_people(meeting.municipality_id, records)
    errors = sorted(row_errors + match_errors, key=lambda e: (e.row, e.column or ""))
    if errors:
        raise AttendanceListError([str(error) for error in errors])
    with audit_context(file=filename):
        recorded = record_attendance(meeting, statuses, by=by, source=filename)
    counts = dict.fromkeys(AttendanceStatus.values, 0)
    for status in statuses.values():
        counts[status] += 1
    return Imported(meeting=meeting, recorded=recorded, counts=counts)


def match_people(
    municipality_id: int, records: Iterable[AttendanceRecord]
) -> tuple[dict[int, str], list[RowError]]:
    """Each row's person: by employee number, else e-mail, else name or another spelling of
    it (any case). Two queries whatever the list's length."""
    people = list(
        Person.objects.filter(municipality_id=municipality_id).values_list(
            "id", "name", "email", "employee_number"
        )
    )
    by_number = {number: pid for pid, _n, _e, number in people if number}
    by_email = {email.lower(): pid for pid, _n, email, _num in people if email}
    by_name: dict[str, set[int]] = {}
    for pid, name, _e, _num in people:
        by_name.setdefault(" ".join(name.lower().split()), set()).add(pid)
    aliases = PersonAlias.objects.filter(person__municipality_id=municipality_id)
    for pid, name in aliases.values_list("person_id", "name"):
        by_name.setdefault(" ".join(name.lower().split()), set()).add(pid)

    statuses: dict[int, str] = {}
    first_row: dict[int, int] = {}
    errors: list[RowError] = []
    for record in records:
        person_id, error = _person_of(record, by_number, by_email, by_name)
        if error is not None:
            errors.append(error)
            continue
        assert person_id is not None  # _person_of gives a person where it gives no error
        if person_id in first_row:
            errors.append(
                RowError(
                    record.row,
                    None,
                    f"{record.who} står redan på rad {first_row[person_id]}",
                )
            )
        else:
            first_row[person_id] = record.row
            statuses[person_id] = record.status
    return statuses, errors


def _person_of(record, by_number, by_email, by_name) -> tuple[int | None, RowError | None]:
    if record.employee_number:
        if record.employee_number in by_number:
            return by_number[record.employee_number], None
        return None, RowError(
            record.row,
            "anställningsnummer",
            f"okänt anställningsnummer {record.employee_number} ({record.name or 'utan namn'})",
        )
    if record.email:
        if record.email.lower() in by_email:
            return by_email[record.email.lower()], None
        return None, RowError(record.row, "e-post", f"okänd e-postadress {record.email}")
    found = by_name.get(record.name.lower(), set())
    if not found:
        return None, RowError(record.row, "namn", f"okänd person: {record.name}")
    if len(found) > 1:
        return None, RowError(
            record.row,
            "namn",
            f"{len(found)} personer heter {record.name}; ange anställningsnummer",
        )
    return next(iter(found)), None


def check_award(prize: str, citation: str) -> None:
    errors: dict[str, list[str]] = {}
    if not prize:
        errors["prize"] = [_("Ange priset.")]
    elif len(prize) > PRIZE_LIMIT:
        errors["prize"] = [_("Priset får vara högst %(n)s tecken.") % {"n": PRIZE_LIMIT}]
    if not citation:
        errors["citation"] = [_("Skriv motiveringen.")]
    elif len(citation) > CITATION_LIMIT:
        errors["citation"] = [
            _("Motiveringen får vara högst %(n)s tecken.") % {"n": CITATION_LIMIT}
        ]
    if errors:
        raise ValidationError(errors)


@audited(AuditEvent.MANAGER_AWARD, actor="by")
@transaction.atomic
def award_prize(
    meeting: Meeting, person: Person, *, prize: str, citation: str, by=None, is_example=False
) -> Award:
    """Award a chefspris at a meeting to a person of its municipality, with its citation."""
    prize, citation = prize.strip(), citation.strip()
    check_award(prize, citation)
    if person.municipality_id != meeting.municipality_id:
        raise ValidationError({"person": [_("Pristagaren hör till en annan kommun.")]})
    return Award.objects.create(
        meeting=meeting,
        person=person,
        prize=prize,
        citation=citation,
        awarded_by=by,
        is_example=is_example,
    )
