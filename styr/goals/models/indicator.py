"""Indicators, their targets and their measured outcomes (entered, from Kolada or computed
by Styr), per period and scope."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.goals.models.choices import (
    Computation,
    Direction,
    IndicatorUnit,
    PeriodType,
    Source,
    validate_period,
)
from styr.goals.models.goal import Goal
from styr.kolada.models import Gender, KoladaGroup, KoladaMunicipality, Kpi
from styr.org.models import Municipality, Unit


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
