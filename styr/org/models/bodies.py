"""Political bodies (fullmäktige, styrelse, nämnder, utskott, råd, kommittéer), each existing
between two dates."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.org.models.municipality import Municipality
from styr.org.models.units import Unit

if TYPE_CHECKING:
    from styr.org.models.posts import Post


class BodyKind(models.TextChoices):
    COUNCIL = "fullmaktige", _("fullmäktige")
    EXECUTIVE = "styrelse", _("styrelse")
    BOARD = "namnd", _("nämnd")
    SUBCOMMITTEE = "utskott", _("utskott")
    ADVISORY = "rad", _("råd")
    COMMITTEE = "kommitte", _("kommitté")


class Body(models.Model):
    """A political body: kommunfullmäktige, kommunstyrelsen, a nämnd, utskott, råd or kommitté."""

    # Set by the portal's organisation page, for the day it shows:
    post_then: "Post | None"
    holders: list
    support_name: str
    kind_label: str

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="bodies", verbose_name=_("kommun")
    )
    slug = models.SlugField(_("kortnamn"), max_length=200)
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("överordnat organ"),
    )
    valid_from = models.DateField(_("inrättat"), null=True, blank=True)
    valid_to = models.DateField(_("avvecklat"), null=True, blank=True)
    responsible_post = models.ForeignKey(
        "Post",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_for_bodies",
        verbose_name=_("ansvarig direktör (tjänst)"),
    )
    support_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supported_bodies",
        verbose_name=_("tjänstemannastöd från"),
    )
    support_fte = models.DecimalField(
        _("stöd i antal tjänster"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    remit = models.TextField(_("uppdrag"), blank=True)

    class Meta:
        verbose_name = _("politiskt organ")
        verbose_name_plural = _("politiska organ")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="body_unique_slug")
        ]

    def __str__(self):
        return self.name

    def exists_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )
