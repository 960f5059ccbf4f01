"""`styr managers import`: the HR export loaded all or nothing, dated by --from."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from styr.contracts.models import ManagerAssignment
from styr.contracts.queries import managers_on
from styr.org.models import Person

HEADER = "namn;e-post;anställningsnummer;titel;enhet;chef\n"
SPRING = HEADER + (
    "Lena Dahlstedt;lena.dahlstedt@nacka.se;1001;stadsdirektör;stadsledningskontoret;\n"
    "Mats Bohman;;1002;administrativ direktör;Stadsledningskontoret;1001\n"
    "Dag Björklund;;1003;natur- och trafikdirektör;Stadsledningskontoret;1001\n"
    "Anna Exempel;anna.exempel@example.org;2001;enhetschef;Kontaktcenter;1002\n"
)


def run(tmp_path, text, *args, name="chefer.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("managers", "import", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_file_becomes_the_line_matching_known_directors_by_name(town, tmp_path):
    out, _ = run(tmp_path, SPRING, "--from", "2015-01-01")
    assert "4 managers from 2015-01-01: 4 new or changed" in out
    lena = Person.objects.get(municipality=town, slug="lena-dahlstedt")
    assert lena.employee_number == "1001"
    assert lena.email == "lena.dahlstedt@nacka.se"
    anna = Person.objects.get(municipality=town, employee_number="2001")
    rows = {row.person_id: row for row in managers_on(town, dt.date(2015, 3, 1))}
    assert rows[anna.id].director_id == Person.objects.get(slug="mats-bohman").id
    assert rows[lena.id].director_id == lena.id
    assert rows[lena.id].post_id is not None  # her stadsdirektör post


def test_a_later_file_moves_a_manager_from_its_day_and_keeps_the_earlier_line(town, tmp_path):
    run(tmp_path, SPRING, "--from", "2015-01-01")
    autumn = SPRING.replace("Kontaktcenter;1002", "Kontaktcenter;1003")
    out, _ = run(tmp_path, autumn, "--from", "2015-07-01")
    assert "1 new or changed, 3 unchanged" in out
    anna = Person.objects.get(employee_number="2001")
    mats, dag = Person.objects.get(slug="mats-bohman"), Person.objects.get(slug="dag-bjorklund")

    def director(day):
        return {r.person_id: r.director_id for r in managers_on(town, day)}[anna.id]

    assert director(dt.date(2015, 6, 30)) == mats.id
    assert director(dt.date(2015, 7, 1)) == dag.id
    assert ManagerAssignment.objects.filter(person=anna).count() == 2


def test_a_manager_missing_from_a_later_file_is_ended_the_day_before(town, tmp_path):
    run(tmp_path, SPRING, "--from", "2015-01-01")
    out, _ = run(tmp_path, SPRING.rsplit("Anna", 1)[0], "--from", "2015-10-01")
    assert "1 no longer managers" in out and "ended: Anna Exempel" in out
    anna = ManagerAssignment.objects.get(person__employee_number="2001")
    assert anna.end == dt.date(2015, 9, 30)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (SPRING.replace("Kontaktcenter", "Månbasen"), "Rad 5: okänd enhet ”Månbasen”"),
        (
            SPRING.replace("enhetschef;Kontaktcenter;1002", "enhetschef;Kontaktcenter;2001"),
            "Rad 5: Anna Exempel är angiven som sin egen chef",
        ),
        (SPRING.replace(";2001;", ";1003;"), "Rad 5: anställningsnumret 1003 finns redan på rad 4"),
        (
            SPRING.replace("stadsledningskontoret;\n", "stadsledningskontoret;2001\n"),
            "chefsleden går i cirkel",
        ),
        (SPRING.replace("titel;", ""), "Rad 1: kolumnen titel saknas i rubrikraden"),
    ],
)
def test_bad_input_is_named_by_row_and_nothing_is_loaded(town, tmp_path, text, message):
    with pytest.raises(CommandError, match="nothing was loaded"):
        run(tmp_path, text, "--from", "2015-01-01")
    err = io.StringIO()
    path = tmp_path / "chefer.csv"
    with pytest.raises(CommandError):
        call_command("managers", "import", str(path), stderr=err)
    assert message in err.getvalue()
    assert ManagerAssignment.objects.count() == 0
    assert not Person.objects.filter(employee_number__gt="").exists()


def test_a_file_dated_before_a_loaded_one_is_refused(town, tmp_path):
    run(tmp_path, SPRING, "--from", "2015-07-01")
    with pytest.raises(CommandError):
        run(tmp_path, SPRING, "--from", "2015-01-01")
    assert ManagerAssignment.objects.filter(start=dt.date(2015, 1, 1)).count() == 0


def test_an_excel_file_is_read_like_the_csv(town, tmp_path):
    book = Workbook()
    for line in SPRING.strip().split("\n"):
        book.active.append(line.split(";"))
    path = tmp_path / "chefer.xlsx"
    book.save(path)
    call_command("managers", "import", str(path), "--from", "2015-01-01", stdout=io.StringIO())
    assert ManagerAssignment.objects.count() == 4
