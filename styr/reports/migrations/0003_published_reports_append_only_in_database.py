"""On PostgreSQL, published reports and their files refuse UPDATE and DELETE in the database
too, not only through the ORM: see `styr.lib.append_only`. Nothing happens on SQLite."""

from django.db import migrations

from styr.lib.append_only import append_only_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_report_versions"),
    ]

    operations = [
        append_only_triggers("reports_publishedreport", "reports_publishedfile"),
    ]
