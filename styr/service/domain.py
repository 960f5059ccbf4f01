"""Importing a file of contact-centre cases: all or nothing, and never the same file twice.

`import_cases` is the one function that writes `ServiceCaseImport` and `ServiceCase` rows.
It reads the file with `styr.service.records`, refuses a file whose SHA-256 this municipality
has already imported, and writes the cases with `bulk_create` in one transaction. A file with
any bad line is refused whole, unless `skip_bad` is given: then the good lines are imported
and the bad ones come back in `ImportResult.skipped`.

`refresh_series` recounts what the pages show (`ServiceCaseCount`, `ServiceLevel`) from the
cases; the import calls it in its transaction, and so does every other path that changes
cases (the admin's deletions, `styr precompute`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from styr.lib.db import analyze
from styr.lib.stored import delete_rows
from styr.org.models import Municipality
from styr.service.levels import levels_by_period
from styr.service.models import ServiceCase, ServiceCaseCount, ServiceCaseImport, ServiceLevel
from styr.service.queries import count_cases
from styr.service.records import CaseFileError, RecordError, parse_case_bytes

BATCH_SIZE = 2000


class CaseImportError(Exception):
    """The file was not imported; `errors` says why (one RecordError per problem)."""

    def __init__(self, errors: list[RecordError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class ImportResult:
    batch: ServiceCaseImport
    imported: int
    skipped: list[RecordError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


@transaction.atomic
def import_cases(
    municipality: Municipality,
    path: Path | str,
    *,
    skip_bad: bool = False,
    generated: bool = False,
) -> ImportResult:
    """Import the case file at `path` for the municipality; see the module docstring."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CaseImportError(
            [RecordError(path.name, None, None, f"cannot read the file: {error.strerror}")]
        ) from error
    return import_case_data(municipality, data, path.name, skip_bad=skip_bad, generated=generated)


@transaction.atomic
def import_case_data(
    municipality: Municipality,
    data: bytes,
    file_name: str,
    *,
    skip_bad: bool = False,
    generated: bool = False,
) -> ImportResult:
    """Import case records from the bytes of a file called `file_name`; all or nothing."""
    checksum = hashlib.sha256(data).hexdigest()
    earlier = ServiceCaseImport.objects.filter(municipality=municipality, sha256=checksum).first()
    if earlier is not None:
        raise CaseImportError([_already_imported(file_name, earlier)])
    try:
        read = parse_case_bytes(data, file_name)
    except CaseFileError as error:
        raise CaseImportError(error.errors) from None
    if read.errors and not skip_bad:
        raise CaseImportError(read.errors)
    if not read.records:
        raise CaseImportError(
            [*read.errors, RecordError(file_name, None, None, "no good case to import")]
        )
    try:
        with transaction.atomic():
            batch = ServiceCaseImport.objects.create(
                municipality=municipality,
                file_name=file_name[:300],
                sha256=checksum,
                case_count=len(read.records),
                generated=generated,
            )
    except IntegrityError:
        # Another import of the same file finished between the check above and now.
        earlier = ServiceCaseImport.objects.get(municipality=municipality, sha256=checksum)
        raise CaseImportError([_already_imported(file_name, earlier)]) from None
    _insert_cases(batch, municipality, read.records)
    refresh_series(municipality)
    # A year's cases come in one file of tens of thousands: plan from their statistics.
    analyze(ServiceCase, ServiceCaseCount, ServiceLevel)
    return ImportResult(
        batch=batch,
        imported=len(read.records),
        skipped=list(read.errors),
        ignored_columns=read.ignored_columns,
    )


@transaction.atomic
def refresh_series(municipality: Municipality | int) -> int:
    """Recount the municipality's stored counts and levels from its cases (one GROUP BY over
    the cases, then a few writes); returns the number of count rows. Idempotent."""
    counts = count_cases(municipality)
    municipality_id = municipality.id if isinstance(municipality, Municipality) else municipality
    for model in (ServiceCaseCount, ServiceLevel):
        delete_rows(model, municipality_id=municipality_id)
    ServiceCaseCount.objects.bulk_create(
        [
            ServiceCaseCount(
                municipality_id=municipality_id,
                month=row.month,
                requester=row.requester,
                category=row.category,
                handled_by_contact_centre=row.handled_by_contact_centre,
                resolved_at_first_contact=row.resolved_at_first_contact,
                generated=row.generated,
                count=row.count,
            )
            for row in counts
        ],
        batch_size=BATCH_SIZE,
    )
    # The levels (13 a year) are saved one by one: a save is a write that Styr's model
    # signals see (the page cache counts it), where bulk_create is not.
    for period, levels in levels_by_period(counts).items():
        ServiceLevel.objects.create(
            municipality_id=municipality_id,
            period=period,
            total=levels.overall.total,
            handled=levels.overall.handled,
            first_contact=levels.overall.first_contact,
            generated=levels.overall.generated,
        )
    return len(counts)


_CASE_FIELDS = [
    "batch",
    "municipality",
    "received",
    "month",
    "channel",
    "requester",
    "category",
    "handled_by",
    "handled_by_contact_centre",
    "resolved_at_first_contact",
]


def _insert_cases(batch, municipality, records) -> None:
    """Write the validated records with one executemany per chunk.

    A year of cases is tens of thousands of rows; building a model instance for each costs
    more than the insert itself, and records.py has already checked every value.
    """
    meta = ServiceCase._meta
    quote = connection.ops.quote_name
    # A concrete field has its column (the stubs allow None, for fields without one).
    concrete: dict[str, str] = {field.name: field.column for field in meta.concrete_fields}  # type: ignore[misc]
    columns = ", ".join(quote(concrete[name]) for name in _CASE_FIELDS)
    marks = ", ".join(["%s"] * len(_CASE_FIELDS))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})"
    zone = timezone.get_default_timezone()
    adapt = connection.ops.adapt_datetimefield_value
    rows = [
        (
            batch.id,
            municipality.id,
            adapt(timezone.make_aware(record.received, zone)),
            record.month,
            record.channel,
            record.requester,
            record.category,
            record.handled_by,
            record.handled_by_contact_centre,
            record.resolved_at_first_contact,
        )
        for record in records
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(sql, rows[start : start + BATCH_SIZE])


def _already_imported(file_name: str, earlier: ServiceCaseImport) -> RecordError:
    day = timezone.localtime(earlier.imported_at).date().isoformat()
    same_name = "" if earlier.file_name == file_name else f' as "{earlier.file_name}"'
    count = f"{earlier.case_count:,}".replace(",", " ")
    return RecordError(
        file_name,
        None,
        None,
        f"already imported on {day}{same_name} ({count} cases); nothing was imported again",
    )
