"""The query parameters of the public pages, validated before any view reads them."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styr.plans.models import Status
from styr.plans.snapshot import ActionFilter
from styr.plans.status import NOT_REPORTED


class AsOfForm(forms.Form):
    """?as_of=YYYY-MM-DD: show the page as it stood that day (default today)."""

    as_of = forms.DateField(
        label=gettext_lazy("Visa läget den"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_as_of(self):
        value = self.cleaned_data.get("as_of")
        if value is not None and not dt.date(1900, 1, 1) <= value <= dt.date(2999, 12, 31):
            raise forms.ValidationError("out of range")
        return value or timezone.localdate()

    def problem(self) -> str:
        """What is wrong with the query, in one Swedish sentence per field, naming the value."""
        messages = []
        for name in self.errors:
            value = self.data.get(name, "")
            if name == "as_of":
                message = _(
                    "Ogiltigt datum ”%(value)s”. Ange datum som ÅÅÅÅ-MM-DD, t.ex. 2015-09-02."
                )
                messages.append(message % {"value": value})
            else:
                messages.append(
                    _("”%(value)s” finns inte bland valen för %(field)s.")
                    % {"value": value, "field": str(self.fields[name].label).lower()}
                )
        return " ".join(messages)


class PlanFilterForm(AsOfForm):
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    tema = forms.ChoiceField(label=gettext_lazy("Tema"), required=False)
    ansvarig = forms.ChoiceField(label=gettext_lazy("Ansvarig"), required=False)

    def __init__(self, data, *, themes, people):
        super().__init__(data)
        everything = ("", gettext_lazy("Alla"))
        self.fields["status"].choices = [
            everything,
            *Status.choices,
            (NOT_REPORTED, gettext_lazy("Ingen status rapporterad")),
        ]
        self.fields["tema"].choices = [everything] + [
            (str(row.theme.id), "– " * row.depth + str(row.theme)) for row in themes
        ]
        self.fields["ansvarig"].choices = [everything] + [
            (person.slug, person.name) for person in people
        ]

    def action_filter(self) -> ActionFilter:
        """The valid query as the plan's filter."""
        wanted = self.cleaned_data
        return ActionFilter(
            status=wanted.get("status") or "",
            theme_id=int(wanted["tema"]) if wanted.get("tema") else None,
            person=wanted.get("ansvarig") or "",
        )
