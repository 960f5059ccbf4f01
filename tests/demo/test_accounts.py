"""The demo's directors can sign in and find their own actions."""

import pytest
from django.core.management import call_command

from styr.accounts.policy import can
from styr.demo.accounts import DEMO_PASSWORD, load_demo_accounts
from styr.plans.models import Action

pytestmark = pytest.mark.django_db


def test_every_director_gets_an_account_tied_to_their_person(demo):
    usernames = load_demo_accounts(demo)
    for name in ("lena-dahlstedt", "elisabeth-carle", "klara-palmberg-broryd", "admin", "lasare"):
        assert name in usernames
    from django.contrib.auth import get_user_model

    lena = get_user_model().objects.get(username="lena-dahlstedt")
    assert lena.account.person.name == "Lena Dahlstedt"
    assert lena.check_password(DEMO_PASSWORD)
    assert lena.email.endswith("@nacka.example")


def test_the_strategy_director_administers_the_plans_and_directors_report_on_theirs(demo):
    load_demo_accounts(demo)
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    klara, lena = users.get(username="klara-palmberg-broryd"), users.get(username="lena-dahlstedt")
    action = Action.objects.get(title="Utveckling av ledningsgruppen")
    assert can(klara, "reports.publish_report", action.plan)
    assert can(lena, "plans.report_status", action)
    assert not can(lena, "reports.publish_report", action.plan)


def test_loading_the_accounts_twice_links_the_same_accounts(demo):
    first = load_demo_accounts(demo)
    assert load_demo_accounts(demo) == first


def test_styr_demo_replace_keeps_the_accounts_working(demo):
    load_demo_accounts(demo)
    call_command("demo", "--replace", verbosity=0)
    from django.contrib.auth import get_user_model

    lena = get_user_model().objects.get(username="lena-dahlstedt")
    lena.refresh_from_db()
    assert lena.account.person.name == "Lena Dahlstedt"


def test_the_manager_meetings_coordinator_gets_an_account_that_records_attendance(demo):
    from django.contrib.auth import get_user_model

    from styr.meetings.models import Meeting

    assert "kersti-hedqvist" in load_demo_accounts(demo)
    kersti = get_user_model().objects.get(username="kersti-hedqvist")
    meeting = Meeting.objects.filter(municipality=demo).first()
    assert can(kersti, "meetings.record_attendance", meeting)
