"""Goals in their tree, the scale a municipality judges them by, and the owners' written
assessments (append-only, keeping the level computed when written)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.goals.models.choices import AssessmentLevel, GoalLevel, validate_period
from styr.lib.append_only import AppendOnly
from styr.org.models import Body, Municipality, Person, Unit
from styr.plans.models import Action


class AssessmentScale(models.Model):
    """How a municipality turns outcomes into attainment, and the words it uses for it.

    An indicator is met when its outcome reaches the target in the preferred direction, and
    partly met when it misses by no more than `tolerance_percent` of the target. A goal is met
    when at least `goal_met_percent` of its assessed indicators (and sub-goals) are met, and
    partly met when at least `goal_partly_percent` are met or partly met.
    """

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="assessment_scale",
        verbose_name=_("kommun"),
    )
    met_label = models.CharField(_("ord för uppfyllt"), max_length=50, default="Uppfyllt")
    partly_label = models.CharField(
        _("ord för delvis uppfyllt"), max_length=50, default="Delvis uppfyllt"
    )
    not_met_label = models.CharField(_("ord för ej uppfyllt"), max_length=50, default="Ej uppfyllt")
    tolerance_percent = models.DecimalField(
        _("tolerans för delvis uppfyllt (% av målvärdet)"),
        max_digits=5,
        decimal_places=2,
        default=10,
    )
    goal_met_percent = models.DecimalField(
        _("andel uppfyllda för att målet ska vara uppfyllt (%)"),
        max_digits=5,
        decimal_places=2,
        default=100,
    )
    goal_partly_percent = models.DecimalField(
        _("andel minst delvis uppfyllda för delvis uppfyllt (%)"),
        max_digits=5,
        decimal_places=2,
        default=50,
    )

    class Meta:
        verbose_name = _("bedömningsskala")
        verbose_name_plural = _("bedömningsskalor")

    def __str__(self):
        return str(self.municipality)

    def clean(self):
        if self.goal_partly_percent > self.goal_met_percent:
            raise ValidationError(
                _("Gränsen för delvis uppfyllt kan inte vara högre än gränsen för uppfyllt.")
            )


class Goal(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="goals", verbose_name=_("kommun")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("överordnat mål"),
    )
    level = models.CharField(_("nivå"), max_length=20, choices=GoalLevel.choices)
    code = models.CharField(_("beteckning"), max_length=20, blank=True)
    title = models.CharField(_("mål"), max_length=300)
    slug = models.SlugField(_("kortnamn"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    owner_body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("ägare (politiskt organ)"),
    )
    owner_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("ägare (enhet)"),
    )
    start_year = models.PositiveSmallIntegerField(_("gäller från år"))
    end_year = models.PositiveSmallIntegerField(_("gäller till och med år"), null=True, blank=True)
    order = models.PositiveIntegerField(_("ordning"), default=0)
    actions = models.ManyToManyField(
        Action, related_name="goals", blank=True, verbose_name=_("åtgärder")
    )

    class Meta:
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="goal_unique_slug")
        ]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("goals:goal", args=[self.municipality.slug, self.slug])

    def clean(self):
        if self.end_year is not None and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Slutåret kan inte ligga före startåret.")})
        if self.parent_id and self.parent.municipality_id != self.municipality_id:
            raise ValidationError({"parent": _("Det överordnade målet hör till en annan kommun.")})

    @property
    def owner(self):
        return self.owner_body or self.owner_unit


class GoalAssessment(AppendOnly):
    """The owner's written analysis of a goal for a year, with the level computed then."""

    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("mål")
    )
    period = models.CharField(_("period"), max_length=7, validators=[validate_period])
    level = models.CharField(
        _("bedömning vid skrivandet"), max_length=10, choices=AssessmentLevel.choices
    )
    analysis = models.TextField(_("analys"))
    author = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goal_assessments",
        verbose_name=_("skriven av"),
    )
    author_name = models.CharField(_("skriven av (namn)"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now)

    class Meta:
        verbose_name = _("målbedömning")
        verbose_name_plural = _("målbedömningar")
        ordering = ["goal", "period", "recorded_at", "id"]

    def __str__(self):
        return f"{self.goal} {self.period}: {self.get_level_display()}"
