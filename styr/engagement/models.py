"""HME surveys (hållbart medarbetarengagemang): one row of nine answers per respondent.

Indices are computed from the answers when they are imported or changed, not on every view:
`HmeIndex` holds each unit's and the whole municipality's sums and indices per survey,
written only by `styr.engagement.domain.refresh_indices` in the transaction that changed
the answers. Units with fewer than ten respondents are never shown.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.org.models import Municipality, Unit


class EngagementSurvey(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="engagement_surveys",
        verbose_name=_("kommun"),
    )
    title = models.CharField(_("titel"), max_length=300)
    year = models.PositiveSmallIntegerField(_("år"))
    conducted_on = models.DateField(_("genomförd"), null=True, blank=True)
    file_name = models.CharField(_("fil"), max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    generated = models.BooleanField(
        _("genererade exempeldata"),
        default=False,
        help_text=_("Svaren är påhittade (demo), inte verkliga."),
    )
    imported_at = models.DateTimeField(_("importerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("medarbetarenkät (HME)")
        verbose_name_plural = _("medarbetarenkäter (HME)")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="engagement_one_per_year")
        ]

    def __str__(self):
        return self.title


class EngagementResponse(models.Model):
    """One respondent's answers (1-5) to the nine HME statements; None is unanswered."""

    survey = models.ForeignKey(EngagementSurvey, on_delete=models.CASCADE, related_name="responses")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="engagement_responses")
    q1 = models.PositiveSmallIntegerField(_("påstående 1"), null=True, blank=True)
    q2 = models.PositiveSmallIntegerField(_("påstående 2"), null=True, blank=True)
    q3 = models.PositiveSmallIntegerField(_("påstående 3"), null=True, blank=True)
    q4 = models.PositiveSmallIntegerField(_("påstående 4"), null=True, blank=True)
    q5 = models.PositiveSmallIntegerField(_("påstående 5"), null=True, blank=True)
    q6 = models.PositiveSmallIntegerField(_("påstående 6"), null=True, blank=True)
    q7 = models.PositiveSmallIntegerField(_("påstående 7"), null=True, blank=True)
    q8 = models.PositiveSmallIntegerField(_("påstående 8"), null=True, blank=True)
    q9 = models.PositiveSmallIntegerField(_("påstående 9"), null=True, blank=True)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")

    def __str__(self):
        return f"{self.survey} – {self.unit}"


class HmeIndex(models.Model):
    """A survey's HME for one unit's respondents, or for all of them (`unit` None): the
    counts `styr.engagement.hme.Aggregate` holds, from which every index follows, and the
    total and sub-indices computed from them (None where not shown). Written by
    `styr.engagement.domain.refresh_indices` only."""

    survey = models.ForeignKey(EngagementSurvey, on_delete=models.CASCADE, related_name="indices")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, null=True, related_name="+")
    respondents = models.PositiveIntegerField()
    answered = models.JSONField()  # per statement, how many answered it
    sums = models.JSONField()  # per statement, the sum of the answers (1-5)
    total = models.FloatField(null=True)
    motivation = models.FloatField(null=True)
    leadership = models.FloatField(null=True)
    governance = models.FloatField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "unit"], name="hme_index_one_per_unit"),
            models.UniqueConstraint(
                fields=["survey"],
                condition=models.Q(unit__isnull=True),
                name="hme_index_one_for_all",
            ),
        ]

    def __str__(self):
        return f"{self.survey} – {self.unit or 'alla'}"
