"""E-mail that people act on: what was sent, who subscribes to a plan's digest, who said no.

`SentMail` is the log that makes `styr reminders send` idempotent: a row is written only
after the SMTP server accepted the mail, and the unique constraint on (kind, key,
recipient) makes the same mail twice impossible, even for two runs at the same moment.
The key names what the mail is about: a round (`round:12`), a round's reminder day
(`round:12:2026-12-01`), an action (`action:55`) or a plan's week (`plan:3:2026-W49`).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.org.models import Person
from styr.plans.models import Plan


class Kind(models.TextChoices):
    INVITATION = "invitation", _("inbjudan till uppföljning")
    REMINDER = "reminder", _("påminnelse")
    LATE = "late", _("försenad åtgärd")
    DIGEST = "digest", _("veckosammanfattning")
    RETURNED = "returned", _("statusuppdatering tillbakaskickad")


# The kinds a person may turn off: the others are part of their job.
OPTIONAL = {Kind.LATE, Kind.DIGEST}


class SentMail(models.Model):
    # No choices on the column: a new kind of mail needs no migration.
    kind = models.CharField(_("slag"), max_length=20)
    key = models.CharField(_("gäller"), max_length=100)
    recipient = models.EmailField(_("mottagare"))
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("användare"),
    )
    day = models.DateField(_("dag"))
    sent_at = models.DateTimeField(_("skickat"), default=timezone.now)

    class Meta:
        verbose_name = _("skickat e-postmeddelande")
        verbose_name_plural = _("skickade e-postmeddelanden")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "recipient"], name="sent_mail_once")
        ]
        indexes = [models.Index(fields=["day"], name="sent_mail_day")]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.recipient}"


class Subscription(models.Model):
    """An address that gets the plan's weekly digest of status changes."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("plan")
    )
    email = models.EmailField(_("e-postadress"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tillagd av"),
    )
    created_at = models.DateTimeField(_("tillagd"), default=timezone.now)

    class Meta:
        verbose_name = _("prenumeration")
        verbose_name_plural = _("prenumerationer")
        constraints = [models.UniqueConstraint(fields=["plan", "email"], name="subscription_once")]

    def __str__(self):
        return f"{self.email} ({self.plan})"


class OptOut(models.Model):
    """An address that said no to a kind of mail: for a plan's digest `scope` is
    `plan:<id>`, for late notices it is empty (all plans)."""

    email = models.EmailField(_("e-postadress"))
    kind = models.CharField(_("slag"), max_length=20)
    scope = models.CharField(_("gäller"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("avregistrerad"), default=timezone.now)

    class Meta:
        verbose_name = _("avregistrering")
        verbose_name_plural = _("avregistreringar")
        constraints = [
            models.UniqueConstraint(fields=["email", "kind", "scope"], name="opt_out_once")
        ]

    def __str__(self):
        return f"{self.email}: {self.kind} {self.scope}"
