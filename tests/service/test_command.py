"""`styr cases import` and `styr cases generate`: messages and exit codes."""

import pytest

from styr.org.models import Municipality
from styr.service.management.commands.cases import Command
from styr.service.models import ServiceCase, ServiceCaseImport
from tests.service.conftest import case_csv, case_line

# run_from_argv closes the database connection when it ends, as at the end of a real run;
# that needs real transactions rather than one test transaction rolled back at the end.
pytestmark = pytest.mark.django_db(transaction=True)


def run(*args) -> int:
    """Run `styr cases …` as the command line does; the exit code.

    System checks are skipped: they test the whole project, not this command."""
    try:
        Command().run_from_argv(["styr", "cases", "--skip-checks", *map(str, args)])
    except SystemExit as exit:
        return exit.code
    return 0


def test_import_prints_the_count_and_exits_0(nacka, write_csv, capsys):
    lines = [case_line(f"2015-03-{day:02d}") for day in range(1, 29)] * 40
    path = write_csv(case_csv(*lines))
    assert run("import", path) == 0
    out = capsys.readouterr().out
    assert "cases.csv: 1 120 cases imported for Nacka kommun" in out
    assert ServiceCase.objects.count() == 1120


def test_bad_file_exits_1_with_the_message_and_writes_nothing(nacka, write_csv, capsys):
    path = write_csv(case_csv(case_line(), case_line(received="2015-13-02")))
    assert run("import", path) == 1
    err = capsys.readouterr().err
    assert 'cases.csv, line 3, field "received": "2015-13-02" is not a date' in err
    assert "cases.csv: nothing was imported." in err
    assert not ServiceCase.objects.exists()


def test_skip_bad_lists_skipped_lines(nacka, write_csv, capsys):
    path = write_csv(case_csv(case_line(), case_line(requester="x", resolved="?"), case_line()))
    assert run("import", path, "--skip-bad") == 0
    out = capsys.readouterr().out
    assert 'skipped cases.csv, line 3, field "requester": "x" is not a requester' in out
    assert 'skipped cases.csv, line 3, field "resolved_at_first_contact"' in out
    assert "cases.csv: 1 line skipped" in out
    assert "cases.csv: 2 cases imported" in out


def test_ignored_columns_are_mentioned(nacka, write_csv, capsys):
    path = write_csv("id;" + case_csv("1;" + case_line()))
    assert run("import", path) == 0
    assert 'cases.csv: ignored columns "id"' in capsys.readouterr().out


def test_importing_twice_exits_1(nacka, write_csv, capsys):
    path = write_csv(case_csv(case_line()))
    assert run("import", path) == 0
    assert run("import", path) == 1
    assert "already imported on" in capsys.readouterr().err
    assert ServiceCaseImport.objects.count() == 1


def test_municipality_is_required_when_there_are_several(nacka, write_csv, capsys):
    Municipality.objects.create(name="Värmdö kommun", slug="varmdo")
    path = write_csv(case_csv(case_line()))
    assert run("import", path) == 1
    assert "give --municipality: nacka, varmdo" in capsys.readouterr().err
    assert run("import", path, "--municipality", "stockholm") == 1
    assert "unknown municipality 'stockholm'" in capsys.readouterr().err
    assert run("import", path, "--municipality", "varmdo") == 0
    assert ServiceCase.objects.get().municipality.slug == "varmdo"


def test_no_municipality_at_all(db, write_csv, capsys):
    assert run("import", write_csv(case_csv(case_line()))) == 1
    assert "there is none" in capsys.readouterr().err


def test_missing_subcommand_is_a_usage_error(capsys):
    assert run() == 2
    assert "required" in capsys.readouterr().err


def test_generate_writes_a_file_that_imports(nacka, tmp_path, capsys):
    path = tmp_path / "2015.csv"
    assert run("generate", "--year", "2015", "-o", path) == 0
    assert "generated cases for 2015" in capsys.readouterr().err
    assert run("import", path) == 0
    assert ServiceCase.objects.count() == path.read_text().count("\n") - 1
    # A file from the command line is real data as far as Styr knows.
    assert ServiceCaseImport.objects.get().generated is False


def test_generate_to_stdout(capsys):
    assert run("generate", "--year", "2016", "--seed", "3") == 0
    out = capsys.readouterr().out
    assert out.startswith("mottaget;kanal;")
    assert "\n2016-12-" in out


@pytest.mark.parametrize("year", ["1900", "abc"])
def test_generate_refuses_a_bad_year(year, capsys):
    assert run("generate", "--year", year) in (1, 2)
