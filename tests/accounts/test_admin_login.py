"""The admin's login URL: one login page for the whole site, and `?next=` (read through
NextForm) never sends anyone off Styr."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/admin/", "/\\evil.example", "javascript:alert(1)"],
)
def test_a_signed_in_admin_is_sent_to_the_admin_never_off_styr(client, staff, target):
    client.force_login(staff)
    response = client.get("/admin/login/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_signed_in_admin_goes_on_to_the_admin_page_asked_for(client, staff):
    client.force_login(staff)
    response = client.get("/admin/login/", {"next": "/admin/plans/plan/"})
    assert response["Location"] == "/admin/plans/plan/"


def test_without_next_a_signed_in_admin_lands_on_the_admin_index(client, staff):
    client.force_login(staff)
    assert client.get("/admin/login/")["Location"] == reverse("admin:index")


def test_someone_not_signed_in_is_sent_to_the_one_login_page_keeping_next(client):
    response = client.get("/admin/login/", {"next": "/admin/plans/plan/"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=%2Fadmin%2Fplans%2Fplan%2F"
