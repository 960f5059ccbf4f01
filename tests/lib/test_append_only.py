"""History cannot be rewritten: not through any ORM manager, not (on PostgreSQL) in SQL.

Status updates, action versions, goal assessments and published reports and files are
append-only. The ORM refuses to change or delete them through the default manager and the base
manager alike; on PostgreSQL a trigger on each table refuses UPDATE and DELETE, except while
`styr demo --replace` clears the database.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from styr.goals.models import GoalAssessment
from styr.plans.domain import record_status_update
from styr.plans.models import Action, ActionVersion, Plan, StatusUpdate
from styr.reports.domain import publish_report
from styr.reports.models import PublishedFile, PublishedReport
from tests.conftest import MEMO_DAY

pytestmark = pytest.mark.django_db

APPEND_ONLY = [StatusUpdate, ActionVersion, GoalAssessment, PublishedReport, PublishedFile]

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the database triggers exist only on PostgreSQL; SQLite relies on the ORM's refusal",
)


@pytest.fixture
def update(plan) -> StatusUpdate:
    """The memo's status update on "Översyn av chefsnivåer"."""
    return StatusUpdate.objects.get(action__plan=plan, action__title__startswith="Översyn av")


@pytest.fixture
def published(plan, staff) -> PublishedReport:
    return publish_report(plan, day=MEMO_DAY, by=staff)


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def refused_sql(sql: str, params=()) -> str:
    """Run `sql` in a savepoint that must fail; return the database's message."""
    with pytest.raises(DatabaseError) as raised, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    return str(raised.value)


def test_the_base_manager_refuses_a_bulk_update_and_nothing_changes(update):
    with pytest.raises(TypeError, match="StatusUpdate rows are append-only"):
        StatusUpdate._base_manager.filter(pk=update.pk).update(note="x")
    assert StatusUpdate.objects.get(pk=update.pk).note == update.note


def test_the_base_manager_refuses_a_bulk_delete_and_nothing_is_removed(update):
    with pytest.raises(TypeError, match="StatusUpdate rows are append-only"):
        StatusUpdate._base_manager.filter(pk=update.pk).delete()
    assert StatusUpdate.objects.filter(pk=update.pk).exists()


@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda model: model.__name__)
def test_every_append_only_model_reads_through_a_refusing_base_manager(model):
    with pytest.raises(TypeError, match="append-only"):
        model._base_manager.all().update(id=0)


def test_related_access_and_new_rows_still_work_through_the_refusing_manager(
    update, published, staff
):
    file = PublishedFile.objects.get(report=published, format="md")
    assert file.report == published
    assert update.action.title.startswith("Översyn av")
    update.refresh_from_db()
    added = record_status_update(update.action, date=MEMO_DAY, status="done", author=staff)
    assert list(update.action.status_updates.order_by("id")) == [update, added]


def test_deleting_an_action_with_history_is_refused_and_the_history_remains(update):
    action = update.action
    with pytest.raises(ProtectedError), transaction.atomic():
        action.delete()
    assert Action.objects.filter(pk=action.pk).exists()
    assert list(StatusUpdate.objects.filter(action=action)) == [update]
    assert ActionVersion.objects.filter(action=action).exists()


def test_deleting_a_plan_with_history_is_refused_and_everything_remains(plan, update):
    actions = Action.objects.filter(plan=plan).count()
    with pytest.raises(ProtectedError), transaction.atomic():
        plan.delete()
    assert Plan.objects.filter(pk=plan.pk).exists()
    assert Action.objects.filter(plan=plan).count() == actions
    assert StatusUpdate.objects.filter(pk=update.pk).exists()


@postgresql_only
def test_a_raw_sql_update_of_a_status_note_is_refused_by_the_database(update):
    message = refused_sql(
        f"UPDATE {table(StatusUpdate)} SET note = %s WHERE id = %s", ["Omskrivet", update.pk]
    )
    assert "table plans_statusupdate is append-only" in message
    assert "UPDATE refused" in message
    assert StatusUpdate.objects.get(pk=update.pk).note == update.note


@postgresql_only
def test_a_raw_sql_delete_of_a_status_update_is_refused_by_the_database(update):
    message = refused_sql(f"DELETE FROM {table(StatusUpdate)} WHERE id = %s", [update.pk])
    assert "table plans_statusupdate is append-only" in message
    assert "DELETE refused" in message
    assert StatusUpdate.objects.filter(pk=update.pk).exists()


@postgresql_only
@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda model: model.__name__)
def test_every_append_only_table_refuses_update_and_delete_in_sql(model, published):
    rows = model.objects.count()
    assert rows, f"the demo and a published report should give {model.__name__} rows"
    name = model._meta.db_table
    assert f"table {name} is append-only" in refused_sql(f"UPDATE {table(model)} SET id = id")
    assert f"table {name} is append-only" in refused_sql(f"DELETE FROM {table(model)}")
    assert model.objects.count() == rows


@postgresql_only
def test_demo_replace_clears_the_history_and_then_protects_it_again(published):
    call_command("demo", replace=True, stdout=StringIO())
    assert not PublishedReport.objects.exists()
    assert StatusUpdate.objects.exists()
    # The purge is over for the rest of the transaction: history is protected again.
    update = StatusUpdate.objects.first()
    assert "append-only" in refused_sql(f"DELETE FROM {table(StatusUpdate)}")
    assert StatusUpdate.objects.filter(pk=update.pk).exists()
