"""The words of goals and indicators: levels, directions, units, periods, sources and
attainment, and the check that a period key is one Styr can read."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.lib.periods import InvalidPeriod, parse_period


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
