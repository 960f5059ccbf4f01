"""What an import left to review: where a draft plan came from and the names it did not know."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.plans.models import Plan


class PlanImport(models.Model):
    """One import of a document as a (draft) plan; written by `styr.imports.domain.import_plan`."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="import_record", verbose_name=_("plan")
    )
    source = models.CharField(_("källfil"), max_length=300)
    imported_at = models.DateTimeField(_("importerad"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("importerad av"),
    )
    unmatched_names = models.JSONField(
        _("namn att granska"),
        default=list,
        blank=True,
        help_text=_("Namn i dokumentet som inte matchade någon känd person."),
    )
    review = models.JSONField(
        _("granskning"),
        default=dict,
        blank=True,
        help_text=_(
            "Vad granskningen före sparandet gjorde med åtgärderna som Styr hittade: antal "
            "hittade, godkända, sammanslagna och borttagna. Tom för en import utan granskning."
        ),
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("importer")

    def __str__(self):
        return f"{self.plan} ← {self.source}"
