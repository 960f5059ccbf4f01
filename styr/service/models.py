"""The contact centre's case records, the source of its two service-level indicators.

Each import is one `ServiceCaseImport` holding the file's checksum, so the same file is not
counted twice. Shares per month are computed from the cases when they are shown
(`styr.service.levels`), never stored.
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
