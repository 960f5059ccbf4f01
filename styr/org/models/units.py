"""Administrative units, a tree whose names, parents and responsible posts change through
dated `UnitChange` rows: the `Unit` row holds the state before any recorded change."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.lib.dates import describe
from styr.org.models.municipality import Municipality, Precision


class UnitKind(models.TextChoices):
    OFFICE = "kontor", _("kontor")
    UNIT = "enhet", _("enhet")
    STAFF = "stab", _("stab")
    WELFARE_AREA = "valfardsomrade", _("välfärdsområde")
    GROUP = "grupp", _("grupp")
    SERVICE = "verksamhet", _("verksamhet")
    COMPANY = "bolag", _("bolag")


class Unit(models.Model):
    """An administrative unit. Its fields hold the state before any recorded change."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="units", verbose_name=_("kommun")
    )
    slug = models.SlugField(_("kortnamn"), max_length=200)
    name = models.CharField(_("ursprungligt namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("ursprunglig överordnad enhet"),
    )
    responsible_post = models.ForeignKey(
        "Post",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_for_units",
        verbose_name=_("ursprungligt ansvarig direktör (tjänst)"),
    )
    is_example = models.BooleanField(
        _("exempel"),
        default=False,
        help_text=_("Enheten eller dess namn anges inte i källan; den visas märkt (exempel)."),
    )

    class Meta:
        verbose_name = _("enhet")
        verbose_name_plural = _("enheter")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unit_unique_slug")
        ]

    def __str__(self):
        return self.name


class ChangeKind(models.TextChoices):
    CREATE = "create", _("inrättas")
    RENAME = "rename", _("byter namn")
    MOVE = "move", _("flyttar")
    TRANSFER = "transfer", _("tar över uppgifter")
    REASSIGN = "reassign", _("ny ansvarig direktör")
    DISSOLVE = "dissolve", _("avvecklas")


class UnitChange(models.Model):
    """A dated change to a unit. Changes are the history: they are added, never edited away."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="changes", verbose_name=_("enhet")
    )
    date = models.DateField(_("datum"))
    precision = models.CharField(
        _("precision"), max_length=10, choices=Precision.choices, default=Precision.DAY
    )
    kind = models.CharField(_("typ av förändring"), max_length=10, choices=ChangeKind.choices)
    new_name = models.CharField(_("nytt namn"), max_length=200, blank=True)
    new_parent = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ny överordnad enhet"),
    )
    new_responsible_post = models.ForeignKey(
        "Post",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ny ansvarig direktör (tjänst)"),
    )
    counterpart = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lämnande enhet"),
        help_text=_("Vid överföring: enheten som lämnar uppgiften."),
    )
    note = models.TextField(_("anteckning"))

    class Meta:
        verbose_name = _("organisationsförändring")
        verbose_name_plural = _("organisationsförändringar")
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.date}: {self.unit} {self.get_kind_display()}"

    @property
    def when(self) -> str:
        return describe(self.date, self.precision)
