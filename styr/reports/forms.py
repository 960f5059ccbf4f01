from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.lib.fields import DayField
from styr.reports.build import DEFAULT_PROPOSAL
from styr.reports.domain import TEXT_FIELDS, published_versions, reason_required_message

_TEXT = forms.Textarea(attrs={"rows": 8})
# The form fields that are ReportTexts fields of the same name; `remaining` is read apart.
TEXT_NAMES = tuple(name for name in TEXT_FIELDS if name != "remaining")


class PublishForm(forms.Form):
    """What to publish for `plan`: the day, what to compare with, and the reason when that day
    already has a published report (the new one becomes its next version). The words are the
    plan's report texts in force on the day (`ReportTextsForm`)."""

    as_of = DayField(label=_("Rapportens datum"))
    since = DayField(
        label=_("Jämför med"),
        required=False,
        help_text=_("Tomt: den förra publicerade rapporten."),
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


class ReportTextsForm(forms.Form):
    """The strategy office's words for the plan's next lägesrapport, and its choice of the
    actions that Återstående åtgärder takes up."""

    subtitle = forms.CharField(label=_("Undertitel"), required=False, max_length=300)
    proposal = forms.CharField(
        label=_("Förslag till beslut"),
        initial=DEFAULT_PROPOSAL,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    summary = forms.CharField(label=_("Sammanfattning"), required=False, widget=_TEXT)
    matter = forms.CharField(label=_("Ärendet"), required=False, widget=_TEXT)
    areas = forms.CharField(label=_("Utvecklingsområden"), required=False, widget=_TEXT)
    economy = forms.CharField(label=_("Ekonomiska konsekvenser"), required=False, widget=_TEXT)
    other = forms.CharField(label=_("Övrigt"), required=False, widget=_TEXT)
    attachments = forms.CharField(
        label=_("Bilagor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("En bilaga per rad."),
    )
    signatories = forms.CharField(
        label=_("Underskrifter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("En person per stycke: namn, titel och enhet på var sin rad."),
    )
    include_statistics = forms.BooleanField(
        label=_("Ta med avsnittet Läget i siffror"),
        required=False,
        help_text=_("Antal per status, försenade åtgärder och förändringar sedan förra rapporten."),
    )
    remaining_default = forms.BooleanField(
        label=_("Återstående åtgärder: varje tidigare beslutad åtgärd som inte är genomförd"),
        required=False,
        help_text=_("Kryssa ur för att själv välja åtgärderna nedan."),
    )
    remaining = forms.TypedMultipleChoiceField(
        label=_("Återstående åtgärder"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remaining"].choices = [
            (action.id, action.title)
            for action in plan.actions.order_by("order").only("id", "title")
        ]

    @classmethod
    def initial_from(cls, texts) -> dict:
        """The form's starting point: the latest texts (the last report's), or the defaults."""
        if texts is None:
            return {"include_statistics": True, "remaining_default": True}
        return {
            **{name: getattr(texts, name) for name in TEXT_NAMES},
            "remaining_default": texts.remaining is None,
            "remaining": texts.remaining or [],
        }

    def texts(self) -> dict:
        """The cleaned values as `record_report_texts` takes them."""
        values = {name: self.cleaned_data[name] for name in TEXT_NAMES}
        default = self.cleaned_data["remaining_default"]
        values["remaining"] = None if default else self.cleaned_data["remaining"]
        return values
