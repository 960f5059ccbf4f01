"""`styr precompute`: store again every value that is counted when its data changes.

The contact centre's counts and levels (`styr.service.domain.refresh_series`) and the HME
indices (`styr.engagement.domain.refresh_indices`) are written by the imports and the
admin in the same transaction as the data they come from; this rebuilds them all from that
data, for after an upgrade or a repair. Idempotent: a second run changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from styr.engagement.domain import refresh_indices
from styr.engagement.models import EngagementSurvey
from styr.org.models import Municipality
from styr.service.domain import refresh_series


class Command(BaseCommand):
    help = "Recompute and store the contact centre's service levels and the HME indices."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="only this municipality (slug)")

    def handle(self, *args, **options):
        municipalities = Municipality.objects.order_by("slug")
        if options["municipality"]:
            municipalities = municipalities.filter(slug=options["municipality"])
            if not municipalities:
                raise CommandError(f"no municipality {options['municipality']!r}")
        for municipality in municipalities:
            counts, units = self.refresh(municipality)
            self.stdout.write(
                f"{municipality.slug}: {counts} case count rows, HME indices of {units} "
                f"unit{'s' if units != 1 else ''}"
            )

    @transaction.atomic
    def refresh(self, municipality: Municipality) -> tuple[int, int]:
        """Rebuild one municipality's stored values; (case count rows, HME units)."""
        counts = refresh_series(municipality)
        surveys = EngagementSurvey.objects.filter(municipality=municipality)
        units = sum(refresh_indices(survey) for survey in surveys)
        return counts, units
