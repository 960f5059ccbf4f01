"""Store the indices of the surveys already imported (the same as
`styr.engagement.domain.refresh_indices`, with the historical models; `styr precompute`
does it again at any time)."""

from django.db import migrations
from django.db.models import Count, Sum

from styr.engagement import hme


def fill(apps, schema_editor):
    EngagementResponse = apps.get_model("engagement", "EngagementResponse")
    HmeIndex = apps.get_model("engagement", "HmeIndex")
    annotations: dict = {"respondents": Count("id")}
    for statement in hme.STATEMENTS:
        annotations[f"answered_{statement.number}"] = Count(statement.field)
        annotations[f"sum_{statement.number}"] = Sum(statement.field)
    rows = EngagementResponse.objects.values("survey_id", "unit_id").annotate(**annotations)
    by_survey: dict = {}
    for row in rows.order_by("survey_id", "unit_id"):
        numbers = range(1, hme.COUNT + 1)
        aggregate = hme.Aggregate(
            row["respondents"],
            tuple(row[f"answered_{n}"] for n in numbers),
            tuple(int(row[f"sum_{n}"] or 0) for n in numbers),
        )
        by_survey.setdefault(row["survey_id"], []).append((row["unit_id"], aggregate))
    indices = []
    for survey_id, units in by_survey.items():
        for unit_id, aggregate in [*units, (None, hme.combine(a for _u, a in units))]:
            result = hme.compute(aggregate)
            indices.append(
                HmeIndex(
                    survey_id=survey_id,
                    unit_id=unit_id,
                    respondents=aggregate.respondents,
                    answered=list(aggregate.answered),
                    sums=list(aggregate.sums),
                    total=result.total,
                    motivation=result.motivation,
                    leadership=result.leadership,
                    governance=result.governance,
                )
            )
    HmeIndex.objects.bulk_create(indices, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0002_hme_indices")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
