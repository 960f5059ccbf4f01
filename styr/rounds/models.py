"""Reporting rounds (uppföljningstillfällen): the strategy office asks a plan's responsible
people for their status by a due date.

A round does not hold the answers: an action counts as reported in a round when a status
update on it was recorded since the round opened. What the round page shows is computed
from the status history (`styr.rounds.queries`), never stored here.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.plans.models import Plan


class Round(models.Model):
    closed_day: dt.date | None  # set on the rows of the plan's list of rounds (views.rounds)

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("plan")
    )
    title = models.CharField(_("rubrik"), max_length=200)
    message = models.TextField(
        _("meddelande"), blank=True, help_text=_("Skickas med inbjudan till de ansvariga.")
    )
    due = models.DateField(_("sista dag"))
    opened_at = models.DateTimeField(_("öppnad"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("öppnad av"),
    )
    closed_at = models.DateTimeField(_("stängd"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stängd av"),
    )

    class Meta:
        verbose_name = _("uppföljningstillfälle")
        verbose_name_plural = _("uppföljningstillfällen")
        ordering = ["plan", "-opened_at", "-id"]
        indexes = [models.Index(fields=["due"], name="round_due")]

    def __str__(self):
        return self.title

    @property
    def opened_on(self) -> dt.date:
        return timezone.localdate(self.opened_at)

    def closed_on(self, today: dt.date) -> dt.date | None:
        """The day the round closed: closed by the strateg, or at the end of its due date."""
        if self.closed_at is not None:
            return timezone.localdate(self.closed_at)
        return self.due if self.due < today else None

    def is_open(self, today: dt.date) -> bool:
        return self.closed_on(today) is None
