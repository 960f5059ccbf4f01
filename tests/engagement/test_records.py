"""Reading the CSV of answers: every header form, both delimiters, every kind of bad input."""

import pytest

from styr.engagement import hme
from styr.engagement.records import RecordError, decode, read_file, read_text

ANSWERS = "5;4;3;4;4;5;1;2;3"


def read(text, file="hme.csv"):
    return read_text(text, file)


def one(text):
    result = read(text)
    assert result.errors == []
    (record,) = result.records
    return record


@pytest.mark.parametrize(
    "names",
    [
        [f"q{n}" for n in range(1, 10)],
        [f"Q{n}" for n in range(1, 10)],
        [f"p{n}" for n in range(1, 10)],
        [f"påstående {n}" for n in range(1, 10)],
        [f"Påstående{n}" for n in range(1, 10)],
        [s.kolada_id for s in hme.STATEMENTS],
        [s.kolada_id.lower() for s in hme.STATEMENTS],
        [s.text for s in hme.STATEMENTS],
        [s.text.rstrip(".").upper() for s in hme.STATEMENTS],
        [f"  {s.text}  " for s in hme.STATEMENTS],
    ],
    ids=[
        "q",
        "Q",
        "p",
        "påstående n",
        "Påstående",
        "kolada",
        "kolada-lower",
        "text",
        "text-upper-no-period",
        "text-spaces",
    ],
)
def test_every_header_form_names_the_statements(names):
    record = one(";".join(["enhet", *names]) + "\nKontaktcenter;" + ANSWERS + "\n")
    assert record.unit == "Kontaktcenter"
    assert record.answers == (5, 4, 3, 4, 4, 5, 1, 2, 3)
    assert record.line == 2


def test_columns_may_come_in_any_order_with_unit_and_respondent_id():
    header = "q9,q8,q7,q6,q5,q4,q3,q2,q1,Unit,respondent"
    record = one(header + "\n1,2,3,4,5,4,3,2,1,Kontaktcenter,r-17\n")
    assert record.unit == "Kontaktcenter"
    assert record.answers == (1, 2, 3, 4, 5, 4, 3, 2, 1)


def test_comma_delimiter_and_a_byte_order_mark():
    data = ("\ufeffid,enhet," + ",".join(f"q{n}" for n in range(1, 10)) + "\n").encode()
    data += ("7,Serviceenheten," + ANSWERS.replace(";", ",") + "\r\n").encode()
    record = one(decode(data, "hme.csv"))
    assert record.unit == "Serviceenheten"
    assert record.answers[0] == 5


def test_empty_answers_are_unanswered_and_blank_lines_skipped():
    text = "enhet;" + ";".join(f"q{n}" for n in range(1, 10)) + "\n\nA;5;;3; ;4;5;1;2;3\n\n"
    result = read(text)
    (record,) = result.records
    assert record.answers == (5, None, 3, None, 4, 5, 1, 2, 3)
    assert record.line == 3


def test_other_columns_are_ignored_and_reported():
    text = "tidpunkt;enhet;" + ";".join(f"q{n}" for n in range(1, 10)) + "\n"
    text += "2015-10-01;A;" + ANSWERS + "\n"
    result = read(text)
    assert result.ignored_columns == ["tidpunkt"]
    assert len(result.records) == 1


HEADER = "id;enhet;" + ";".join(f"q{n}" for n in range(1, 10)) + "\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("6", 'hme.csv, line 3, field "q4": "6" is not an answer 1–5'),
        ("0", 'hme.csv, line 3, field "q4": "0" is not an answer 1–5'),
        ("bra", 'hme.csv, line 3, field "q4": "bra" is not an answer 1–5'),
        ("3,5", 'hme.csv, line 3, field "q4": "3,5" is not an answer 1–5'),
        ("4.0", 'hme.csv, line 3, field "q4": "4.0" is not an answer 1–5'),
        ("-1", 'hme.csv, line 3, field "q4": "-1" is not an answer 1–5'),
    ],
)
def test_an_answer_outside_1_to_5_is_named_with_line_and_field(value, message):
    text = HEADER + "1;A;" + ANSWERS + "\n" + f"2;A;5;4;3;{value};4;5;1;2;3\n"
    result = read(text)
    assert [str(error) for error in result.errors] == [message]
    assert len(result.records) == 1


def test_the_field_is_named_as_the_header_writes_it():
    header = "enhet;" + ";".join(s.kolada_id for s in hme.STATEMENTS) + "\n"
    result = read(header + "A;5;4;3;4;9;5;1;2;3\n")
    assert str(result.errors[0]) == 'hme.csv, line 2, field "U00304": "9" is not an answer 1–5'


def test_a_row_with_no_answers_is_an_error():
    result = read(HEADER + "1;A;;;;;;;;;\n")
    assert [str(e) for e in result.errors] == [
        "hme.csv, line 2: no answers: all nine statements are empty"
    ]
    assert result.records == []


def test_a_row_without_unit_is_an_error():
    result = read(HEADER + "1; ;" + ANSWERS + "\n")
    assert [str(e) for e in result.errors] == ['hme.csv, line 2, field "enhet": no unit given']


def test_a_row_with_too_few_fields_is_an_error():
    result = read(HEADER + "1;A;5;4;3\n")
    assert [str(e) for e in result.errors] == ["hme.csv, line 2: 5 fields, but the header has 11"]


def test_every_bad_row_is_reported_not_only_the_first():
    text = HEADER + "1;A;7;4;3;4;4;5;1;2;3\n2;A;" + ANSWERS + "\n3;A;5;4;3;4;4;5;1;2;x\n"
    result = read(text)
    assert [(e.line, e.field) for e in result.errors] == [(2, "q1"), (4, "q9")]
    assert [r.line for r in result.records] == [3]


def test_a_missing_statement_column_lists_what_was_expected():
    header = "enhet;" + ";".join(f"q{n}" for n in range(1, 9)) + "\n"
    with pytest.raises(RecordError) as raised:
        read(header + "A;5;4;3;4;4;5;1;2\n")
    message = str(raised.value)
    assert message.startswith("hme.csv, line 1: no column for statement 9; expected a unit column")
    assert "q1…q9" in message and "U00300…U00308" in message and "statement's text" in message


def test_a_missing_unit_column_is_named():
    header = ";".join(f"q{n}" for n in range(1, 10)) + "\n"
    with pytest.raises(RecordError, match=r"^hme.csv, line 1: no column for the unit \(enhet\);"):
        read(header + ANSWERS + "\n")


def test_a_statement_given_twice_is_an_error():
    header = (
        "enhet;" + ";".join(f"q{n}" for n in range(1, 10)) + ";Mitt arbete känns meningsfullt\n"
    )
    with pytest.raises(RecordError) as raised:
        read(header)
    assert str(raised.value) == (
        'hme.csv, line 1, field "Mitt arbete känns meningsfullt": statement 1 again '
        '(already in "q1")'
    )


def test_an_empty_file_is_an_error():
    with pytest.raises(RecordError, match="^hme.csv, line 1: the file is empty"):
        read("")


def test_text_that_is_not_utf8_is_an_error(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(("enhet;q1\nVälfärd;5\n").encode("latin-1"))
    with pytest.raises(RecordError) as raised:
        read_file(path)
    assert str(raised.value) == (
        "latin1.csv, line 2: not UTF-8 text; save the file as UTF-8 (CSV UTF-8) and try again"
    )


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(RecordError, match=r"^saknas.csv: cannot read the file"):
        read_file(tmp_path / "saknas.csv")
