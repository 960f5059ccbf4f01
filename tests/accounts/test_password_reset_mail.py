"""A forgotten password, end to end through a real SMTP server on loopback."""

import re

import pytest

from tests import html
from tests.cast import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ett-nytt-langt-losenord-2016"


def sign_in(client, username, password):
    return client.post("/konto/logga-in/", {"username": username, "password": password})


def test_reset_mail_reaches_the_smtp_server_and_its_link_sets_a_new_password(
    client, cast, smtp_server
):
    response = client.post("/konto/losenord/", {"email": "elisabeth@example.org"})
    assert response.status_code == 302

    (message,) = smtp_server.messages
    assert message["To"] == "elisabeth@example.org"
    assert message["Subject"] == "Nytt lösenord till Styr"
    assert message["From"] == "Styr <styr@localhost>"
    text = message.get_body(("plain",)).get_content()
    html_body = message.get_body(("html",)).get_content()
    assert "Någon, förhoppningsvis du, har bett om ett nytt lösenord till kontot elisabeth" in text
    link = re.search(r"http://testserver(/konto/losenord/nytt/\S+/)", text).group(1)
    assert link in html_body

    # Django swaps the token in the link for one kept in the session, then shows the form.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password = form_page.redirect_chain[-1][0]
    done = client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == "/konto/losenord/klart/"

    client.logout()
    old = sign_in(client, "elisabeth", PASSWORD)
    assert old.status_code == 200
    assert "_auth_user_id" not in client.session
    (said,) = html.alerts(html.parse(old))
    assert said.startswith("Ange ett korrekt användarnamn och lösenord")

    new = sign_in(client, "elisabeth", NEW_PASSWORD)
    assert new.status_code == 302
    assert int(client.session["_auth_user_id"]) == cast.responsible.pk


def test_the_link_works_once(client, cast, smtp_server):
    client.post("/konto/losenord/", {"email": "elisabeth@example.org"})
    text = smtp_server.messages[0].get_body(("plain",)).get_content()
    link = re.search(r"http://testserver(/konto/losenord/nytt/\S+/)", text).group(1)
    set_password = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = client.get(link, follow=True)
    assert "new_password1" not in again.content.decode()
