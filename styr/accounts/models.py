"""Accounts tied to people, and the roles that give rights.

A user may be linked to one `Person` of the organisation: that link is what makes someone
*ansvarig*, because an action names people (or posts they hold), never accounts. Roles are
granted per municipality, and a strateg's optionally per plan. What each role may do is
decided in one place, `styr.accounts.policy`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.org.models import Municipality, Person
from styr.plans.models import Plan


class Role(models.TextChoices):
    STRATEG = "strateg", _("strateg")
    READER = "lasare", _("läsare")
    ADMIN = "admin", _("administratör")
    # Follows up that every manager has a result contract (the personaldirektör's staff).
    HR = "hr", _("HR")


class Account(models.Model):
    """The person an account belongs to (at most one each way)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="account",
        verbose_name=_("användare"),
    )
    person = models.OneToOneField(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="account",
        verbose_name=_("person"),
    )

    class Meta:
        verbose_name = _("konto")
        verbose_name_plural = _("konton")

    def __str__(self):
        return f"{self.user} → {self.person or '–'}"


class GrantSource(models.TextChoices):
    # Granted by a person (the admin, `styr user add`): only a person takes it away.
    HAND = "hand", _("manuellt")
    # From the groups claim of single sign-on: set anew at each sign-on, gone with the group.
    GROUPS = "groups", _("grupp i inloggningstjänsten")


class RoleGrant(models.Model):
    """A role held in a municipality; a strateg's may be limited to one plan."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_grants",
        verbose_name=_("användare"),
    )
    role = models.CharField(_("roll"), max_length=10, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommun")
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("plan"),
        help_text=_("Bara för strateg: tomt betyder alla kommunens planer."),
    )
    source = models.CharField(
        _("källa"),
        max_length=10,
        choices=GrantSource.choices,
        default=GrantSource.HAND,
        help_text=_("En roll från en grupp i inloggningstjänsten sätts om vid varje inloggning."),
    )

    class Meta:
        verbose_name = _("roll")
        verbose_name_plural = _("roller")
        ordering = ["user", "role", "municipality", "plan"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "municipality", "plan"], name="role_grant_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "municipality"],
                condition=models.Q(plan__isnull=True),
                name="role_grant_unique_municipality_wide",
            ),
            models.CheckConstraint(
                condition=models.Q(plan__isnull=True) | models.Q(role="strateg"),
                name="role_grant_plan_only_for_strateg",
            ),
        ]

    def __str__(self):
        scope = self.plan or self.municipality
        return f"{self.user}: {self.get_role_display()} ({scope})"

    def clean(self):
        if self.plan_id and self.role != Role.STRATEG:
            raise ValidationError({"plan": _("Bara en strateg kan ha en roll för en viss plan.")})
        if (
            self.plan_id
            and self.municipality_id
            and self.plan.municipality_id != self.municipality_id
        ):
            raise ValidationError({"plan": _("Planen hör till en annan kommun.")})
