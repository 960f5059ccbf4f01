"""On PostgreSQL, written goal assessments refuse UPDATE and DELETE in the database too, not
only through the ORM: see `styr.lib.append_only`. Nothing happens on SQLite."""

from django.db import migrations

from styr.lib.append_only import append_only_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0001_initial"),
    ]

    operations = [
        append_only_triggers("goals_goalassessment"),
    ]
