"""On PostgreSQL, a contract's versions, expected results, events and outcomes refuse UPDATE
and DELETE in the database too, not only through the ORM: see `styr.lib.append_only`.
Nothing happens on SQLite."""

from django.db import migrations

from styr.lib.append_only import append_only_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("contracts", "0002_result_contracts"),
    ]

    operations = [
        append_only_triggers(
            "contracts_contractversion",
            "contracts_expectedresult",
            "contracts_contractevent",
            "contracts_outcome",
        ),
    ]
