from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.reports.build import DEFAULT_PROPOSAL


class PublishForm(forms.Form):
    as_of = forms.DateField(
        label=_("Rapportens datum"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Ange datum som ÅÅÅÅ-MM-DD.")},
    )
    since = forms.DateField(
        label=_("Jämför med"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Tomt: den förra publicerade rapporten."),
        error_messages={"invalid": _("Ange datum som ÅÅÅÅ-MM-DD.")},
    )
    proposal = forms.CharField(
        label=_("Förslag till beslut"),
        initial=DEFAULT_PROPOSAL,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def clean_as_of(self):
        day = self.cleaned_data["as_of"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("En rapport kan inte gälla ett datum i framtiden."))
        return day
