"""`styr meetings`: listing, importing a list (all or nothing) and the rates as JSON."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from styr.meetings.domain import record_attendance
from styr.meetings.models import Attendance
from tests.meetings.factory import small_org


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("meetings", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_importing_a_list_records_it_and_a_bad_one_names_its_rows_and_saves_nothing(db, tmp_path):
    org = small_org(managers=2)
    meeting = org.meeting(dt.date(2015, 10, 1))
    good = tmp_path / "lista.csv"
    good.write_text("namn;närvaro\nChef A001;närvarande\nChef A002;anmält förhinder\n")
    out, _ = run("import", str(good), "--meeting", str(meeting.pk))
    assert "1 narvarande, 1 forhinder, 0 franvarande; 2 rows written" in out
    bad = tmp_path / "fel.csv"
    bad.write_text("namn;närvaro\nChef A001;frånvarande\nOkänd;närvarande\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("meetings", "import", str(bad), "--meeting", str(meeting.pk), stderr=err)
    assert "fel.csv: rad 3, kolumn namn: okänd person: Okänd" in err.getvalue()
    assert Attendance.objects.get(person=org.person("a1")).status == "narvarande"


def test_an_unknown_meeting_is_named(db, tmp_path):
    small_org(managers=1)
    with pytest.raises(CommandError, match="--meeting 999: no such meeting"):
        run("import", str(tmp_path / "x.csv"), "--meeting", "999")


def test_the_rates_as_json_per_directors_line(db):
    org = small_org(managers=2)
    meeting = org.meeting(dt.date(2015, 10, 1))
    record_attendance(
        meeting, {org.person("a1").id: "narvarande", org.person("anna").id: "forhinder"}
    )
    out, _ = run("rates", "--from", "2015-07-01", "--to", "2015-12-31", "--format", "json")
    result = json.loads(out)
    anna = next(line for line in result["lines"] if line["director"] == "Anna Direktör")
    assert (anna["present"], anna["excused"], anna["absent"], anna["share"]) == (1, 1, 1, 33.3)
    assert [p["name"] for p in anna["people"]] == ["Anna Direktör", "Chef A001", "Chef A002"]
    assert (result["meetings"], result["present"]) == (1, 1)


def test_a_bad_date_is_refused(db):
    small_org(managers=1)
    with pytest.raises(CommandError):
        run("rates", "--from", "2015-13-01", "--to", "2015-12-31")
