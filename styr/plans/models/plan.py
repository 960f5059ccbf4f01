"""A plan and what it is made of: focus areas, themes, actions and who answers for them."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from styr.lib.dates import describe
from styr.org.models import Body, Municipality, Person, Post, Precision

if TYPE_CHECKING:
    from styr.plans.models.history import ActionVersion


class Status(models.TextChoices):
    DONE = "done", _("Genomfört")
    IN_PROGRESS = "in_progress", _("Pågår")
    ONGOING = "ongoing", _("Pågår kontinuerligt")
    NOT_STARTED = "not_started", _("Ej påbörjad")
    UNKNOWN = "unknown", _("Oklar")


class Origin(models.TextChoices):
    EARLIER = "earlier", _("Tidigare beslutad")
    NEW = "new", _("Ny i denna plan")


class Plan(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="plans", verbose_name=_("kommun")
    )
    slug = models.SlugField(_("kortnamn"), max_length=200, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    subtitle = models.CharField(_("undertitel"), max_length=300, blank=True)
    registration_number = models.CharField(_("diarienummer"), max_length=100)
    period_start = models.DateField(_("period från"))
    period_end = models.DateField(_("period till"))
    owner = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("ägare (politiskt organ)"),
    )
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    decided_precision = models.CharField(
        _("beslutsdatumets precision"),
        max_length=10,
        choices=Precision.choices,
        default=Precision.DAY,
    )
    summary = models.TextField(_("sammanfattning"), blank=True)
    published_at = models.DateTimeField(
        _("offentliggjord"),
        null=True,
        blank=True,
        help_text=_("Tomt: ett utkast som bara inloggade med rätt behörighet ser."),
    )
    requires_approval = models.BooleanField(
        _("kräver godkännande"),
        default=False,
        help_text=_(
            "En ansvarigs statusuppdatering är inlämnad tills planens strateg godkänner den; "
            "först då syns den publikt och i rapporter."
        ),
    )

    class Meta:
        verbose_name = _("handlingsplan")
        verbose_name_plural = _("handlingsplaner")
        ordering = ["-period_start", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "registration_number"], name="plan_unique_regno"
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="plan_period_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:plan", args=[self.slug])

    @property
    def decided(self) -> str:
        return describe(self.decided_on, self.decided_precision) if self.decided_on else ""

    @property
    def is_draft(self) -> bool:
        return self.published_at is None


class FocusArea(models.Model):
    """One of a plan's numbered focus areas (fokusområden / utvecklingsområden)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("plan")
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.TextField(_("titel"))

    class Meta:
        verbose_name = _("fokusområde")
        verbose_name_plural = _("fokusområden")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="focus_area_unique_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Theme(models.Model):
    """A heading of the plan; themes nest (a section, its headings, their sub-headings)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="themes", verbose_name=_("plan")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("överordnad rubrik"),
    )
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    title = models.CharField(_("rubrik"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)
    order = models.PositiveIntegerField(_("ordning"), help_text=_("Ordning i dokumentet."))

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("teman")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="theme_unique_order")]

    def __str__(self):
        return self.heading

    @property
    def heading(self) -> str:
        """'1. Kommunikation' for a numbered heading, 'Bilaga 1: Uppföljning …' for a named one."""
        if not self.number:
            return self.title
        separator = "." if self.number.isdigit() else ":"
        return f"{self.number}{separator} {self.title}"

    def clean(self):
        if self.parent_id and self.parent.plan_id != self.plan_id:
            raise ValidationError({"parent": _("Överordnad rubrik måste höra till samma plan.")})


class Action(models.Model):
    """An åtgärd: something the plan says shall be done, with named responsibility."""

    # Set on an action read as a version says it: both by queries.as_it_stood, the names
    # also by queries.read_listed_rows.
    version: "ActionVersion"
    responsibilities_then: list

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan")
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="actions", verbose_name=_("tema")
    )
    order = models.PositiveIntegerField(_("ordning"))
    title = models.CharField(_("titel"), max_length=300)
    text = models.TextField(_("fullständig text"))
    origin = models.CharField(_("ursprung"), max_length=10, choices=Origin.choices)
    introduced_on = models.DateField(
        _("ingår i planen från"),
        help_text=_("Dagen då åtgärden beslutades eller fördes in i planen."),
    )
    deadline_text = models.CharField(
        _("tidsangivelse"),
        max_length=200,
        blank=True,
        help_text=_("Som i dokumentet, t.ex. ”under våren 2015”."),
    )
    deadline_date = models.DateField(_("klart senast"), null=True, blank=True)
    deadline_precision = models.CharField(
        _("tidsangivelsens precision"), max_length=10, choices=Precision.choices, blank=True
    )

    class Meta:
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="action_unique_order"),
            models.CheckConstraint(
                condition=models.Q(deadline_date__isnull=True, deadline_precision="")
                | models.Q(deadline_date__isnull=False) & ~models.Q(deadline_precision=""),
                name="action_deadline_has_precision",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:action", args=[self.plan.slug, self.pk])

    def clean(self):
        if self.theme_id and self.plan_id and self.theme.plan_id != self.plan_id:
            raise ValidationError({"theme": _("Temat måste höra till samma plan.")})
        if self.deadline_date and not self.deadline_precision:
            raise ValidationError({"deadline_precision": _("Ange hur exakt datumet är.")})

    @property
    def deadline_described(self) -> str:
        if not self.deadline_date:
            return ""
        return describe(self.deadline_date, self.deadline_precision)


class ResponsibilityKind(models.TextChoices):
    RESPONSIBLE = "responsible", _("Ansvarig")
    SUPPORTING = "supporting", _("Stödjande")


class Responsibility(models.Model):
    """Who answers for an action: a person, a post, or a role with no name."""

    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        related_name="responsibilities",
        verbose_name=_("åtgärd"),
    )
    kind = models.CharField(
        _("roll"),
        max_length=12,
        choices=ResponsibilityKind.choices,
        default=ResponsibilityKind.RESPONSIBLE,
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsibilities",
        verbose_name=_("person"),
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsibilities",
        verbose_name=_("tjänst"),
    )
    role_text = models.CharField(
        _("roll utan namn"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. ”respektive stödprocessdirektör”."),
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        verbose_name = _("ansvar")
        verbose_name_plural = _("ansvar")
        ordering = ["action", "kind", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False)
                | models.Q(post__isnull=False)
                | ~models.Q(role_text=""),
                name="responsibility_names_someone",
            )
        ]

    def __str__(self):
        who = self.person or self.post or self.role_text
        return f"{self.get_kind_display()}: {who}"

    def clean(self):
        if not (self.person_id or self.post_id or self.role_text):
            raise ValidationError(_("Ange en person, en tjänst eller en roll."))
