from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.lib.fields import DayField
from styr.reports.build import DEFAULT_PROPOSAL
from styr.reports.domain import published_versions, reason_required_message


class PublishForm(forms.Form):
    """What to publish for `plan`: the day, what to compare with, the proposal, and the reason
    when that day already has a published report (the new one becomes its next version)."""

    as_of = DayField(label=_("Rapportens datum"))
    since = DayField(
        label=_("Jämför med"),
        required=False,
        help_text=_("Tomt: den förra publicerade rapporten."),
    )
    proposal = forms.CharField(
        label=_("Förslag till beslut"),
        initial=DEFAULT_PROPOSAL,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    reason = forms.CharField(
        label=_("Skäl till ny version"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        help_text=_(
            "Krävs om planen redan har en publicerad rapport för samma datum. Den tidigare "
            "versionen står kvar och visas som ersatt."
        ),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_as_of(self):
        day = self.cleaned_data["as_of"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("En rapport kan inte gälla ett datum i framtiden."))
        return day

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("as_of")
        if day is not None and not cleaned.get("reason", "").strip():
            versions = [report.version for report in published_versions(self.plan, day)]
            if versions:
                self.add_error("reason", reason_required_message(day, versions))
        return cleaned
