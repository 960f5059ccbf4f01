"""The manager meetings' input boundary: the period asked for, a meeting's attendance
(one choice per expected manager), an attendance list's upload and a chefspris."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from styr.lib.fields import DayField, QueryForm
from styr.meetings.domain import CITATION_LIMIT, PRIZE_LIMIT
from styr.meetings.models import AttendanceStatus
from styr.org.models import Person

# An attendance list is a few hundred rows; a file far larger is no list.
UPLOAD_LIMIT = 5 * 1024 * 1024


class PeriodForm(QueryForm):
    """?fran=2015-07-01&till=2015-12-31: the period whose meetings count."""

    fran = DayField(label=_("Från"), required=False)
    till = DayField(label=_("Till"), required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("fran"), data.get("till")
        if start and end and end < start:
            self.add_error("till", _("till ska vara samma dag som fran eller senare."))
        return data


class AttendanceForm(forms.Form):
    """One field per expected manager, `p<person id>`: their status, or empty (unchanged)."""

    def __init__(self, *args, managers, current, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("– ej registrerad –")), *AttendanceStatus.choices]
        for row in managers:
            self.fields[f"p{row.person_id}"] = forms.ChoiceField(
                label=row.name, choices=choices, required=False
            )
            self.initial[f"p{row.person_id}"] = current.get(row.person_id, "")

    def statuses(self) -> dict[int, str]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items() if value}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Närvarolista (.csv eller .xlsx)"),
        help_text=_(
            "En rad per chef: kolumnerna namn (eller anställningsnummer eller e-post) och "
            "närvaro (närvarande, anmält förhinder eller frånvarande)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT:
            raise forms.ValidationError(
                _("Filen är större än %(mb)s MB; en närvarolista är mycket mindre.")
                % {"mb": UPLOAD_LIMIT // (1024 * 1024)}
            )
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Ladda upp en .csv- eller .xlsx-fil."))
        return upload


class AwardForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Pristagare"), queryset=Person.objects.none())
    prize = forms.CharField(label=_("Pris"), max_length=PRIZE_LIMIT)
    citation = forms.CharField(
        label=_("Motivering"), max_length=CITATION_LIMIT, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(municipality=municipality)
