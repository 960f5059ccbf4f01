"""`styr user add` and `styr user list`: accounts for setup and scripts."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from styr.accounts.models import RoleGrant
from styr.accounts.policy import can
from styr.plans.models import Action

pytestmark = pytest.mark.django_db


def run(*args, stdin: str = "") -> str:
    out = io.StringIO()
    if stdin:
        import sys

        old, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            call_command("user", *args, stdout=out)
        finally:
            sys.stdin = old
    else:
        call_command("user", *args, stdout=out)
    return out.getvalue()


def test_a_director_added_from_the_command_line_may_report_on_their_actions(demo):
    run(
        "add",
        "lena",
        "--email",
        "lena@nacka.example",
        "--person",
        "Lena Dahlstedt",
        "--password-stdin",
        stdin="ett-langt-losenord-2015\n",
    )
    lena = get_user_model().objects.get(username="lena")
    assert lena.check_password("ett-langt-losenord-2015")
    assert lena.account.person.name == "Lena Dahlstedt"
    action = Action.objects.get(title="Utveckling av ledningsgruppen")
    assert can(lena, "plans.report_status", action)
    assert not can(lena, "reports.publish_report", action.plan)


def test_a_strateg_for_one_plan(demo, plan):
    run(
        "add",
        "strateg",
        "--email",
        "s@nacka.example",
        "--role",
        "strateg",
        "--plan",
        "KFKS 2012/577-001",
    )
    grant = RoleGrant.objects.get(user__username="strateg")
    assert (grant.role, grant.plan) == ("strateg", plan)
    assert can(grant.user, "reports.publish_report", plan)


def test_roles_are_spelled_in_swedish_with_or_without_the_umlaut(demo):
    run("add", "l1", "--email", "l1@nacka.example", "--role", "läsare")
    run("add", "l2", "--email", "l2@nacka.example", "--role", "lasare")
    assert set(RoleGrant.objects.values_list("role", flat=True)) == {"lasare"}


def test_without_a_password_the_account_waits_for_a_reset(demo):
    output = run("add", "utan", "--email", "utan@nacka.example")
    assert not get_user_model().objects.get(username="utan").has_usable_password()
    assert "password reset" in output


def test_the_list_shows_person_and_roles(demo, plan):
    run(
        "add",
        "lena",
        "--email",
        "lena@nacka.example",
        "--person",
        "Lena Dahlstedt",
        "--role",
        "admin",
    )
    run("add", "strateg", "--email", "s@nacka.example", "--role", "strateg", "--plan", plan.slug)
    lines = run("list").splitlines()
    assert "lena\tlena@nacka.example\tLena Dahlstedt\tadministratör (nacka)" in lines
    assert f"strateg\ts@nacka.example\t-\tstrateg ({plan.slug})" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--person", "Okänd Person"], "no person called 'Okänd Person'"),
        (["--role", "chef"], "Okänd roll ”chef”"),
        (["--plan", "finns-inte"], "unknown plan 'finns-inte'"),
        (["--role", "admin", "--plan", "KFKS 2012/577-001"], "--plan goes with --role strateg"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(demo, args, message):
    with pytest.raises(CommandError, match=message):
        run("add", "ny", "--email", "ny@nacka.example", *args)
    assert not get_user_model().objects.filter(username="ny").exists()


def test_a_taken_username_or_a_person_with_an_account_is_refused(demo):
    run("add", "lena", "--email", "lena@nacka.example", "--person", "Lena Dahlstedt")
    with pytest.raises(CommandError, match="finns redan"):
        run("add", "lena", "--email", "annan@nacka.example")
    with pytest.raises(CommandError, match="har redan ett konto"):
        run("add", "lena2", "--email", "l2@nacka.example", "--person", "Lena Dahlstedt")


def test_a_bad_email_or_a_weak_password_is_refused(demo):
    with pytest.raises(CommandError, match="e-post|giltig|valid"):
        run("add", "x", "--email", "inte-en-adress")
    with pytest.raises(CommandError):
        run("add", "y", "--email", "y@nacka.example", "--password-stdin", stdin="kort\n")
    assert not get_user_model().objects.filter(username__in=["x", "y"]).exists()
