"""The digest's subscription page: anyone signed in subscribes themselves; the plan's
strateg sees the subscribers and adds addresses; nobody else sees the addresses."""

import pytest
from auditlog.models import LogEntry
from django.test import Client

from styr.reminders.models import OptOut, Subscription


@pytest.fixture
def page(cast):
    return f"/planer/{cast.plan.slug}/bevakning/"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_signed_in_reader_subscribes_and_unsubscribes_themselves(cast, page):
    client = client_for(cast.responsible)
    own = cast.responsible.email

    assert "Du prenumererar inte på veckans ändringar." in client.get(page).content.decode()
    client.post(page, {"subscribe": "1"})
    assert Subscription.objects.filter(plan=cast.plan, email=own).exists()
    shown = client.get(page).content.decode()
    assert f"Du får veckans ändringar till {own}." in shown

    client.post(page, {"subscribe": "0"})
    assert OptOut.objects.filter(email=own, kind="digest", scope=f"plan:{cast.plan.id}").exists()
    assert "Du prenumererar inte" in client.get(page).content.decode()

    client.post(page, {"subscribe": "1"})  # asked anew: the earlier no is taken back
    assert not OptOut.objects.filter(email=own).exists()


def test_the_strateg_adds_an_address_and_sees_the_subscribers(cast, page):
    client = client_for(cast.strateg)

    response = client.post(page, {"add-email": "Politiker@Nacka.example"}, follow=True)

    assert Subscription.objects.get(plan=cast.plan).email == "politiker@nacka.example"
    entry = LogEntry.objects.get_for_model(Subscription).get()
    assert (entry.actor, entry.additional_data["event"]) == (cast.strateg, "digest_subscribe")
    assert "<li>politiker@nacka.example</li>" in response.content.decode()


def test_a_bad_address_is_named_and_nothing_is_saved(cast, page):
    response = client_for(cast.strateg).post(page, {"add-email": "inte en adress"})

    assert response.status_code == 400
    assert "Fyll i en giltig e-postadress." in response.content.decode()
    assert not Subscription.objects.exists()


def test_others_neither_add_addresses_nor_see_them(cast, page):
    Subscription.objects.create(plan=cast.plan, email="politiker@nacka.example")
    client = client_for(cast.other_strateg)

    assert "politiker@nacka.example" not in client.get(page).content.decode()
    refused = client.post(page, {"add-email": "annan@nacka.example"})
    assert refused.status_code == 403
    assert "Bara en strateg för planen kan lägga till" in refused.content.decode()
    assert Subscription.objects.count() == 1


def test_the_plan_page_links_a_signed_in_reader_to_the_subscription_page(cast, page):
    signed = client_for(cast.reader).get(f"/planer/{cast.plan.slug}/").content.decode()
    anonymous = Client().get(f"/planer/{cast.plan.slug}/").content.decode()

    assert f'<a href="{page}">Veckans ändringar per e-post</a>' in signed
    assert page not in anonymous
