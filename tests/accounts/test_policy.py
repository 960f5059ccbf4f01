"""The policy answers by role and responsibility, object by object."""

import pytest

from styr.accounts.policy import can, forget
from styr.org.models import Post
from styr.plans.models import Responsibility
from tests import html

pytestmark = pytest.mark.django_db


def allowed(cast, right, obj) -> set[str]:
    return {name for name, user in cast.users() if can(user, right, obj)}


def test_only_those_answering_for_an_action_and_its_plans_strateg_may_report_on_it(cast):
    assert allowed(cast, "plans.report_status", cast.action) == {"responsible", "strateg"}
    assert allowed(cast, "plans.report_status", cast.other_action) == {
        "other_responsible",
        "other_strateg",
    }


def test_a_strateg_for_one_plan_may_not_publish_another(cast):
    assert allowed(cast, "reports.publish_report", cast.plan) == {"strateg"}
    assert allowed(cast, "reports.publish_report", cast.other_plan) == {"other_strateg"}


def test_only_an_admin_changes_the_organisation(cast):
    assert allowed(cast, "org.change_organisation", cast.plan.municipality) == {"admin"}


def test_importing_a_plan_needs_a_strateg_for_the_whole_municipality(cast):
    assert allowed(cast, "imports.import_plan", cast.plan.municipality) == set()


def test_drafts_are_for_insiders(cast):
    cast.other_plan.published_at = None
    assert allowed(cast, "plans.view_plan", cast.other_plan) == {"reader", "other_strateg", "admin"}
    assert allowed(cast, "plans.report_status", cast.other_action) == {"other_strateg"}


def test_whoever_holds_a_named_post_today_answers_for_the_action(cast):
    # Elisabeth Carle is personaldirektör (from 2015, open-ended) in the demo.
    Responsibility.objects.create(
        action=cast.other_action, post=Post.objects.get(slug="personaldirektor")
    )
    forget(cast.responsible)
    assert can(cast.responsible, "plans.report_status", cast.other_action)
    assert not can(cast.reader, "plans.report_status", cast.other_action)


def test_internal_notes_are_for_insiders_and_for_those_answering_for_the_action(cast):
    assert allowed(cast, "plans.view_internal", cast.action) == {
        "reader",
        "responsible",
        "strateg",
        "admin",
    }
    assert "responsible" not in allowed(cast, "plans.view_internal", cast.other_action)


def test_the_public_never_sees_an_internal_note(cast, client):
    from styr.plans.domain import record_status_update

    record_status_update(
        cast.action,
        date=cast.action.introduced_on,
        status="in_progress",
        note="Offentligt.",
        internal_note="Bara internt.",
        author=cast.responsible,
    )
    public = client.get(cast.action.get_absolute_url())
    assert "Offentligt." in html.texts(
        html.parse(public), "//ol[@class='timeline']//p[@class='note']"
    )
    assert "Bara internt." not in public.content.decode()
    client.force_login(cast.responsible)
    internal = html.parse(client.get(cast.action.get_absolute_url()))
    assert html.texts(internal, "//p[@class='note internal']") == [
        "Intern kommentar (visas inte publikt): Bara internt."
    ]
