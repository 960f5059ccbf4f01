"""Posts (stadsdirektör, enhetschef, …) and the people who hold them for dated tenures; a
post does not start before the unit it leads."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from styr.lib.dates import swedish_day
from styr.org.history import created_on, tenure_covers
from styr.org.models.municipality import Municipality, example_label
from styr.org.models.people import Person
from styr.org.models.units import Unit


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

    unit_name: str  # set by the portal's person page: the unit's name on the day

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
