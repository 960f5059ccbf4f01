"""People of the municipality and the other spellings of their names."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from styr.org.models.municipality import Municipality


class Person(models.Model):
    alias_names: list[str]  # set by imports.domain.known_people, for match_person
    link: str  # set by the portal's organisation page: the person's page

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
