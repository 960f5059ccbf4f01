"""Importing case files: all or nothing, --skip-bad, never the same file twice."""

import datetime as dt
import hashlib
import zoneinfo

import pytest

from styr.service.domain import CaseImportError, import_case_data, import_cases
from styr.service.models import ServiceCase, ServiceCaseImport
from styr.service.queries import case_counts, service_series
from tests.service.conftest import case_csv, case_line

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def nothing_written():
    return not ServiceCaseImport.objects.exists() and not ServiceCase.objects.exists()


def test_import_writes_every_case_with_its_month_and_local_time(nacka, write_csv):
    text = case_csv(
        case_line("2015-01-31 23:30", requester="medborgare"),
        case_line("2015-02-01", requester="medarbetare", handled_by="IT-enheten", resolved="nej"),
    )
    path = write_csv(text)
    result = import_cases(nacka, path)
    assert result.imported == 2
    assert result.skipped == []
    batch = ServiceCaseImport.objects.get()
    assert (batch.file_name, batch.case_count, batch.generated) == ("cases.csv", 2, False)
    assert batch.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    first, second = ServiceCase.objects.order_by("received")
    # 23:30 in Stockholm on 31 January is 22:30 UTC and still January.
    assert first.received == dt.datetime(2015, 1, 31, 23, 30, tzinfo=STOCKHOLM)
    assert first.month == "2015-01"
    assert (first.requester, first.handled_by_contact_centre, first.resolved_at_first_contact) == (
        "citizen",
        True,
        True,
    )
    assert (second.month, second.requester, second.handled_by) == (
        "2015-02",
        "employee",
        "IT-enheten",
    )
    assert (second.handled_by_contact_centre, second.resolved_at_first_contact) == (False, False)
    assert {case.batch_id for case in (first, second)} == {batch.id}


def test_one_bad_line_refuses_the_whole_file(nacka, write_csv):
    path = write_csv(case_csv(case_line(), case_line(received="2015-13-02"), case_line()))
    with pytest.raises(CaseImportError) as caught:
        import_cases(nacka, path)
    assert str(caught.value) == (
        'cases.csv, line 3, field "received": "2015-13-02" is not a date '
        "(write 2015-03-02 or 2015-03-02 14:05)"
    )
    assert nothing_written()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "cases.csv: the file is empty"),
        (case_csv(), "cases.csv: no cases after the header line"),
        (case_line() + "\n", "cases.csv: the first line is not a header row"),
        (
            "mottaget;kanal\n2015-01-01;telefon\n",
            'cases.csv: missing column "requester" (ärendegivare/från/requester)',
        ),
        (case_csv("2015-01-01;telefon"), "cases.csv, line 2: 2 fields, expected 6"),
        (
            case_csv(case_line(requester="chef")),
            'cases.csv, line 2, field "requester": "chef" is not a requester',
        ),
        (
            case_csv(case_line(resolved="kanske")),
            'cases.csv, line 2, field "resolved_at_first_contact": "kanske" is not yes or no',
        ),
        (case_csv(case_line(category=" ")), 'cases.csv, line 2, field "category": is empty'),
    ],
)
def test_bad_files_write_nothing(nacka, write_csv, text, message):
    with pytest.raises(CaseImportError) as caught:
        import_cases(nacka, write_csv(text))
    assert message in str(caught.value)
    assert nothing_written()


def test_not_utf8_writes_nothing(nacka, write_csv):
    path = write_csv(case_csv(case_line(category="Äldreomsorg")), encoding="cp1252")
    with pytest.raises(CaseImportError) as caught:
        import_cases(nacka, path)
    assert "cases.csv, line 2: the file is not UTF-8 text (byte 0xc4)" in str(caught.value)
    assert nothing_written()


def test_missing_file_writes_nothing(nacka, tmp_path):
    with pytest.raises(CaseImportError, match="saknas.csv: cannot read the file"):
        import_cases(nacka, tmp_path / "saknas.csv")
    assert nothing_written()


def test_skip_bad_imports_the_good_lines_and_reports_the_rest(nacka, write_csv):
    path = write_csv(
        case_csv(
            case_line(),
            case_line(received="2015-13-02"),
            case_line(requester="x", resolved="?"),
            case_line(),
        )
    )
    result = import_cases(nacka, path, skip_bad=True)
    assert result.imported == 2
    assert [(e.line, e.field) for e in result.skipped] == [
        (3, "received"),
        (4, "requester"),
        (4, "resolved_at_first_contact"),
    ]
    assert ServiceCase.objects.count() == 2
    assert ServiceCaseImport.objects.get().case_count == 2


def test_skip_bad_with_no_good_line_writes_nothing(nacka, write_csv):
    with pytest.raises(CaseImportError, match="no good case to import"):
        import_cases(nacka, write_csv(case_csv(case_line(received="x"))), skip_bad=True)
    assert nothing_written()


def test_the_same_file_is_refused_the_second_time(nacka, write_csv):
    path = write_csv(case_csv(case_line()))
    import_cases(nacka, path)
    renamed = write_csv(path.read_text(), name="kopia.csv")
    with pytest.raises(CaseImportError) as caught:
        import_cases(nacka, renamed)
    day = dt.datetime.now(STOCKHOLM).date().isoformat()
    assert str(caught.value) == (
        f'kopia.csv: already imported on {day} as "cases.csv" (1 cases); nothing was imported again'
    )
    assert ServiceCase.objects.count() == 1


def test_another_municipality_may_import_the_same_file(nacka, write_csv):
    from styr.org.models import Municipality

    other = Municipality.objects.create(name="Värmdö kommun", slug="varmdo")
    path = write_csv(case_csv(case_line()))
    import_cases(nacka, path)
    import_cases(other, path)
    assert ServiceCase.objects.filter(municipality=other).count() == 1


def test_case_counts_and_service_series(nacka, django_assert_num_queries):
    text = case_csv(
        *[case_line("2015-01-05")] * 9,
        case_line("2015-01-06", handled_by="Bygglovenheten", resolved="no"),
        case_line("2015-02-02", requester="employee", category="Lokaler", resolved="no"),
    )
    import_case_data(nacka, text.encode(), "jan.csv", generated=True)
    with django_assert_num_queries(1):
        counts = case_counts(nacka)
    assert sorted(
        (c.month, c.requester, c.handled_by_contact_centre, c.count, c.generated) for c in counts
    ) == [
        ("2015-01", "citizen", False, 1, True),
        ("2015-01", "citizen", True, 9, True),
        ("2015-02", "employee", True, 1, True),
    ]
    with django_assert_num_queries(1):
        series = service_series(nacka)
    assert series["service_handled"] == {
        "2015": pytest.approx(1000 / 11),
        "2015-01": 90.0,
        "2015-02": 100.0,
    }
    assert series["service_first_contact"] == {
        "2015": pytest.approx(900 / 11),
        "2015-01": 90.0,
        "2015-02": 0.0,
    }


def test_service_series_of_a_municipality_without_cases(nacka):
    assert service_series(nacka) == {"service_handled": {}, "service_first_contact": {}}
