"""Goals, indicators, targets, measurements and the owners' written assessments.

A goal's attainment (uppfyllt / delvis uppfyllt / ej uppfyllt) is computed from its
indicators' outcomes against their targets by `styr.goals.assessment`, with the rules of the
municipality's `AssessmentScale`; nothing here stores it. What the owner writes about a goal
(`GoalAssessment`) is append-only and keeps the level that was computed when it was written.

An indicator's outcomes come from its source: measurements entered here (manual), Kolada's
values for its KPI, or Styr's own computation from contact-centre cases or HME answers.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.kolada.models import Gender, KoladaGroup, KoladaMunicipality, Kpi
from styr.lib.append_only import AppendOnly
from styr.lib.periods import InvalidPeriod, parse_period
from styr.org.models import Body, Municipality, Person, Unit
from styr.plans.models import Action


class GoalLevel(models.TextChoices):
    VISION = "vision", _("Vision")
    OVERARCHING = "overarching", _("Övergripande mål")
    STRATEGIC = "strategic", _("Strategiskt mål")
    COMMITTEE = "committee", _("Nämndmål")
    UNIT = "unit", _("Enhetsmål")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Högre är bättre")
    LOWER = "lower", _("Lägre är bättre")


class IndicatorUnit(models.TextChoices):
    PERCENT = "percent", _("%")
    KRONOR = "kronor", _("kr")
    COUNT = "count", _("antal")
    DAYS = "days", _("dagar")
    INDEX = "index", _("index")


class PeriodType(models.TextChoices):
    YEAR = "year", _("år")
    TERTIAL = "tertial", _("tertial")
    QUARTER = "quarter", _("kvartal")
    MONTH = "month", _("månad")


class Source(models.TextChoices):
    MANUAL = "manual", _("Inmatade värden")
    KOLADA = "kolada", _("Kolada")
    COMPUTED = "computed", _("Beräknas av Styr")


class Computation(models.TextChoices):
    """What Styr computes an indicator from, when its source is `computed`."""

    SERVICE_HANDLED = "service_handled", _("Andel ärenden som kontaktcenter hanterar")
    SERVICE_FIRST_CONTACT = "service_first_contact", _("Andel ärenden lösta vid första kontakten")
    HME_TOTAL = "hme_total", _("HME totalindex")
    HME_MOTIVATION = "hme_motivation", _("HME motivationsindex")
    HME_LEADERSHIP = "hme_leadership", _("HME ledarskapsindex")
    HME_GOVERNANCE = "hme_governance", _("HME styrningsindex")


class AssessmentLevel(models.TextChoices):
    MET = "met", _("Uppfyllt")
    PARTLY = "partly", _("Delvis uppfyllt")
    NOT_MET = "not_met", _("Ej uppfyllt")
    NONE = "none", _("Ej bedömt")


def validate_period(key: str) -> None:
    try:
        parse_period(key)
    except InvalidPeriod as error:
        raise ValidationError(str(error)) from error


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


class Indicator(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("kommun")
    )
    name = models.CharField(_("namn"), max_length=300)
    slug = models.SlugField(_("kortnamn"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    unit = models.CharField(_("enhet"), max_length=10, choices=IndicatorUnit.choices)
    unit_text = models.CharField(
        _("enhet i klartext"),
        max_length=50,
        blank=True,
        help_text=_("Om enheten behöver förklaras, t.ex. ”1000 kr/invånare”."),
    )
    direction = models.CharField(_("riktning"), max_length=10, choices=Direction.choices)
    period_type = models.CharField(_("periodtyp"), max_length=10, choices=PeriodType.choices)
    source = models.CharField(_("källa"), max_length=10, choices=Source.choices)
    kpi = models.ForeignKey(
        Kpi,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("nyckeltal i Kolada"),
    )
    computation = models.CharField(
        _("beräkning"), max_length=30, choices=Computation.choices, blank=True
    )
    goals = models.ManyToManyField(
        Goal, related_name="indicators", blank=True, verbose_name=_("mål")
    )
    compare_with = models.ManyToManyField(
        KoladaMunicipality,
        related_name="+",
        blank=True,
        verbose_name=_("jämför med kommuner"),
    )
    compare_group = models.ForeignKey(
        KoladaGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("jämför med kommungrupp"),
    )
    decimals = models.PositiveSmallIntegerField(_("decimaler"), default=1)
    note = models.TextField(
        _("anmärkning om data"),
        blank=True,
        help_text=_("Visas vid värdena, t.ex. att de är påhittade exempel i en demo."),
    )

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="indicator_unique_slug"),
            models.CheckConstraint(
                condition=~Q(source="kolada") | Q(kpi__isnull=False),
                name="indicator_kolada_has_kpi",
            ),
            models.CheckConstraint(
                condition=~Q(source="computed") | ~Q(computation=""),
                name="indicator_computed_has_computation",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("goals:indicator", args=[self.municipality.slug, self.slug])

    def clean(self):
        if self.source == Source.KOLADA:
            if not self.kpi_id:
                raise ValidationError({"kpi": _("Ange nyckeltalet i Kolada.")})
            if self.period_type != PeriodType.YEAR:
                raise ValidationError({"period_type": _("Kolada redovisar värden per år.")})
        if self.source == Source.COMPUTED and not self.computation:
            raise ValidationError({"computation": _("Ange vad Styr ska beräkna.")})

    @property
    def unit_label(self) -> str:
        return self.unit_text or self.get_unit_display()


class Target(models.Model):
    """The value an indicator should reach in a period, read in the indicator's direction.

    A year's target also applies to the tertials, quarters and months within it.
    """

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indikator")
    )
    period = models.CharField(_("period"), max_length=7, validators=[validate_period])
    value = models.FloatField(_("målvärde"))

    class Meta:
        verbose_name = _("målvärde")
        verbose_name_plural = _("målvärden")
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="target_unique_period")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period} {self.value}"


class Measurement(models.Model):
    """An outcome entered or computed for a period and a scope: the municipality as a whole,
    one of its units, or another municipality. A value of None is missing, never zero."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indikator"),
    )
    period = models.CharField(_("period"), max_length=7, validators=[validate_period])
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name=_("enhet"),
    )
    other_municipality = models.ForeignKey(
        KoladaMunicipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("annan kommun"),
    )
    gender = models.CharField(_("kön"), max_length=1, choices=Gender.choices, default="T")
    value = models.FloatField(_("utfall"), null=True, blank=True)
    is_example = models.BooleanField(
        _("exempel"),
        default=False,
        help_text=_(
            "Värdet är påhittat (demo), inte ett verkligt utfall; sidorna som visar det säger det."
        ),
    )
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now)

    class Meta:
        verbose_name = _("utfall")
        verbose_name_plural = _("utfall")
        ordering = ["indicator", "period"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=True) | Q(other_municipality__isnull=True),
                name="measurement_one_scope",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period", "gender"],
                condition=Q(unit__isnull=True, other_municipality__isnull=True),
                name="measurement_unique_municipality",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period", "gender", "unit"],
                condition=Q(unit__isnull=False),
                name="measurement_unique_unit",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period", "gender", "other_municipality"],
                condition=Q(other_municipality__isnull=False),
                name="measurement_unique_other",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period} {self.value}"


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
