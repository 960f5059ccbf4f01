"""The form that opens a round: the input boundary; `styr.rounds.domain` decides the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from styr.lib.fields import DayField
from styr.rounds.domain import MESSAGE_LIMIT, TITLE_LIMIT


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Rubrik"),
        required=False,
        max_length=TITLE_LIMIT,
        help_text=_("Tom: ”Uppföljning” och sista dagens månad, t.ex. ”Uppföljning mars 2026”."),
    )
    due = DayField(
        label=_("Sista dag"),
        help_text=_("Den sista dagen de ansvariga har på sig att rapportera status."),
    )
    message = forms.CharField(
        label=_("Meddelande till de ansvariga"),
        required=False,
        max_length=MESSAGE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Valfritt. Skickas med inbjudan."),
    )
