"""The import page's forms: the upload, the plan's own fields, and one row per action."""

from __future__ import annotations

import re
from typing import cast

from django import forms
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.extract.readers import SUFFIXES
from styr.imports import review
from styr.lib.fields import DayField
from styr.lib.uploads import MAX_UPLOAD
from styr.org.models import Body, Municipality, Precision
from styr.plans.models import Status


class BodyChoiceField(forms.ModelChoiceField):
    """A political body, named with its municipality where there are several to choose."""

    with_municipality = False

    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.municipality.name})" if self.with_municipality else str(obj)


class PlanFields(forms.Form):
    """The new plan's own fields. The municipalities are the ones the user may import into
    (chosen only when there are several); the owner is one of their bodies, never a
    default, and the title is typed by a person, never taken from the file name."""

    title = forms.CharField(
        label=_("Planens titel"),
        max_length=300,
        help_text=_(
            "Planens namn som det står i beslutet, t.ex. ”Handlingsplan för digitalisering 2016”."
        ),
        error_messages={"required": _("Ge planen en titel. Filnamnet används inte som titel.")},
    )
    municipality = forms.ModelChoiceField(label=_("Kommun"), queryset=Municipality.objects.none())
    owner = BodyChoiceField(
        label=_("Ägare (politiskt organ)"),
        queryset=Body.objects.none(),
        empty_label=_("Välj organ"),
        error_messages={"required": _("Välj vilket politiskt organ som äger planen.")},
    )
    registration_number = forms.CharField(label=_("Diarienummer"), max_length=100)
    as_of = DayField(label=_("Statusen gäller den"), initial=timezone.localdate)

    def __init__(self, *args, municipalities: list[Municipality], **kwargs):
        super().__init__(*args, **kwargs)
        ids = [m.pk for m in municipalities]
        field = cast(forms.ModelChoiceField, self.fields["municipality"])
        field.queryset = Municipality.objects.filter(pk__in=ids).order_by("name")
        if len(municipalities) == 1:
            # Nothing to choose: the one municipality the user may import into.
            field.widget = forms.HiddenInput()
            self.initial.setdefault("municipality", ids[0])
        bodies = Body.objects.filter(municipality__in=ids).select_related("municipality")
        owner = cast(BodyChoiceField, self.fields["owner"])
        owner.queryset = bodies.order_by("municipality__name", "name")
        owner.with_municipality = len(municipalities) > 1
        known = "; ".join(owner.label_from_instance(body) for body in owner.queryset)
        owner.error_messages["invalid_choice"] = _("Okänt organ. Kända organ: %(known)s.") % {
            "known": known
        }

    def clean_as_of(self):
        day = self.cleaned_data["as_of"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Datumet kan inte ligga i framtiden."))
        return day

    def clean(self):
        data = super().clean()
        municipality, owner = data.get("municipality"), data.get("owner")
        if municipality and owner and owner.municipality_id != municipality.pk:
            bodies = Body.objects.filter(municipality=municipality).order_by("name")
            known = ", ".join(body.name for body in bodies)
            self.add_error(
                "owner",
                _("%(owner)s hör inte till %(municipality)s. Kända organ: %(known)s.")
                % {"owner": owner.name, "municipality": municipality, "known": known},
            )
        return data


class ReviewKey(forms.Form):
    """Which upload the review page is about: the file's name, and the token of the document
    text kept in the session for the page (see `styr.imports.views`)."""

    source = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)


class UploadForm(forms.Form):
    """The document; `too_large` when the upload handler refused it while it streamed in."""

    document = forms.FileField(
        label=_("Plandokument"),
        help_text=_(
            "Word (.docx), PDF, webbsida (.html), kalkylblad (.xlsx, en åtgärd per rad), "
            "text (.txt) eller Markdown (.md)."
        ),
        # The file chooser offers the formats the readers know; the form still checks.
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUFFIXES)}),
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:
            # The file never arrived: say why instead of "required".
            self.fields["document"].required = False

    def clean_document(self):
        if self.too_large:
            raise forms.ValidationError(_("Filen är större än 20 MB."))
        upload = self.cleaned_data["document"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in SUFFIXES:
            raise forms.ValidationError(
                _("”%(name)s” är inte ett dokument som Styr kan läsa (%(types)s).")
                % {"name": upload.name, "types": ", ".join(SUFFIXES)}
            )
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Filen är större än 20 MB."))
        return upload


def format_parties(parties: list[dict]) -> str:
    """'Elisabeth Carle (personaldirektör); respektive stödprocessdirektör'."""
    out = []
    for party in parties:
        name, role = party.get("name"), party.get("role")
        out.append(f"{name} ({role})" if name and role else name or role or "")
    return "; ".join(p for p in out if p)


def parse_parties(text: str) -> list[dict]:
    """The inverse of format_parties: a lower-case item is a role with no name."""
    parties = []
    for item in (part.strip() for part in text.split(";")):
        if not item:
            continue
        match = re.fullmatch(r"(.+?)\s*\((.+)\)", item)
        if match:
            parties.append({"name": match.group(1).strip(), "role": match.group(2).strip()})
        elif item[0].islower():
            parties.append({"name": None, "role": item})
        else:
            parties.append({"name": item, "role": None})
    return parties


DECISIONS = [
    (review.ACCEPT, _("Godkänn")),
    (review.MERGE, _("Slå ihop med föregående")),
    (review.REJECT, _("Ta bort")),
]


class ActionRow(forms.Form):
    """One extracted action on the review page: the reviewer's decision and the fields they
    may edit. A rejected row is not saved, so its fields are not checked either."""

    decision = forms.ChoiceField(
        label=_("Beslut"), choices=DECISIONS, initial=review.ACCEPT, widget=forms.RadioSelect
    )
    theme = forms.CharField(label=_("Tema"), max_length=300, required=False)
    title = forms.CharField(label=_("Titel"), max_length=300)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    responsible = forms.CharField(label=_("Ansvariga"), required=False, max_length=1000)
    supporting = forms.CharField(label=_("Stöd"), required=False, max_length=1000)
    deadline_text = forms.CharField(label=_("Tidsangivelse"), required=False, max_length=200)
    deadline_date = DayField(label=_("Klart senast"), required=False)
    deadline_precision = forms.ChoiceField(
        label=_("Precision"), required=False, choices=[("", "–"), *Precision.choices]
    )
    status_code = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Ingen")), *Status.choices]
    )
    status_note = forms.CharField(label=_("Statuskommentar"), required=False, max_length=2000)

    def __init__(self, *args, first: bool = False, new: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # A row the reviewer adds for an action the rules missed: kept if filled in, ignored
        # if left blank (the formset's extra form), and never merged or rejected.
        self.new = new
        if new:
            self.fields["decision"].widget = forms.HiddenInput()
        elif first:
            # Nothing comes before the first action to merge it with.
            field = cast(forms.ChoiceField, self.fields["decision"])
            field.choices = [c for c in DECISIONS if c[0] != review.MERGE]

    @property
    def rejected(self) -> bool:
        return self["decision"].value() == review.REJECT

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.rejected:
            # The reviewer has taken the row away: what is wrong in it no longer matters.
            self._errors = ErrorDict()
            self.cleaned_data = {"decision": review.REJECT}

    def clean(self):
        data = super().clean()
        if data.get("deadline_date") and not data.get("deadline_precision"):
            self.add_error("deadline_precision", _("Ange hur exakt datumet är."))
        if data.get("status_note") and not data.get("status_code"):
            self.add_error("status_code", _("Välj en status för kommentaren."))
        return data

    @classmethod
    def initial_from(cls, action: dict) -> dict:
        deadline, status = action.get("deadline") or {}, action.get("status") or {}
        return {
            "decision": review.ACCEPT,
            "theme": action.get("theme") or "",
            "title": action.get("title") or "",
            "text": action.get("text") or "",
            "responsible": format_parties(action.get("responsible") or []),
            "supporting": format_parties(action.get("supporting") or []),
            "deadline_text": deadline.get("text") or "",
            "deadline_date": deadline.get("date") or None,
            "deadline_precision": deadline.get("precision") or "",
            "status_code": status.get("code") or "",
            "status_note": status.get("text") or "",
        }

    def as_action(self) -> dict:
        data = self.cleaned_data
        date = data.get("deadline_date")
        return {
            "title": data["title"],
            "text": data["text"],
            "theme": data.get("theme") or None,
            "responsible": parse_parties(data.get("responsible") or ""),
            "supporting": parse_parties(data.get("supporting") or ""),
            "deadline": {
                "text": data.get("deadline_text") or date.isoformat(),
                "date": date.isoformat(),
                "precision": data["deadline_precision"],
            }
            if date
            else None,
            "status": {"text": data.get("status_note") or "", "code": data["status_code"]}
            if data.get("status_code")
            else None,
        }


class BaseActionFormSet(forms.BaseFormSet):
    """The extracted actions, one row each, and one blank row to add an action by hand."""

    def get_form_kwargs(self, index):
        new = index >= self.initial_form_count()
        return {**super().get_form_kwargs(index), "first": index == 0, "new": new}

    def added(self) -> list[ActionRow]:
        """The rows added by hand and filled in; after `is_valid()`."""
        return [form for form in self.forms if form.new and form.has_changed()]

    def decided(self) -> list[tuple[str, dict]]:
        """(decision, action) per extracted row, then the added ones, for
        `review.apply_decisions`; after `is_valid()`."""
        rows = [form for form in self.forms if not form.new] + self.added()
        return [
            (form.cleaned_data["decision"], {} if form.rejected else form.as_action())
            for form in rows
        ]


ActionFormSet = forms.formset_factory(
    ActionRow, formset=BaseActionFormSet, extra=1, max_num=2000, validate_max=True
)
