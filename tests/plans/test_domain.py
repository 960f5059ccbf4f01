"""Status history is append-only: added through one function, never changed or removed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from styr.plans.domain import record_status_update
from styr.plans.models import Action, StatusUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(plan):
    return Action.objects.get(plan=plan, title="Resultatkontrakt för alla chefer")


def test_recording_an_update_appends_and_keeps_the_old_ones(action, staff):
    record_status_update(action, date=dt.date(2015, 10, 1), status="in_progress", author=staff)
    record_status_update(action, date=dt.date(2015, 12, 1), status="done", note=" Klart. ")
    updates = list(action.status_updates.order_by("date"))
    assert [(u.date, u.status, u.note) for u in updates] == [
        (dt.date(2015, 10, 1), "in_progress", ""),
        (dt.date(2015, 12, 1), "done", "Klart."),
    ]
    assert updates[0].author == staff


def test_an_update_cannot_be_edited_or_deleted(action):
    update = record_status_update(action, date=dt.date(2015, 10, 1), status="in_progress")
    update.note = "rewritten"
    with pytest.raises(TypeError):
        update.save()
    with pytest.raises(TypeError):
        update.delete()
    with pytest.raises(TypeError):
        StatusUpdate.objects.filter(pk=update.pk).update(note="rewritten")
    with pytest.raises(TypeError):
        StatusUpdate.objects.filter(pk=update.pk).delete()
    update = StatusUpdate.objects.get(pk=update.pk)
    assert update.note == ""


def test_an_unknown_status_is_refused_with_the_valid_ones_named(action):
    with pytest.raises(ValidationError) as error:
        record_status_update(action, date=dt.date(2015, 10, 1), status="finished")
    assert "finished" in error.value.messages[0]
    assert "done" in error.value.messages[0]
    assert not action.status_updates.exists()


def test_an_update_dated_before_the_action_existed_or_in_the_future_is_refused(action):
    with pytest.raises(ValidationError, match="före åtgärden"):
        record_status_update(action, date=dt.date(2015, 1, 1), status="in_progress")
    with pytest.raises(ValidationError, match="framtiden"):
        record_status_update(action, date=dt.date(2999, 1, 1), status="in_progress")
    assert not action.status_updates.exists()
