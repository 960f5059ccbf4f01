"""Rounds in the admin: the plan's strateg rewords a round; nobody adds or deletes one there."""

import datetime as dt

from django.utils import timezone

from styr.rounds.domain import open_round


def test_the_strateg_rewords_a_round_but_cannot_move_its_due_date_or_add_one(cast, client):
    the_round = open_round(cast.plan, title="Höst", due=timezone.localdate() + dt.timedelta(days=7))
    client.force_login(cast.strateg)
    page = f"/admin/rounds/round/{the_round.pk}/change/"

    client.post(page, {"title": "Hösten 2026", "message": "Senast fredag.", "due": "2100-01-01"})

    the_round.refresh_from_db()
    assert (the_round.title, the_round.message) == ("Hösten 2026", "Senast fredag.")
    assert the_round.due == timezone.localdate() + dt.timedelta(days=7)
    assert client.get("/admin/rounds/round/add/").status_code == 403
    assert client.get(f"/admin/rounds/round/{the_round.pk}/delete/").status_code == 403


def test_a_strateg_of_another_plan_cannot_open_the_round_in_the_admin(cast, client):
    the_round = open_round(cast.plan, title="Höst", due=timezone.localdate())
    client.force_login(cast.other_strateg)

    assert client.get(f"/admin/rounds/round/{the_round.pk}/change/").status_code == 403
