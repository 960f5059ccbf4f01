"""Managers (chefer) with their line managers, dated; result contracts (resultatkontrakt).

A `ManagerAssignment` says that a person was a manager, with a title, at a unit, reporting
to a line manager, from `start` to `end` (inclusive; no end: still so). An HR import ends
the assignments that change and starts new ones from its date, so the line as it stood on
any day can be read again (`styr.contracts.queries.managers_on`). Who is a director is the
organisation's answer (a director post held that day), not this table's.

A `ResultContract` is one manager's contract for a year, between them and their line
manager. Its content is written in `ContractVersion`s (goals from the goal tree, actions of
the plans, expected results with an indicator and a target); its status comes from dated
`ContractEvent`s: a version written (utkast), the manager's acceptance (överenskommet), the
year-end follow-up with an outcome per expected result (följt upp). Versions, expected
results, events and outcomes are append-only: the history is kept, never rewritten.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.goals.models import Goal, Indicator
from styr.lib.append_only import AppendOnly
from styr.org.models import Municipality, Person, Post, Unit, example_label
from styr.plans.models import Action


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


class ContractStatus(models.TextChoices):
    DRAFT = "utkast", _("utkast")
    AGREED = "overenskommet", _("överenskommet")
    FOLLOWED_UP = "foljt_upp", _("följt upp")


class ResultContract(models.Model):
    """A manager's result contract for a year, with their line manager (the two signatories).
    What it says is its newest version; where it stands is its events."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommun")
    )
    manager = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="result_contracts", verbose_name=_("chef")
    )
    line_manager = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("närmaste chef")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    created_at = models.DateTimeField(_("skapat"), default=timezone.now)

    class Meta:
        verbose_name = _("resultatkontrakt")
        verbose_name_plural = _("resultatkontrakt")
        ordering = ["year", "manager__name"]
        constraints = [
            models.UniqueConstraint(fields=["manager", "year"], name="contract_once_per_year"),
            models.CheckConstraint(
                condition=~models.Q(line_manager=models.F("manager")),
                name="contract_two_signatories",
            ),
        ]

    def __str__(self):
        return f"{self.manager} {self.year}"


class ContractVersion(AppendOnly):
    """What the contract says, as the line manager wrote it; each save a new version."""

    contract = models.ForeignKey(
        ResultContract,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("resultatkontrakt"),
    )
    number = models.PositiveIntegerField(_("version"))
    summary = models.TextField(_("uppdrag och inriktning"), blank=True)
    goals = models.ManyToManyField(Goal, blank=True, related_name="+", verbose_name=_("mål"))
    actions = models.ManyToManyField(
        Action, blank=True, related_name="+", verbose_name=_("åtgärder")
    )
    written_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("skriven av")
    )
    recorded_at = models.DateTimeField(_("sparad"), default=timezone.now)

    class Meta:
        verbose_name = _("version av resultatkontrakt")
        verbose_name_plural = _("versioner av resultatkontrakt")
        ordering = ["contract", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="contract_version_once")
        ]

    def __str__(self):
        return f"{self.contract}, version {self.number}"


class ExpectedResult(AppendOnly):
    """An expected result of a version: what, measured by which indicator, against what."""

    version = models.ForeignKey(
        ContractVersion,
        on_delete=models.CASCADE,
        related_name="results",
        verbose_name=_("version"),
    )
    order = models.PositiveSmallIntegerField(_("ordning"))
    text = models.TextField(_("förväntat resultat"))
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indikator"),
    )
    target = models.CharField(_("målvärde"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("förväntat resultat")
        verbose_name_plural = _("förväntade resultat")
        ordering = ["version", "order"]

    def __str__(self):
        return self.text


class EventKind(models.TextChoices):
    WRITTEN = "written", _("version skriven")
    AGREED = "agreed", _("överenskommet")
    FOLLOWED_UP = "followed_up", _("följt upp")


class ContractEvent(AppendOnly):
    """A step of the contract on a day, by one of its signatories: a version written (the
    line manager), accepted (the manager), followed up (the line manager)."""

    contract = models.ForeignKey(
        ResultContract,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("resultatkontrakt"),
    )
    kind = models.CharField(_("händelse"), max_length=20, choices=EventKind.choices)
    version = models.ForeignKey(
        ContractVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("version")
    )
    on = models.DateField(_("datum"))
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("av")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("konto"),
    )
    note = models.TextField(_("kommentar"), blank=True)
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now)

    class Meta:
        verbose_name = _("händelse i resultatkontrakt")
        verbose_name_plural = _("händelser i resultatkontrakt")
        ordering = ["contract", "on", "recorded_at", "id"]

    def __str__(self):
        return f"{self.contract}: {self.get_kind_display()} {self.on}"


class Attainment(models.TextChoices):
    MET = "uppfyllt", _("uppfyllt")
    PARTLY = "delvis", _("delvis uppfyllt")
    NOT_MET = "ej", _("ej uppfyllt")


class Outcome(AppendOnly):
    """The year-end outcome of one expected result, recorded with the follow-up."""

    event = models.ForeignKey(
        ContractEvent,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("uppföljning"),
    )
    result = models.ForeignKey(
        ExpectedResult,
        on_delete=models.PROTECT,
        related_name="outcomes",
        verbose_name=_("förväntat resultat"),
    )
    attainment = models.CharField(_("bedömning"), max_length=10, choices=Attainment.choices)
    text = models.TextField(_("utfall"))

    class Meta:
        verbose_name = _("utfall")
        verbose_name_plural = _("utfall")
        ordering = ["event", "result__order"]

    def __str__(self):
        return f"{self.result}: {self.get_attainment_display()}"
