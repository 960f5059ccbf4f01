"""Editing in the admin: Swedish, searchable, and status history only grows."""

import datetime as dt

import pytest

from styr.plans.models import Action, StatusUpdate
from tests import html

pytestmark = pytest.mark.django_db


def errors(page) -> list[str]:
    """The admin form's error messages (Django lists them in ul.errorlist)."""
    return html.texts(page, "//div[@id='content-main']//ul[contains(@class, 'errorlist')]/li")


def change_form_data(response) -> dict:
    """The POST data the admin change form would send unchanged, inlines included."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name, field in management.fields.items():
            data[management.add_prefix(name)] = management.initial.get(name, field.initial)
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, list | tuple):
                data[form.add_prefix(name)] = value
            elif isinstance(value, dt.date):
                data[form.add_prefix(name)] = value.isoformat()
            else:
                data[form.add_prefix(name)] = value
    return {key: value for key, value in data.items() if value is not False}


def test_admin_is_in_swedish(staff_client, demo):
    page = html.parse(staff_client.get("/admin/"))
    assert "Handlingsplaner" in html.texts(page, "//div[@id='content-main']//caption")
    assert "Åtgärder" in html.texts(page, "//div[@id='content-main']//th[@scope='row']")


def test_admin_search_finds_an_action_by_a_responsible_persons_other_spelling(staff_client, demo):
    response = staff_client.get("/admin/plans/action/", {"q": "Boman"})
    titles = {action.title for action in response.context["cl"].result_list}
    assert titles == {
        "Smart kommun",
        "Utveckling av service till medborgare, förtroendevalda och medarbetare",
        "Råden inom kommunstyrelsens ansvarsområde får tjänstemannastöd från förnyelseenheten",
    }


def test_admin_filters_actions_by_origin(staff_client, demo):
    response = staff_client.get("/admin/plans/action/", {"origin__exact": "new"})
    assert response.context["cl"].result_count == 7


def test_adding_a_status_update_in_the_admin_appends_without_touching_old_ones(
    staff_client, staff, plan
):
    action = Action.objects.get(
        plan=plan, title="Översyn av chefsnivåer i Nacka med fokus på gruppchefsnivån"
    )
    old = action.status_updates.get()
    url = f"/admin/plans/action/{action.id}/change/"
    data = change_form_data(staff_client.get(url))
    prefix = "status_updates"
    extra = int(data[f"{prefix}-INITIAL_FORMS"])
    data.update(
        {
            f"{prefix}-{extra}-date": "2015-12-15",
            f"{prefix}-{extra}-status": "done",
            f"{prefix}-{extra}-note": "Översynen klar.",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    updates = list(action.status_updates.order_by("date"))
    assert [(u.date, u.status, u.note) for u in updates] == [
        (old.date, old.status, old.note),
        (dt.date(2015, 12, 15), "done", "Översynen klar."),
    ]
    assert updates[1].author == staff
    assert StatusUpdate.objects.get(pk=old.pk).recorded_at == old.recorded_at


def test_admin_refuses_a_status_update_dated_before_the_action_existed(staff_client, plan):
    action = Action.objects.get(plan=plan, title="Kvalitetsutveckling")
    url = f"/admin/plans/action/{action.id}/change/"
    data = change_form_data(staff_client.get(url))
    extra = int(data["status_updates-INITIAL_FORMS"])
    data.update(
        {
            f"status_updates-{extra}-date": "2014-01-01",
            f"status_updates-{extra}-status": "done",
        }
    )
    response = staff_client.post(url, data)
    (error,) = errors(html.parse(response))
    assert "före åtgärden fördes in i planen" in error
    assert not action.status_updates.exists()


def test_status_updates_cannot_be_changed_or_deleted_in_the_admin(staff_client, plan):
    update = StatusUpdate.objects.filter(action__plan=plan).first()
    change = staff_client.post(f"/admin/plans/statusupdate/{update.id}/change/", {"note": "x"})
    delete = staff_client.post(f"/admin/plans/statusupdate/{update.id}/delete/", {"post": "yes"})
    assert change.status_code == 403
    assert delete.status_code == 403
    assert StatusUpdate.objects.get(pk=update.pk).note == update.note


def overdue_on_memo_day(plan) -> list[str]:
    from styr.reports.domain import make_report
    from tests.conftest import MEMO_DAY

    return [item.title for item in make_report(plan, MEMO_DAY).overdue]


def test_a_deadline_changed_in_the_admin_needs_a_reason_and_leaves_the_past_as_it_was(cast):
    from django.test import Client

    from styr.plans.models import ActionVersion

    client = Client()
    client.force_login(cast.strateg)
    before = overdue_on_memo_day(cast.plan)
    action = Action.objects.get(plan=cast.plan, title=before[0])
    url = f"/admin/plans/action/{action.id}/change/"
    data = change_form_data(client.get(url))
    data.update(
        deadline_text="hösten 2030", deadline_date="2030-12-31", deadline_precision="season"
    )

    refused = client.post(url, data)
    assert errors(html.parse(refused)) == ["Ange varför åtgärden ändras."]
    assert Action.objects.get(pk=action.pk).deadline_text == action.deadline_text

    data["change_reason"] = "Nämnden beslutade om ny tidplan."
    assert client.post(url, data).status_code == 302
    version = ActionVersion.objects.filter(action=action).latest("recorded_at")
    assert (version.deadline_text, version.reason, version.recorded_by) == (
        "hösten 2030",
        "Nämnden beslutade om ny tidplan.",
        cast.strateg,
    )
    # The lägesrapport as of the memo's day lists the same late actions as before the edit.
    assert overdue_on_memo_day(cast.plan) == before


def test_a_strateg_for_another_plan_may_read_but_not_change_this_plans_action(cast):
    from django.test import Client

    client = Client()
    client.force_login(cast.other_strateg)
    url = f"/admin/plans/action/{cast.action.id}/change/"
    page = client.get(url)
    assert page.status_code == 200
    data = change_form_data(page)
    data.update(title="Kapad titel", change_reason="Försök")
    assert client.post(url, data).status_code == 403
    assert Action.objects.get(pk=cast.action.pk).title == cast.action.title


def test_an_admin_cannot_grant_a_role_in_another_municipality_through_the_user_form(cast):
    from django.test import Client

    from styr.accounts.models import RoleGrant
    from styr.demo.synthetic import build_plan

    elsewhere = build_plan(actions=1, slug="annan-kommun")
    client = Client()
    client.force_login(cast.admin)
    url = f"/admin/auth/user/{cast.reader.id}/change/"
    data = change_form_data(client.get(url))
    prefix = "role_grants"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": total + 1,
            f"{prefix}-{total}-role": "strateg",
            f"{prefix}-{total}-municipality": elsewhere.municipality_id,
            f"{prefix}-{total}-user": cast.reader.id,
        }
    )
    assert client.post(url, data).status_code == 403
    assert not RoleGrant.objects.filter(municipality=elsewhere.municipality).exists()
