"""The stadsdirektör's obligatory manager meetings (chefsmöten), who came, and chefspriser.

The memo: "frukostmöten tre gånger per halvår, där ett möte är för alla chefer och två möten
är för chefer i stadshuset", in spring "två frukostmöten och ett halvdagsmöte med middag med
utdelning av chefspriser"; Förnyelseenheten coordinates. Who is expected at a meeting is not
stored: it is every manager of the meeting's day (`styr.contracts.queries.managers_on`) in
its audience, so a manager who starts or changes line later is counted where they were on
the day. Attendance is personal data: it is shown only to the person, their line, HR, the
coordinating unit and admins (`styr.meetings.rules`, registered in `styr.accounts.policy`).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.lib.dates import swedish_day
from styr.org.models import Municipality, Person, Unit


class MeetingKind(models.TextChoices):
    BREAKFAST = "frukost", _("frukostmöte")
    HALF_DAY = "halvdag", _("halvdagsmöte")
    HALF_DAY_DINNER = "halvdag_middag", _("halvdagsmöte med middag")


class Audience(models.TextChoices):
    ALL = "alla", _("alla chefer")
    TOWN_HALL = "stadshuset", _("chefer i stadshuset")


class AttendanceStatus(models.TextChoices):
    PRESENT = "narvarande", _("närvarande")
    EXCUSED = "forhinder", _("anmält förhinder")
    ABSENT = "franvarande", _("frånvarande")


class Coordination(models.Model):
    """Who coordinates a municipality's manager meetings, and which units are the town
    hall's (a meeting for "chefer i stadshuset" expects the managers of those units and of
    the units under them on the meeting's day).

    The right to record attendance and award chefspriser (`meetings.record_attendance`) is
    held by whoever holds, on the day they act, a post that leads the coordinating unit
    (Förnyelseenheten's enhetschef, Kersti Hedqvist, in the memo), by the people named as
    coordinators, and by the municipality's admins.
    """

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="meeting_coordination",
        verbose_name=_("kommun"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("samordnande enhet"),
        help_text=_("Den som leder enheten registrerar närvaro och delar ut chefspriser."),
    )
    coordinators = models.ManyToManyField(
        Person,
        blank=True,
        related_name="+",
        verbose_name=_("samordnare"),
        help_text=_("Fler som får registrera närvaro, utöver enhetens chef."),
    )
    town_hall_units = models.ManyToManyField(
        Unit,
        blank=True,
        related_name="+",
        verbose_name=_("enheter i stadshuset"),
        help_text=_("Med enheterna under dem: chefer i stadshuset."),
    )

    class Meta:
        verbose_name = _("samordning av chefsmöten")
        verbose_name_plural = _("samordning av chefsmöten")

    def __str__(self):
        return str(self.municipality)


class Meeting(models.Model):
    # Set on the rows of an attendance sheet (queries.attendance_sheet), for its page:
    expected_count: int
    recorded: bool

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("kommun")
    )
    date = models.DateField(_("datum"))
    kind = models.CharField(_("typ"), max_length=20, choices=MeetingKind.choices)
    audience = models.CharField(_("för"), max_length=20, choices=Audience.choices)
    mandatory = models.BooleanField(_("obligatoriskt"), default=True)
    title = models.CharField(_("rubrik"), max_length=200, blank=True)
    place = models.CharField(_("plats"), max_length=200, blank=True)
    note = models.TextField(_("anteckning"), blank=True)
    is_example = models.BooleanField(
        _("exempel"),
        default=False,
        help_text=_("Datumet anges inte i källan; mötet visas märkt (exempel)."),
    )

    class Meta:
        verbose_name = _("chefsmöte")
        verbose_name_plural = _("chefsmöten")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["municipality", "date"], name="meeting_day")]

    def __str__(self):
        return f"{self.get_kind_display()} {swedish_day(self.date)}"

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.municipality.slug, self.pk])

    @property
    def heading(self) -> str:
        return self.title or str(self.get_kind_display()).capitalize()


class Attendance(models.Model):
    """One manager's attendance at one meeting, as the coordinating unit recorded it.

    A later recording replaces the earlier (the audit log keeps before → after and who).
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("möte")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="meeting_attendances", verbose_name=_("chef")
    )
    status = models.CharField(_("närvaro"), max_length=20, choices=AttendanceStatus.choices)
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    source = models.CharField(
        _("källa"), max_length=200, blank=True, help_text=_("Filen närvaron lästes från.")
    )

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class Award(models.Model):
    """A chefspris awarded at a meeting, with its citation (motivering)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="awards", verbose_name=_("möte")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="manager_awards",
        verbose_name=_("pristagare"),
    )
    prize = models.CharField(_("pris"), max_length=200)
    citation = models.TextField(_("motivering"))
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerat av"),
    )
    is_example = models.BooleanField(_("exempel"), default=False)

    class Meta:
        verbose_name = _("chefspris")
        verbose_name_plural = _("chefspriser")
        ordering = ["meeting", "prize", "id"]

    def __str__(self):
        return f"{self.prize}: {self.person}"
