"""The municipality, and what every dated record of its organisation shares: how precisely a
date is known and how a name the source does not state is marked."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def example_label(text: str, is_example: bool) -> str:
    """A name or title as shown: one its source does not state is marked as an example."""
    return gettext("%(text)s (exempel)") % {"text": text} if is_example else text


class Precision(models.TextChoices):
    """How precisely a stored date is known.

    A deadline known to a period is stored as the period's last day ("våren 2015" is
    2015-06-30); a start known to a period as its first day ("december 2014" is 2014-12-01).
    """

    DAY = "day", _("dag")
    WEEK = "week", _("vecka")
    MONTH = "month", _("månad")
    QUARTER = "quarter", _("kvartal")
    TERTIAL = "tertial", _("tertial")
    SEASON = "season", _("vår/höst")
    HALF_YEAR = "half_year", _("halvår")
    YEAR = "year", _("år")


class Municipality(models.Model):
    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn"), unique=True)
    kolada_id = models.CharField(_("Kolada-id"), max_length=4, blank=True)

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self):
        return self.name
