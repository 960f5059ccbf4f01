"""On PostgreSQL, status updates and action versions refuse UPDATE and DELETE in the database
too, not only through the ORM: see `styr.lib.append_only`. Nothing happens on SQLite."""

from django.db import migrations

from styr.lib.append_only import append_only_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0003_existing_plans_published_and_versioned"),
    ]

    operations = [
        append_only_triggers("plans_statusupdate", "plans_actionversion"),
    ]
