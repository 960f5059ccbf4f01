"""`styr precompute`: store again every value that is counted when its data changes.

The contact centre's counts and levels (`styr.service.domain.refresh_series`), the HME
indices (`styr.engagement.domain.refresh_indices`) and the indicators' yearly assessments
and default comparisons (`styr.goals.stored.refresh_indicators`) are written by the imports
and the admin in the same transaction as the data they come from; this rebuilds them all
from that data, for after an upgrade or a repair. Idempotent: a second run changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from styr.engagement.domain import refresh_indices
from styr.engagement.models import EngagementSurvey, HmeIndex
from styr.goals.models import ComparisonValue, Indicator, YearAssessment
from styr.goals.stored import refresh_indicators
from styr.lib.db import analyze
from styr.org.models import Municipality
from styr.service.domain import refresh_series
from styr.service.models import ServiceCaseCount, ServiceLevel


class Command(BaseCommand):
    help = (
        "Recompute and store the contact centre's service levels, the HME indices and the "
        "indicators' yearly assessments and comparisons."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="only this municipality (slug)")

    def handle(self, *args, **options):
        municipalities = Municipality.objects.order_by("slug")
        if options["municipality"]:
            municipalities = municipalities.filter(slug=options["municipality"])
            if not municipalities:
                raise CommandError(f"no municipality {options['municipality']!r}")
        for municipality in municipalities:
            counts, units, years = self.refresh(municipality)
            self.stdout.write(
                f"{municipality.slug}: {counts} case count rows, HME indices of {units} "
                f"unit{'s' if units != 1 else ''}, {years} indicator years"
            )
        # Every table written again, so that PostgreSQL plans the pages' reads of them with
        # statistics of the new rows (`styr.lib.db.analyze`).
        analyze(ServiceCaseCount, ServiceLevel, HmeIndex, YearAssessment, ComparisonValue)

    @transaction.atomic
    def refresh(self, municipality: Municipality) -> tuple[int, int, int]:
        """Rebuild one municipality's stored values; (case count rows, HME units, indicator
        years). The indicators last: they are assessed with the levels and indices."""
        counts = refresh_series(municipality)
        surveys = EngagementSurvey.objects.filter(municipality=municipality)
        units = sum(refresh_indices(survey) for survey in surveys)
        years = refresh_indicators(Indicator.objects.filter(municipality=municipality))
        return counts, units, years
