"""The query parameters of the public pages, validated before any view reads them."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styr.lib.fields import DayField, QueryForm
from styr.lib.widgets import QuickSelect
from styr.plans.models import Status
from styr.plans.snapshot import ActionFilter
from styr.plans.status import NOT_REPORTED


class AsOfForm(QueryForm):
    """?as_of=YYYY-MM-DD: show the page as it stood that day (default today), under the one
    date rule (`styr.lib.dates`)."""

    as_of = DayField(label=gettext_lazy("Visa läget den"), required=False)

    def clean_as_of(self):
        return self.cleaned_data.get("as_of") or timezone.localdate()

    def field_problem(self, name: str, messages: list[str]) -> str:
        if isinstance(self.fields[name], DayField):
            return " ".join(messages)
        return _("”%(value)s” finns inte bland valen för %(field)s.") % {
            "value": self.data.get(name, ""),
            "field": str(self.fields[name].label).lower(),
        }


class PageForm(QueryForm):
    """?sida=N: which page of a long plan's actions (the plan page reads nothing else)."""

    sida = forms.IntegerField(min_value=1, max_value=10**6, required=False)


class PlanFilterForm(AsOfForm):
    # QuickSelect: "Ansvarig" offers a few hundred people in a large plan.
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False, widget=QuickSelect)
    tema = forms.ChoiceField(label=gettext_lazy("Tema"), required=False, widget=QuickSelect)
    ansvarig = forms.ChoiceField(label=gettext_lazy("Ansvarig"), required=False, widget=QuickSelect)

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
