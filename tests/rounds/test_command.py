"""`styr round open|close|list`: the same domain as the web, clear refusals, nothing written."""

import datetime as dt
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from styr.rounds.models import Round
from tests.conftest import PLAN_SLUG
from tests.process import styr


def today():
    return timezone.localdate()


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("round", *args, stdout=out)
    return out.getvalue()


def test_open_prints_the_rounds_id_title_due_date_and_url(cast, settings):
    settings.BASE_URL = "https://styr.nacka.se"
    due = today() + dt.timedelta(days=14)

    out = run(
        "open",
        PLAN_SLUG,
        "--due",
        due.isoformat(),
        "--message",
        "Senast fredag.",
        "--user",
        "strateg-plan",
    )

    opened = Round.objects.get()
    assert (opened.due, opened.message, opened.opened_by) == (due, "Senast fredag.", cast.strateg)
    assert opened.title.startswith("Uppföljning ")
    assert f"Opened round {opened.pk}: {opened.title!r}, due {due}." in out
    assert f"https://styr.nacka.se/planer/{PLAN_SLUG}/uppfoljning/{opened.pk}/" in out


def test_the_plan_may_be_named_by_its_diarienummer(plan):
    run("open", plan.registration_number, "--due", today().isoformat(), "--title", "Vinter")

    assert Round.objects.get().title == "Vinter"


@pytest.mark.parametrize(
    "args, message",
    [
        (["open", "ingen-sadan-plan", "--due", "2100-01-01"], "unknown plan 'ingen-sadan-plan'"),
        (["open", PLAN_SLUG, "--due", "2100-02-30"], "Ogiltigt datum ”2100-02-30” för --due"),
        (["open", PLAN_SLUG, "--due", "2100-01-01", "--user", "nobody"], "unknown user 'nobody'"),
        (["open", PLAN_SLUG, "--due", "2100-01-01", "--user", "elisabeth"], "may not do this"),
        (["open", PLAN_SLUG, "--due", "2000-01-01"], "har redan passerat"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_written(cast, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args)

    assert not Round.objects.exists()


def test_close_closes_an_open_round_once(cast):
    run("open", PLAN_SLUG, "--due", today().isoformat(), "--title", "Nu")
    opened = Round.objects.get()

    with pytest.raises(CommandError, match="may not do this"):
        run("close", str(opened.pk), "--user", "lasare")
    out = run("close", str(opened.pk), "--user", "strateg-plan")

    opened.refresh_from_db()
    assert opened.closed_by == cast.strateg
    assert f"Closed round {opened.pk}: 'Nu'." in out
    with pytest.raises(CommandError, match="stängdes redan"):
        run("close", str(opened.pk))
    with pytest.raises(CommandError, match="no round 999999"):
        run("close", "999999")


def test_list_shows_open_rounds_first(plan):
    old = Round.objects.create(
        plan=plan,
        title="Våren",
        due=today() - dt.timedelta(days=30),
        opened_at=timezone.now() - dt.timedelta(days=40),
    )
    run("open", PLAN_SLUG, "--due", today().isoformat(), "--title", "Nu")

    lines = run("list").splitlines()
    assert [line.split("\t")[2] for line in lines] == ["Nu", "Våren"]
    assert lines[1].split("\t")[3:5] == [f"due {old.due}", f"closed {old.due}"]
    assert run("list", PLAN_SLUG).splitlines() == lines
    assert lines[0].split("\t")[4] == "open"


def test_list_without_rounds_says_so(db):
    assert run("list") == "No rounds.\n"


def test_styr_round_open_in_a_process_of_its_own(tmp_path):
    env = {
        "STYR_DATA_DIR": str(tmp_path),
        "STYR_DEBUG": "1",
        "STYR_BASE_URL": "https://styr.example",
    }
    assert styr("up", "--no-serve", **env).returncode == 0
    due = (today() + dt.timedelta(days=7)).isoformat()

    opened = styr(
        "round", "open", PLAN_SLUG, "--due", due, "--title", "Uppföljning i december", **env
    )
    bad = styr("round", "open", PLAN_SLUG, "--due", "31/12", **env)

    assert opened.returncode == 0, opened.stderr
    assert re.search(rf"Opened round \d+: 'Uppföljning i december', due {due}\.", opened.stdout)
    assert f"https://styr.example/planer/{PLAN_SLUG}/uppfoljning/" in opened.stdout
    assert bad.returncode != 0
    assert "Ogiltigt datum ”31/12” för --due" in bad.stderr
    listed = styr("round", "list", **env)
    assert listed.stdout.count("\n") == 1 and "\topen\t" in listed.stdout
