"""The history of actions, append-only: dated status updates, the strateg's reviews of them
and the versions of what an action said. What applied on a day is picked by the one as-of
rule (`styr.lib.asof`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.lib.append_only import AppendOnly
from styr.org.models import Precision
from styr.plans.models.plan import Action, Status, Theme


class StatusUpdate(AppendOnly):
    """A dated status report on an action. Append-only: never edited, never deleted.

    `date` is the day the status describes; `recorded_at` is when Styr learnt it. Write
    through `styr.plans.domain.record_status_update`. An action with updates cannot be
    deleted (PROTECT): its history outlives it.
    """

    action = models.ForeignKey(
        Action,
        on_delete=models.PROTECT,
        related_name="status_updates",
        verbose_name=_("åtgärd"),
    )
    date = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    note = models.TextField(_("kommentar"), blank=True)
    internal_note = models.TextField(
        _("intern kommentar"),
        blank=True,
        help_text=_("Visas bara för inloggade som får läsa interna uppgifter, aldrig publikt."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_updates",
        verbose_name=_("registrerad av"),
    )
    author_name = models.CharField(
        _("avsändare"),
        max_length=200,
        blank=True,
        help_text=_("Vem som lämnade uppgiften, t.ex. en lägesrapport."),
    )
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now, editable=False)
    # Set when written, from the plan's setting and the author's rights: such an update is
    # *inlämnad* and counts for nothing shown as of a day until its review approves it.
    needs_approval = models.BooleanField(_("kräver godkännande"), default=False, editable=False)

    class Meta:
        verbose_name = _("statusuppdatering")
        verbose_name_plural = _("statusuppdateringar")
        ordering = ["action", "date", "recorded_at", "id"]
        indexes = [models.Index(fields=["action", "date"], name="statusupdate_action_date")]

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"


class Decision(models.TextChoices):
    APPROVED = "approved", _("Godkänd")
    RETURNED = "returned", _("Skickad tillbaka")


class StatusReview(AppendOnly):
    """The strateg's decision on a submitted status update: approved, or sent back with a
    comment. One per update, never changed; an update sent back stays in the history and
    the ansvarig submits a new one. Written only by `styr.plans.approval.review_update`.

    An approved update is known, for the one as-of rule, from `decided_at`: a page or report
    as of a day before the approval does not show it, whatever day it describes.
    """

    update = models.OneToOneField(
        StatusUpdate,
        on_delete=models.PROTECT,
        related_name="review",
        verbose_name=_("statusuppdatering"),
    )
    decision = models.CharField(_("beslut"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("kommentar"), blank=True)
    decided_at = models.DateTimeField(_("beslutad"), default=timezone.now, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslutad av"),
    )

    class Meta:
        verbose_name = _("granskning av statusuppdatering")
        verbose_name_plural = _("granskningar av statusuppdateringar")
        ordering = ["decided_at", "id"]

    def __str__(self):
        return f"{self.update_id}: {self.get_decision_display()}"


# What a version keeps of its action: fields of the same name in both models.
VERSIONED_FIELDS = (
    "title",
    "text",
    "theme",
    "deadline_text",
    "deadline_date",
    "deadline_precision",
)


def versioned_values(obj) -> dict:
    """The versioned fields of an action or a version, by column (`theme_id`, not `theme`)."""
    return {
        field.attname: getattr(obj, field.attname)
        for field in (obj._meta.get_field(name) for name in VERSIONED_FIELDS)
    }


class ActionVersion(AppendOnly):
    """What an action said from a day on: title, text, theme, deadline and responsibility.

    Every action has at least one version, the one it was introduced with. A change recorded
    later applies from `applies_from`; a correction of a plain mistake applies from the
    action's first day and is still listed. `responsibilities` is a list of
    {"kind", "person", "post", "role_text"} (ids or null), in order. Written only by
    `styr.plans.domain.record_action_version`.
    """

    action = models.ForeignKey(
        Action, on_delete=models.PROTECT, related_name="versions", verbose_name=_("åtgärd")
    )
    applies_from = models.DateField(_("gäller från"))
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    reason = models.TextField(_("skäl"), blank=True)
    correction = models.BooleanField(
        _("rättelse"), default=False, help_text=_("Rättar ett misstag och gäller från början.")
    )
    title = models.CharField(_("titel"), max_length=300)
    text = models.TextField(_("fullständig text"))
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="+", verbose_name=_("tema")
    )
    deadline_text = models.CharField(_("tidsangivelse"), max_length=200, blank=True)
    deadline_date = models.DateField(_("klart senast"), null=True, blank=True)
    deadline_precision = models.CharField(
        _("tidsangivelsens precision"), max_length=10, choices=Precision.choices, blank=True
    )
    responsibilities = models.JSONField(_("ansvar"), default=list, blank=True)

    class Meta:
        verbose_name = _("version av åtgärd")
        verbose_name_plural = _("versioner av åtgärder")
        ordering = ["action", "applies_from", "recorded_at", "id"]
        indexes = [models.Index(fields=["action", "applies_from"], name="actionversion_action_day")]

    def __str__(self):
        return f"{self.action_id} från {self.applies_from}"
