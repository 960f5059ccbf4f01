"""Importing a file of contact-centre cases: all or nothing, and never the same file twice.

`import_cases` is the one function that writes `ServiceCaseImport` and `ServiceCase` rows.
It reads the file with `styr.service.records`, refuses a file whose SHA-256 this municipality
has already imported, and writes the cases with `bulk_create` in one transaction. A file with
any bad line is refused whole, unless `skip_bad` is given: then the good lines are imported
and the bad ones come back in `ImportResult.skipped`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from styr.org.models import Municipality
from styr.service.models import ServiceCase, ServiceCaseImport
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
    return ImportResult(
        batch=batch,
        imported=len(read.records),
        skipped=list(read.errors),
        ignored_columns=read.ignored_columns,
    )


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
    columns = ", ".join(quote(meta.get_field(name).column) for name in _CASE_FIELDS)
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
