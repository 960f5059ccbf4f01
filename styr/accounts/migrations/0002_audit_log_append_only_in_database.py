"""On PostgreSQL, the audit log refuses UPDATE and DELETE in the database too: a history
that no later edit can rewrite includes the record of who wrote it. See
`styr.lib.append_only`. Nothing happens on SQLite."""

from django.db import migrations

from styr.lib.append_only import append_only_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [
        append_only_triggers("auditlog_logentry"),
    ]
