"""Published status reports: frozen content and files with their checksums.

A published report never changes: it is written once by `styr.reports.domain.publish_report`
and neither it nor its files can be edited or deleted afterwards. Publishing the same plan and
day again makes a new version, with a reason; the earlier one stays listed as replaced.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from styr.lib.append_only import AppendOnly
from styr.plans.models import Plan


class PublishedReport(AppendOnly):
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="published_reports", verbose_name=_("plan")
    )
    as_of = models.DateField(_("läget den"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    reason = models.TextField(
        _("skäl till ny version"), blank=True, help_text=_("Krävs när samma dag publiceras igen.")
    )
    since = models.DateField(_("jämfört med"), null=True, blank=True)
    content = models.TextField(_("innehåll (JSON)"))
    content_sha256 = models.CharField(_("SHA-256 för innehållet"), max_length=64)
    published_at = models.DateTimeField(_("publicerad"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="published_reports",
        verbose_name=_("publicerad av"),
    )

    class Meta:
        verbose_name = _("publicerad lägesrapport")
        verbose_name_plural = _("publicerade lägesrapporter")
        ordering = ["-published_at", "-id"]
        constraints = [
            # Also what makes two simultaneous publications of one day fail cleanly.
            models.UniqueConstraint(
                fields=["plan", "as_of", "version"], name="published_report_version"
            )
        ]

    def __str__(self):
        if self.version > 1:
            return f"{self.plan} – {self.as_of} (version {self.version})"
        return f"{self.plan} – {self.as_of}"

    def get_absolute_url(self):
        return reverse("reports:published", args=[self.plan.slug])


class PublishedFile(AppendOnly):
    report = models.ForeignKey(
        PublishedReport, on_delete=models.PROTECT, related_name="files", verbose_name=_("rapport")
    )
    format = models.CharField(_("format"), max_length=10)
    data = models.BinaryField(_("fil"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("storlek i byte"))

    class Meta:
        verbose_name = _("publicerad fil")
        verbose_name_plural = _("publicerade filer")
        ordering = ["report", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "format"], name="published_file_per_format")
        ]

    def __str__(self):
        return f"{self.report} ({self.format})"
