"""Count the cases already imported into the new stored counts and levels (the same as
`styr.service.domain.refresh_series`, with the historical models; `styr precompute` does it
again at any time)."""

from django.db import migrations
from django.db.models import Count

from styr.service.levels import CaseCount, levels_by_period


def fill(apps, schema_editor):
    ServiceCase = apps.get_model("service", "ServiceCase")
    ServiceCaseCount = apps.get_model("service", "ServiceCaseCount")
    ServiceLevel = apps.get_model("service", "ServiceLevel")
    municipalities = ServiceCase.objects.values_list("municipality_id", flat=True).distinct()
    for municipality_id in list(municipalities):
        rows = (
            ServiceCase.objects.filter(municipality_id=municipality_id)
            .values(
                "month",
                "requester",
                "category",
                "handled_by_contact_centre",
                "resolved_at_first_contact",
                "batch__generated",
            )
            .annotate(count=Count("id"))
            .order_by()
        )
        counts = [
            CaseCount(
                month=row["month"],
                requester=row["requester"],
                category=row["category"],
                handled_by_contact_centre=row["handled_by_contact_centre"],
                resolved_at_first_contact=row["resolved_at_first_contact"],
                count=row["count"],
                generated=row["batch__generated"],
            )
            for row in rows
        ]
        ServiceCaseCount.objects.bulk_create(
            [
                ServiceCaseCount(
                    municipality_id=municipality_id,
                    month=c.month,
                    requester=c.requester,
                    category=c.category,
                    handled_by_contact_centre=c.handled_by_contact_centre,
                    resolved_at_first_contact=c.resolved_at_first_contact,
                    generated=c.generated,
                    count=c.count,
                )
                for c in counts
            ],
            batch_size=2000,
        )
        ServiceLevel.objects.bulk_create(
            [
                ServiceLevel(
                    municipality_id=municipality_id,
                    period=period,
                    total=levels.overall.total,
                    handled=levels.overall.handled,
                    first_contact=levels.overall.first_contact,
                    generated=levels.overall.generated,
                )
                for period, levels in levels_by_period(counts).items()
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("service", "0002_service_counts_and_levels")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
