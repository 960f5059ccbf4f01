"""The status form: what a director types, converted and checked before anything is written.

The date rules are the write path's own (`check_update_date`), so the form and
`record_status_update` cannot disagree; the form shows them at the field they concern.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.lib.fields import DayField
from styr.plans.approval import COMMENT_LIMIT
from styr.plans.domain import ANY_SEEN, NOTE_LIMIT, check_update_date
from styr.plans.models import Action, Decision, Status, StatusUpdate

TOO_LONG = _("Högst %(limit_value)d tecken; texten har %(show_value)d.")


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Välj en av statusarna i listan.")},
    )
    note = forms.CharField(
        label=_("Kommentar"),
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Visas publikt på åtgärdens sida och i lägesrapporten."),
        error_messages={"max_length": TOO_LONG},
    )
    date = DayField(
        label=_("Statusen gäller den"),
        help_text=_("Dagen statusen beskriver (ÅÅÅÅ-MM-DD): i dag eller tidigare."),
    )
    internal_note = forms.CharField(
        label=_("Intern kommentar"),
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Frivillig. Visas inte publikt: bara för dem som svarar för åtgärden, strateger "
            "och interna läsare."
        ),
        error_messages={"max_length": TOO_LONG},
    )
    # The newest update the form showed (empty: none), so that a save made after someone
    # else's is refused instead of silently following it.
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        data=None,
        *,
        action: Action,
        latest: StatusUpdate | None,
        newest: StatusUpdate | None,
    ):
        """`latest` is the update describing the latest day (the date rule), `newest` the
        one recorded last (what `seen` names)."""
        today = timezone.localdate()
        initial = {
            "date": today,
            "status": latest.status if latest else None,
            "seen": newest.id if newest else "",
        }
        super().__init__(data, initial=initial)
        self.action = action
        self.latest = latest
        earliest = max(action.introduced_on, latest.date) if latest else action.introduced_on
        self.fields["date"].widget.attrs.update(
            {"min": earliest.isoformat(), "max": today.isoformat()}
        )

    def clean_date(self):
        date = self.cleaned_data["date"]
        check_update_date(self.action, date, after=self.latest)
        return date

    def clean_seen(self):
        """ANY_SEEN when the field is not sent at all (a script that was shown nothing),
        None when the form showed no update, else the id it showed."""
        if "seen" not in self.data:
            return ANY_SEEN
        text = self.cleaned_data["seen"].strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError(_("Formuläret är skadat. Ladda om sidan och försök igen."))
        return int(text)

    def showing(self, newer: StatusUpdate, latest: StatusUpdate | None) -> StatusForm:
        """The same typed text, now having shown `newer`: a deliberate second save is kept.
        `latest` is read again, since `newer` may describe a later day."""
        # A QueryDict (views bind the form to request.POST); the stubs type form data as Mapping.
        data = self.data.copy()  # type: ignore[attr-defined]
        data["seen"] = str(newer.id)
        return StatusForm(data, action=self.action, latest=latest, newest=newer)


class ReviewForm(forms.Form):
    """The strateg's decision on one submitted update."""

    decision = forms.ChoiceField(
        label=_("Beslut"),
        choices=Decision.choices,
        error_messages={"invalid_choice": _("Välj Godkänn eller Skicka tillbaka.")},
    )
    comment = forms.CharField(
        label=_("Kommentar till den ansvariga"),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Krävs när du skickar tillbaka: skickas med e-post till den som lämnade in."),
        error_messages={"max_length": TOO_LONG},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.RETURNED and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Skriv varför uppdateringen skickas tillbaka."))
        return cleaned


class ApprovalSettingForm(forms.Form):
    requires_approval = forms.BooleanField(
        label=_("Statusuppdateringar från ansvariga kräver godkännande"), required=False
    )
