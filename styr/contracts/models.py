"""Managers (chefer) with their line managers, dated; result contracts (resultatkontrakt).

A `ManagerAssignment` says that a person was a manager, with a title, at a unit, reporting
to a line manager, from `start` to `end` (inclusive; no end: still so). An HR import ends
the assignments that change and starts new ones from its date, so the line as it stood on
any day can be read again (`styr.contracts.queries.managers_on`). Who is a director is the
organisation's answer (a director post held that day), not this table's.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.org.models import Municipality, Person, Post, Unit, example_label


class ManagerAssignment(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommun")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="manager_assignments",
        verbose_name=_("chef"),
    )
    title = models.CharField(_("titel"), max_length=200)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("enhet")
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tjänst"),
        help_text=_("Tjänsten i organisationen, om chefen innehar en (t.ex. en direktörs)."),
    )
    line_manager = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("närmaste chef"),
    )
    start = models.DateField(_("från"))
    end = models.DateField(_("till"), null=True, blank=True)
    is_example = models.BooleanField(
        _("exempel"),
        default=False,
        help_text=_("Påhittad chef i demonstrationsdata; visas märkt (exempel)."),
    )
    source = models.CharField(_("källa"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now)

    class Meta:
        verbose_name = _("chefsuppdrag")
        verbose_name_plural = _("chefsuppdrag")
        ordering = ["person", "start"]
        indexes = [
            models.Index(fields=["municipality", "start"], name="manager_assignment_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(start__lte=models.F("end")),
                name="manager_assignment_start_before_end",
            ),
            models.CheckConstraint(
                condition=~models.Q(line_manager=models.F("person")),
                name="manager_assignment_not_own_manager",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.label}"

    @property
    def label(self) -> str:
        return example_label(self.title, self.is_example)
