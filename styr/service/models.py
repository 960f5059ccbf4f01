"""The contact centre's case records, the source of its two service-level indicators.

Each import is one `ServiceCaseImport` holding the file's checksum, so the same file is not
counted twice. What the pages show is counted when cases are imported or deleted, not on
every view: `ServiceCaseCount` holds the cases grouped as `styr.service.levels` needs them
and `ServiceLevel` the two shares per month and year, both written only by
`styr.service.domain.refresh_series` in the transaction that changed the cases.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.org.models import Municipality


class Requester(models.TextChoices):
    CITIZEN = "citizen", _("medborgare")
    EMPLOYEE = "employee", _("medarbetare")


class ServiceCaseImport(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="service_case_imports",
        verbose_name=_("kommun"),
    )
    file_name = models.CharField(_("fil"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    case_count = models.PositiveIntegerField(_("antal ärenden"))
    generated = models.BooleanField(
        _("genererade exempeldata"),
        default=False,
        help_text=_("Ärendena är påhittade (demo), inte verkliga."),
    )
    imported_at = models.DateTimeField(_("importerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("import av ärenden")
        verbose_name_plural = _("importer av ärenden")
        ordering = ["-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "sha256"], name="service_case_import_once"
            )
        ]

    def __str__(self):
        return self.file_name


class ServiceCase(models.Model):
    batch = models.ForeignKey(
        ServiceCaseImport, on_delete=models.CASCADE, related_name="cases", verbose_name=_("import")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="service_cases"
    )
    received = models.DateTimeField(_("mottaget"))
    # The month as a period key ("2015-09"), so that monthly shares group the same way on
    # every database and in every time zone.
    month = models.CharField(_("månad"), max_length=7, db_index=True)
    channel = models.CharField(_("kanal"), max_length=50)
    requester = models.CharField(_("från"), max_length=10, choices=Requester.choices)
    category = models.CharField(_("kategori"), max_length=200)
    handled_by = models.CharField(_("hanterat av"), max_length=200)
    handled_by_contact_centre = models.BooleanField(_("hanterat av kontaktcenter"))
    resolved_at_first_contact = models.BooleanField(_("löst vid första kontakten"))

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        indexes = [models.Index(fields=["municipality", "month"], name="service_case_month")]

    def __str__(self):
        return f"{self.received:%Y-%m-%d} {self.category}"


class ServiceCaseCount(models.Model):
    """How many of a municipality's cases share these values: one row of the GROUP BY that
    `styr.service.levels` computes from (`styr.service.levels.CaseCount`), kept up to date
    by `styr.service.domain.refresh_series`."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="service_case_counts"
    )
    month = models.CharField(max_length=7)
    requester = models.CharField(max_length=10)
    category = models.CharField(max_length=200)
    handled_by_contact_centre = models.BooleanField()
    resolved_at_first_contact = models.BooleanField()
    generated = models.BooleanField()
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["municipality", "month"], name="service_count_month")]

    def __str__(self):
        return f"{self.month} {self.category}: {self.count}"


class ServiceLevel(models.Model):
    """The contact centre's case counts of one month or year (`period`, "2015-03" or
    "2015"), from which both service levels follow (`styr.service.levels.Level`); written
    by `styr.service.domain.refresh_series` only."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="service_levels"
    )
    period = models.CharField(max_length=7)
    total = models.PositiveIntegerField()
    handled = models.PositiveIntegerField()
    first_contact = models.PositiveIntegerField()
    generated = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "period"], name="service_level_one_per_period"
            )
        ]

    def __str__(self):
        return f"{self.period}: {self.total}"
