"""A record never moves to another municipality through the admin: what hangs on it (a
survey's answers, a goal's indicators, a plan's actions) belongs to its municipality's
units, and what is stored of it is kept per municipality."""

from django.contrib import admin
from django.test import Client, RequestFactory

from styr.accounts.admin_site import PolicyModelAdmin
from styr.goals.models import Goal
from styr.org.models import Municipality


def _admins_with_a_municipality():
    for model, model_admin in admin.site._registry.items():
        fields = {field.name for field in model._meta.get_fields()}
        if isinstance(model_admin, PolicyModelAdmin) and "municipality" in fields:
            yield model, model_admin


def test_every_admin_with_a_municipality_shows_it_read_only_once_the_record_exists(db):
    request = RequestFactory().get("/admin/")
    checked = []
    for model, model_admin in _admins_with_a_municipality():
        existing = model(pk=1)
        assert "municipality" in model_admin.get_readonly_fields(request, existing), model
        checked.append(model._meta.model_name)
    assert {"goal", "indicator"} <= set(checked)


def test_a_goal_posted_with_another_municipality_stays_in_its_own(demo, django_user_model):
    other = Municipality.objects.create(name="Värmdö kommun", slug="varmdo")
    goal = Goal.objects.filter(municipality=demo).first()
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    change = f"/admin/goals/goal/{goal.pk}/change/"
    form = client.get(change).context["adminform"].form
    assert "municipality" not in form.fields
    assert "municipality" in client.get("/admin/goals/goal/add/").context["adminform"].form.fields
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    response = client.post(change, data | {"municipality": other.pk, "title": "Nytt namn"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.municipality) == ("Nytt namn", demo)
