"""The municipality's organisation, dated so that any past day can be shown as it was.

Political bodies exist between two dates. Units are a tree whose names, parents and
responsible directors change through dated `UnitChange` rows: the `Unit` row holds the state
before any recorded change, and `styr.org.history.units_as_of` folds the changes up to a day.
Posts are held by people for dated tenures.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from styr.lib.dates import describe, swedish_day
from styr.org.history import created_on, tenure_covers


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


class Person(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="people", verbose_name=_("kommun")
    )
    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn"), max_length=200)
    # Contact and identity for the municipality's own use (mail about their actions, the
    # link made at a first single sign-on): personal data, never shown on public pages.
    email = models.EmailField(
        _("e-post"),
        blank=True,
        help_text=_("Dit påminnelser om personens åtgärder skickas om kontot saknar e-post."),
    )
    employee_number = models.CharField(
        _("anställningsnummer"),
        max_length=50,
        blank=True,
        help_text=_(
            "Kopplar personen till ett konto vid första inloggningen via "
            "kommunens inloggning (om den anger anställningsnummer)."
        ),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="person_unique_slug")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:person", args=[self.municipality.slug, self.slug])


class PersonAlias(models.Model):
    """Another spelling of a person's name, e.g. "Mats Boman" for Mats Bohman."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("person")
    )
    name = models.CharField(_("stavning"), max_length=200)

    class Meta:
        verbose_name = _("alternativ stavning")
        verbose_name_plural = _("alternativa stavningar")
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="alias_unique_per_person")
        ]

    def __str__(self):
        return self.name


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


class BodyKind(models.TextChoices):
    COUNCIL = "fullmaktige", _("fullmäktige")
    EXECUTIVE = "styrelse", _("styrelse")
    BOARD = "namnd", _("nämnd")
    SUBCOMMITTEE = "utskott", _("utskott")
    ADVISORY = "rad", _("råd")
    COMMITTEE = "kommitte", _("kommitté")


class Body(models.Model):
    """A political body: kommunfullmäktige, kommunstyrelsen, a nämnd, utskott, råd or kommitté."""

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


class Post(models.Model):
    """A post such as stadsdirektör or enhetschef, held by people for dated tenures."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="posts", verbose_name=_("kommun")
    )
    slug = models.SlugField(_("kortnamn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200)
    is_director = models.BooleanField(_("direktör"), default=False)
    leads_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="head_posts",
        verbose_name=_("leder enhet"),
    )
    valid_from = models.DateField(_("inrättad"), null=True, blank=True)
    valid_to = models.DateField(_("avvecklad"), null=True, blank=True)
    is_example = models.BooleanField(
        _("exempel"),
        default=False,
        help_text=_("Titeln anges inte i källan; den visas märkt (exempel)."),
    )

    class Meta:
        verbose_name = _("tjänst")
        verbose_name_plural = _("tjänster")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="post_unique_slug")
        ]

    def __str__(self):
        return self.title

    @property
    def label(self) -> str:
        return example_label(self.title, self.is_example)

    def clean(self):
        if self.leads_unit_id is None:
            return
        problem = post_before_unit(self, self.leads_unit, created_on(self.leads_unit.changes.all()))
        if problem:
            raise ValidationError({"valid_from": problem})


def post_before_unit(post, unit, unit_created: dt.date | None) -> str:
    """Why `post` cannot lead `unit`, or "": a post does not start before its unit exists."""
    if unit_created is None or (post.valid_from and post.valid_from >= unit_created):
        return ""
    since = swedish_day(post.valid_from) if post.valid_from else gettext("utan startdatum")
    return gettext(
        "Tjänsten %(post)s (%(since)s) leder %(unit)s, som inrättas först %(created)s: "
        "en tjänst kan inte börja före sin enhet."
    ) % {
        "post": post.title,
        "since": since,
        "unit": unit.name,
        "created": swedish_day(unit_created),
    }


class Tenure(models.Model):
    """A person holding a post from `start` to `end` (both inclusive; empty = not recorded)."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="tenures", verbose_name=_("tjänst")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="tenures", verbose_name=_("person")
    )
    start = models.DateField(_("från"), null=True, blank=True)
    end = models.DateField(_("till"), null=True, blank=True)
    note = models.TextField(_("anteckning"), blank=True)
    is_example = models.BooleanField(
        _("exempel"),
        default=False,
        help_text=_("Innehavets datum anges inte i källan; de visas märkta (exempel)."),
    )

    class Meta:
        verbose_name = _("innehav av tjänst")
        verbose_name_plural = _("innehav av tjänster")
        ordering = ["post", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(start__lte=models.F("end")),
                name="tenure_start_before_end",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.post}"

    def covers(self, day) -> bool:
        return tenure_covers(self, day)

    def clean(self):
        post = self.post if self.post_id else None
        if post is None or post.valid_from is None:
            return
        if self.start is None or self.start < post.valid_from:
            raise ValidationError(
                {
                    "start": gettext(
                        "Tjänsten %(post)s inrättas %(day)s; innehavet kan inte börja före det."
                    )
                    % {"post": post.title, "day": swedish_day(post.valid_from)}
                }
            )
