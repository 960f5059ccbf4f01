"""Reading case files: header variants, values, and a clear message for every bad input."""

import datetime as dt

import pytest

from styr.service.records import (
    CaseFileError,
    ServiceCaseRecord,
    parse_case_bytes,
    parse_case_text,
    read_case_file,
)
from tests.service.conftest import case_csv, case_line

SWEDISH_HEADER = "Mottaget;Kanal;Ärendegivare;Kategori;Hanterat av;Löst vid första kontakt"


def read(text: str, name: str = "cases.csv"):
    return parse_case_text(text, name)


def file_error(text: str | bytes, name: str = "cases.csv") -> str:
    with pytest.raises(CaseFileError) as caught:
        if isinstance(text, bytes):
            parse_case_bytes(text, name)
        else:
            parse_case_text(text, name)
    return str(caught.value)


def line_errors(text: str) -> list[str]:
    result = read(text)
    assert result.records == []
    return [str(error) for error in result.errors]


def test_english_header_with_semicolons_reads_every_field():
    result = read(
        case_csv(case_line(), case_line("2015-03-03", handled_by="Bygglovenheten", resolved="no"))
    )
    assert result.errors == []
    assert result.records == [
        ServiceCaseRecord(
            line=2,
            received=dt.datetime(2015, 3, 2, 14, 5),
            channel="telefon",
            requester="citizen",
            category="Bygglov",
            handled_by="Kontaktcenter",
            handled_by_contact_centre=True,
            resolved_at_first_contact=True,
        ),
        ServiceCaseRecord(
            line=3,
            received=dt.datetime(2015, 3, 3),
            channel="telefon",
            requester="citizen",
            category="Bygglov",
            handled_by="Bygglovenheten",
            handled_by_contact_centre=False,
            resolved_at_first_contact=False,
        ),
    ]
    assert result.records[0].month == "2015-03"


def test_swedish_header_with_commas_in_any_order_and_a_bom():
    text = (
        "\ufeffKATEGORI,från,mottaget,kanal,hanterad_av,löst_vid_första_kontakten\n"
        '"Avfall, vatten och avlopp",medarbetare,2015-09-30T23:59:30,e-post,Serviceenheten,Ja\n'
    )
    (record,) = read(text).records
    assert record.category == "Avfall, vatten och avlopp"
    assert record.requester == "employee"
    assert record.received == dt.datetime(2015, 9, 30, 23, 59, 30)
    assert record.channel == "e-post"
    assert record.handled_by_contact_centre is True
    assert record.resolved_at_first_contact is True


def test_swedish_header_with_spaces_and_a_bom_in_bytes():
    data = (
        "\ufeff"
        + case_csv(case_line(requester="Medborgare", resolved="nej"), header=SWEDISH_HEADER)
    ).encode()
    (record,) = parse_case_bytes(data, "ärenden.csv").records
    assert (record.requester, record.resolved_at_first_contact) == ("citizen", False)


@pytest.mark.parametrize(
    ("handled_by", "by_contact_centre"),
    [
        ("contact centre", True),
        ("Kontaktcenter", True),
        ("Kontaktcenter och  serviceenhet", True),
        ("serviceenhet", True),
        ("Serviceenheten", True),
        ("Bygglovenheten", False),
        ("Kontaktcenter Syd", False),
    ],
)
def test_handled_by_names_the_contact_centre_or_another_unit(handled_by, by_contact_centre):
    (record,) = read(case_csv(case_line(handled_by=handled_by))).records
    assert record.handled_by_contact_centre is by_contact_centre


@pytest.mark.parametrize(
    ("answer", "resolved"),
    [
        ("yes", True),
        ("JA", True),
        ("true", True),
        ("1", True),
        ("no", False),
        ("Nej", False),
        ("false", False),
        ("0", False),
    ],
)
def test_first_contact_answers(answer, resolved):
    (record,) = read(case_csv(case_line(resolved=answer))).records
    assert record.resolved_at_first_contact is resolved


def test_blank_lines_before_the_header_do_not_hide_its_delimiter():
    text = "\n  \n" + case_csv(case_line(delimiter=","), header=SWEDISH_HEADER.replace(";", ","))
    (record,) = read(text).records
    assert record.line == 4


def test_extra_columns_are_ignored_and_reported():
    text = "ärendenr;" + case_csv("17;" + case_line(), header=SWEDISH_HEADER)
    result = read(text)
    assert len(result.records) == 1
    assert result.ignored_columns == ["ärendenr"]


def test_blank_lines_are_skipped_and_line_numbers_stay_physical():
    text = case_csv(case_line(), "", case_line(received="2015-13-02"))
    result = read(text)
    assert len(result.records) == 1
    assert [str(e) for e in result.errors] == [
        'cases.csv, line 4, field "received": "2015-13-02" is not a date (write 2015-03-02 or 2015-03-02 14:05)'
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (case_line(received="2015-13-02"), 'field "received": "2015-13-02" is not a date'),
        (case_line(received="2015-02-30"), 'field "received": "2015-02-30" is not a date'),
        (case_line(received="2 mars 2015"), 'field "received": "2 mars 2015" is not a date'),
        (
            case_line(received="1815-03-02"),
            'field "received": "1815-03-02": the year must be between 1950 and 2100',
        ),
        (
            case_line(requester="politician"),
            'field "requester": "politician" is not a requester (citizen/medborgare or employee/medarbetare)',
        ),
        (
            case_line(resolved="kanske"),
            'field "resolved_at_first_contact": "kanske" is not yes or no (yes/no, ja/nej, true/false, 1/0)',
        ),
        (case_line(category=""), 'field "category": is empty'),
        (case_line(channel=""), 'field "channel": is empty'),
        (case_line(handled_by=""), 'field "handled_by": is empty'),
        (case_line(channel="x" * 51), 'field "channel": is longer than 50 characters'),
        ("2015-03-02;telefon;citizen", "3 fields, expected 6 as in the header"),
    ],
)
def test_bad_line_is_named_by_file_line_and_field(line, message):
    (error,) = line_errors(case_csv(line))
    assert error.startswith("cases.csv, line 2")
    assert message in error


def test_every_problem_on_a_line_is_reported():
    errors = line_errors(case_csv(case_line(requester="x", resolved="?")))
    assert errors == [
        'cases.csv, line 2, field "requester": "x" is not a requester (citizen/medborgare or employee/medarbetare)',
        'cases.csv, line 2, field "resolved_at_first_contact": "?" is not yes or no (yes/no, ja/nej, true/false, 1/0)',
    ]


def test_empty_file():
    assert file_error("") == "cases.csv: the file is empty"
    assert file_error("\ufeff\n  \n") == "cases.csv: the file is empty"


def test_header_only():
    assert file_error(case_csv()) == "cases.csv: no cases after the header line"


def test_no_header_row():
    message = file_error(case_line() + "\n")
    assert message.startswith(
        "cases.csv: the first line is not a header row: name the columns received, channel"
    )


def test_missing_columns_are_each_named_with_their_alternatives():
    text = "mottaget;kanal;kategori;hanterat_av\n2015-03-02;telefon;Bygglov;Kontaktcenter\n"
    assert file_error(text).splitlines() == [
        'cases.csv: missing column "requester" (ärendegivare/från/requester)',
        'cases.csv: missing column "resolved_at_first_contact" (löst_vid_första_kontakt/löst_vid_första_kontakten/resolved_at_first_contact)',
    ]


def test_a_column_named_twice():
    text = "received;mottaget;channel;requester;category;handled_by;resolved_at_first_contact\n"
    assert (
        file_error(text)
        == 'cases.csv, line 1: column "received" appears twice ("received" and "mottaget")'
    )


def test_file_not_in_utf8_is_refused_with_its_line():
    data = case_csv(case_line(), case_line(category="Äldreomsorg")).encode("cp1252")
    assert file_error(data) == (
        "cases.csv, line 3: the file is not UTF-8 text (byte 0xc4); "
        "save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again"
    )


def test_missing_file(tmp_path):
    with pytest.raises(CaseFileError) as caught:
        read_case_file(tmp_path / "saknas.csv")
    assert str(caught.value) == "saknas.csv: cannot read the file: No such file or directory"


def test_read_case_file_reads_from_disk(write_csv):
    path = write_csv(case_csv(case_line()), name="mars.csv")
    result = read_case_file(path)
    assert result.name == "mars.csv"
    assert len(result.records) == 1
