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
    # Set on the rows of a plan's list of reports (views): the later version of the same day.
    replaced_by: "PublishedReport | None"

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


class ReportTexts(AppendOnly):
    """The strategy office's own words for a plan's lägesrapport, one row per save.

    A report as of a day uses the texts in force that day under the one as-of rule (applied
    from that day or earlier, recorded by its end), so an earlier report keeps its words when
    the next one is written. The newest row is the draft the next report starts from.

    Texts are plain text: paragraphs separated by a blank line; a paragraph of lines starting
    "1. ", "2. " … is a numbered list, of lines starting "- " a bulleted list; a line starting
    "## " is a subheading (see `styr.reports.wording.text_parts`).
    """

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="report_texts", verbose_name=_("plan")
    )
    applies_from = models.DateField(_("gäller rapporter från"))
    recorded_at = models.DateTimeField(_("sparad"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sparad av"),
    )
    subtitle = models.CharField(
        _("undertitel"),
        max_length=300,
        blank=True,
        help_text=_(
            "Tomt: planens undertitel. Orden ”lägesrapport september 2015” följer rapportens datum."
        ),
    )
    proposal = models.TextField(_("förslag till beslut"))
    summary = models.TextField(_("sammanfattning"), blank=True)
    matter = models.TextField(_("ärendet"), blank=True)
    areas = models.TextField(
        _("utvecklingsområden"),
        blank=True,
        help_text=_("Visas i Ärendet, efter dess text."),
    )
    economy = models.TextField(_("ekonomiska konsekvenser"), blank=True)
    other = models.TextField(_("övrigt"), blank=True)
    attachments = models.TextField(_("bilagor"), blank=True, help_text=_("En bilaga per rad."))
    signatories = models.TextField(
        _("underskrifter"),
        blank=True,
        help_text=_("En person per stycke: namn, titel och enhet på var sin rad."),
    )
    remaining = models.JSONField(
        _("återstående åtgärder"),
        null=True,
        blank=True,
        help_text=_(
            "Id för de åtgärder som avsnittet Återstående åtgärder tar upp. Tomt: varje "
            "tidigare beslutad åtgärd som inte är genomförd."
        ),
    )
    include_statistics = models.BooleanField(
        _("ta med läget i siffror"),
        default=True,
        help_text=_("Antal per status, försenade åtgärder och förändringar sedan förra rapporten."),
    )

    class Meta:
        verbose_name = _("rapporttexter")
        verbose_name_plural = _("rapporttexter")
        ordering = ["plan", "-applies_from", "-recorded_at", "-id"]

    def __str__(self):
        return f"{self.plan} – {self.applies_from}"
