"""What the goal pages read instead of computing it on every view: each indicator's outcome
and target per year, and its default comparison with other municipalities in Kolada.

Both are written only by `styr.goals.stored.refresh_indicators`, in the transaction of the
write that changed what they come from (measurements, targets, Kolada's values and groups,
the indicator); `styr precompute` writes them again from scratch.
Indicators computed by Styr (contact centre, HME) have no rows: their series are stored by
their own apps, and the pages assess those few indicators from them.

Nothing here depends on an as-of date: the goal pages show a year, and what an indicator's
outcome and target for a year are follows from the data, whenever it is read.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.goals.models.indicator import Indicator
from styr.kolada.models import KoladaGroup, KoladaMunicipality
from styr.org.models import Municipality


class YearAssessment(models.Model):
    """What an indicator's assessment for one year is made of: the outcome that stands for
    the year (and the period that gave it) and the target in force, as `styr.goals.outcomes.
    indicator_year` finds them. The level follows from these with the indicator's direction
    and the municipality's tolerance, compared when read, so that a change of either is
    shown at once without storing anything again.

    An indicator that some goal uses has a row for each year from its first outcome or target
    to its last, and one more for the year after, marked `onwards`: it holds for every later
    year (no outcome then, and the last target still in force). Before the first row nothing
    is known. An indicator no goal uses has none: the goal pages do not show it.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    # The indicator's, kept here so that a page finds a year's rows of its municipality in
    # one range of an index, not by way of thousands of indicators.
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("år"))
    onwards = models.BooleanField(_("gäller även senare år"), default=False)
    period = models.CharField(_("utfallets period"), max_length=7, blank=True)
    outcome = models.FloatField(_("utfall"), null=True)
    target = models.FloatField(_("målvärde"), null=True)

    class Meta:
        verbose_name = _("lagrad årsbedömning")
        verbose_name_plural = _("lagrade årsbedömningar")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="year_assessment_unique")
        ]
        indexes = [
            models.Index(fields=["municipality", "year"], name="year_assessment_by_year"),
            models.Index(
                fields=["municipality", "year"],
                condition=models.Q(onwards=True),
                name="year_assessment_onwards",
            ),
            models.Index(
                fields=["municipality", "year"],
                condition=models.Q(outcome__isnull=False),
                name="year_assessment_outcomes",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.year}: {self.outcome} / {self.target}"


class ComparisonValue(models.Model):
    """One value of an indicator's default comparison for a year: of a municipality it
    compares with (`municipality`, Kolada's number), or its group's unweighted mean
    (`group`, Styr's number, with how many members had a value and how many there are)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        KoladaMunicipality, on_delete=models.CASCADE, null=True, related_name="+"
    )
    group = models.ForeignKey(KoladaGroup, on_delete=models.CASCADE, null=True, related_name="+")
    period = models.PositiveSmallIntegerField(_("år"))
    value = models.FloatField(_("värde"), null=True)
    with_value = models.PositiveIntegerField(_("medlemmar med värde"), null=True)
    members = models.PositiveIntegerField(_("medlemmar"), null=True)

    class Meta:
        verbose_name = _("lagrat jämförelsevärde")
        verbose_name_plural = _("lagrade jämförelsevärden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(municipality__isnull=True, group__isnull=False)
                | models.Q(municipality__isnull=False, group__isnull=True),
                name="comparison_value_one_series",
            )
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.municipality_id or self.group_id} {self.period}"
