"""Data from before versions and drafts: every plan stays public, every action gets its first
version, recorded (like the demo's history) at noon on the day it was introduced."""

import datetime as dt

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    Action = apps.get_model("plans", "Action")
    ActionVersion = apps.get_model("plans", "ActionVersion")
    tz = timezone.get_current_timezone()
    Plan.objects.filter(published_at__isnull=True).update(published_at=timezone.now())
    versions = []
    for action in Action.objects.prefetch_related("responsibilities"):
        named = sorted(action.responsibilities.all(), key=lambda r: (r.kind, r.order, r.id))
        versions.append(
            ActionVersion(
                action=action,
                applies_from=action.introduced_on,
                recorded_at=dt.datetime.combine(action.introduced_on, dt.time(12), tzinfo=tz),
                title=action.title,
                text=action.text,
                theme_id=action.theme_id,
                deadline_text=action.deadline_text,
                deadline_date=action.deadline_date,
                deadline_precision=action.deadline_precision,
                responsibilities=[
                    {"kind": r.kind, "person": r.person_id, "post": r.post_id, "role_text": r.role_text}
                    for r in named
                ],
            )
        )
    ActionVersion.objects.bulk_create(versions, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_action_versions_drafts_internal_notes")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
