"""`styr hme import` and `styr hme generate`: messages, exit codes, nothing half-written."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from styr.engagement.models import EngagementResponse, EngagementSurvey
from styr.org.models import Municipality
from tests.engagement.conftest import rows_for, write_answers

FOURS = [4] * 9
ROOT = Path(__file__).resolve().parents[2]


def hme(*args):
    out, err = StringIO(), StringIO()
    call_command("hme", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_reports_what_was_saved(town, tmp_path):
    path = write_answers(tmp_path / "hme.csv", rows_for("Skolenheten", FOURS, 12))
    out, _err = hme("import", path, "--year", "2015", "--date", "2015-10-01", "--title", "HME 15")
    assert out == "Imported 'HME 15' (2015): 12 respondents in 1 units.\n"
    survey = EngagementSurvey.objects.get()
    assert (survey.title, str(survey.conducted_on)) == ("HME 15", "2015-10-01")


def test_import_errors_exit_1_with_every_problem_and_nothing_saved(town, tmp_path):
    path = write_answers(
        tmp_path / "hme.csv", [("Skolenheten", 5, 4, 3, 6, 4, 5, 1, 2, 3), ("Brandkåren", *FOURS)]
    )
    with pytest.raises(CommandError) as raised:
        hme("import", path, "--year", "2015")
    assert raised.value.returncode == 1
    assert str(raised.value) == (
        'hme.csv, line 2, field "q4": "6" is not an answer 1–5\n'
        'hme.csv, line 3, field "enhet": unknown unit "Brandkåren"\n'
        "Nothing was saved."
    )
    assert not EngagementSurvey.objects.exists()


def test_skip_bad_loads_the_good_rows_and_lists_the_skipped(town, tmp_path):
    path = write_answers(
        tmp_path / "hme.csv", [("Brandkåren", *FOURS), *rows_for("Skolenheten", FOURS, 2)]
    )
    out, err = hme("import", path, "--year", "2015", "--skip-bad")
    assert (
        out
        == "Imported 'Medarbetarenkät (HME) 2015' (2015): 2 respondents in 1 units, 1 rows skipped.\n"
    )
    assert err == 'skipped: hme.csv, line 2, field "enhet": unknown unit "Brandkåren"\n'
    assert EngagementResponse.objects.count() == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--date", "1 okt"],
            "Error: argument --date: Ogiltigt datum ”1 okt” för --date. Ange ett datum som "
            "ÅÅÅÅ-MM-DD mellan 1950-01-01 och 2100-12-31, t.ex. 2015-09-02.",
        ),
        (
            ["--date", "9999-12-31"],
            "Error: argument --date: Ogiltigt datum ”9999-12-31” för --date. Ange ett datum som "
            "ÅÅÅÅ-MM-DD mellan 1950-01-01 och 2100-12-31, t.ex. 2015-09-02.",
        ),
        (
            ["--year", "1800"],
            "Error: argument --year: Ogiltigt år ”1800” för --year. Ange året med fyra siffror, "
            "mellan 1950 och 2100, t.ex. 2016.",
        ),
        (["--municipality", "nowhere"], "unknown municipality 'nowhere'; known: testby"),
    ],
)
def test_bad_options_are_named(town, tmp_path, args, message):
    path = write_answers(tmp_path / "hme.csv", [("Skolenheten", *FOURS)])
    with pytest.raises(CommandError, match=f"^{re.escape(message)}$"):
        hme("import", path, "--year", "2015", *args)
    assert EngagementSurvey.objects.count() == 0


def test_several_municipalities_need_the_option(town, tmp_path):
    Municipality.objects.create(name="Annanstad", slug="annan")
    path = write_answers(tmp_path / "hme.csv", [("Skolenheten", *FOURS)])
    with pytest.raises(CommandError, match="^give --municipality: annan, testby$"):
        hme("import", path, "--year", "2015")
    hme("import", path, "--year", "2015", "--municipality", "testby")
    assert EngagementSurvey.objects.get().municipality == town


def test_generate_writes_a_file_that_imports(town, tmp_path):
    target = tmp_path / "demo.csv"
    out, _err = hme("generate", "-o", target)
    assert out == f"Wrote made-up answers for 3 units to {target}.\n"
    assert target.read_text(encoding="utf-8").startswith("respondent;enhet;q1;q2;")
    hme("import", target, "--year", "2015")
    assert EngagementResponse.objects.count() > 24


def test_generate_to_an_unwritable_place_leaves_no_file(town, tmp_path):
    with pytest.raises(CommandError, match="^cannot write "):
        hme("generate", "-o", tmp_path / "saknas" / "demo.csv")
    assert not (tmp_path / "saknas").exists()


def run(*args, database):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run(
        [sys.executable, "-c", "from styr.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_the_command_line_exits_0_on_success_and_1_with_the_message_on_errors(tmp_path):
    database = tmp_path / "styr.sqlite3"
    assert run("migrate", "-v", "0", database=database).returncode == 0
    good = write_answers(tmp_path / "hme.csv", rows_for("Enheten", FOURS, 10))

    nobody = run("hme", "import", good, "--year", "2015", database=database)
    assert nobody.returncode == 1
    assert "give --municipality: there is none" in nobody.stderr

    setup = (
        "from styr.org.models import Municipality, Unit; "
        "m = Municipality.objects.create(name='Testby kommun', slug='testby'); "
        "Unit.objects.create(municipality=m, slug='enheten', name='Enheten', kind='enhet')"
    )
    assert run("shell", "-c", setup, database=database).returncode == 0
    saved = run("hme", "import", good, "--year", "2015", database=database)
    assert saved.returncode == 0, saved.stderr
    assert "10 respondents in 1 units" in saved.stdout

    again = run("hme", "import", good, "--year", "2015", database=database)
    assert again.returncode == 1
    assert "already has an HME survey for 2015" in again.stderr
    assert "Nothing was saved." in again.stderr

    usage = run("hme", database=database)
    assert usage.returncode == 2  # argparse: a subcommand is required
