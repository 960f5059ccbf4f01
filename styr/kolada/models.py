"""Kolada, the municipal KPI database: its catalogue, municipalities, groups and values.

These tables mirror Kolada's own records under Kolada's own ids ("N00945", "0182",
"G37475"), so that a re-load updates rows in place and data files can refer to them
directly. Whoever shows a value from here writes "Källa: Kolada"; numbers Styr derives
from them (a group's mean) are Styr's, not Kolada's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityType(models.TextChoices):
    KOMMUN = "K", _("kommun")
    REGION = "L", _("region")


class KpiMunicipalityType(models.TextChoices):
    KOMMUN = "K", _("kommun")
    REGION = "L", _("region")
    BOTH = "A", _("kommun och region")


class Gender(models.TextChoices):
    TOTAL = "T", _("totalt")
    WOMEN = "K", _("kvinnor")
    MEN = "M", _("män")


class Kpi(models.Model):
    id = models.CharField(_("id"), max_length=10, primary_key=True)
    title = models.CharField(_("titel"), max_length=500)
    description = models.TextField(_("beskrivning"), blank=True)
    is_divided_by_gender = models.BooleanField(_("uppdelad på kön"), default=False)
    municipality_type = models.CharField(
        _("avser"), max_length=1, choices=KpiMunicipalityType.choices
    )
    auspice = models.CharField(_("regi"), max_length=10, blank=True)
    operating_area = models.CharField(_("verksamhetsområde"), max_length=500, blank=True)
    perspective = models.CharField(_("perspektiv"), max_length=200, blank=True)
    prel_publication_date = models.DateField(_("preliminär publicering"), null=True, blank=True)
    publication_date = models.DateField(_("publicering"), null=True, blank=True)
    publ_period = models.CharField(_("publicerad period"), max_length=20, blank=True)
    has_ou_data = models.BooleanField(_("har data per enhet"), default=False)

    class Meta:
        verbose_name = _("nyckeltal i Kolada")
        verbose_name_plural = _("nyckeltal i Kolada")
        ordering = ["id"]

    def __str__(self):
        return f"{self.id} {self.title}"


class KoladaMunicipality(models.Model):
    """A municipality or region as Kolada knows it; "0000" is Riket (the whole country)."""

    id = models.CharField(_("id"), max_length=4, primary_key=True)
    title = models.CharField(_("namn"), max_length=200)
    type = models.CharField(_("typ"), max_length=1, choices=MunicipalityType.choices)

    class Meta:
        verbose_name = _("kommun eller region i Kolada")
        verbose_name_plural = _("kommuner och regioner i Kolada")
        ordering = ["title"]

    def __str__(self):
        return self.title


class KoladaGroup(models.Model):
    """A named group of municipalities; its value is the unweighted mean of its members."""

    id = models.CharField(_("id"), max_length=20, primary_key=True)
    title = models.CharField(_("namn"), max_length=300)
    members = models.ManyToManyField(
        KoladaMunicipality, related_name="groups", verbose_name=_("medlemmar"), blank=True
    )

    class Meta:
        verbose_name = _("kommungrupp i Kolada")
        verbose_name_plural = _("kommungrupper i Kolada")
        ordering = ["title"]

    def __str__(self):
        return self.title


class KoladaValue(models.Model):
    """One value of a KPI for a municipality, a year and a gender; None is missing, not 0."""

    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="values")
    municipality = models.ForeignKey(
        KoladaMunicipality, on_delete=models.CASCADE, related_name="values"
    )
    period = models.PositiveSmallIntegerField(_("år"))
    gender = models.CharField(_("kön"), max_length=1, choices=Gender.choices)
    value = models.FloatField(_("värde"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=30, blank=True)
    count = models.PositiveIntegerField(_("antal"), null=True, blank=True)

    class Meta:
        verbose_name = _("värde från Kolada")
        verbose_name_plural = _("värden från Kolada")
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "municipality", "period", "gender"], name="kolada_value_unique"
            )
        ]

    def __str__(self):
        return f"{self.kpi_id} {self.municipality_id} {self.period} {self.gender}: {self.value}"
