"""The KPI page's forms: the search, and linking a KPI to a goal as an indicator."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from styr.goals.models import Direction, Goal
from styr.lib.fields import YearField


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Sök nyckeltal"), max_length=200, required=False, strip=True)


def goal_choices(municipalities=None) -> list[tuple[str, list[tuple[int, str]]]]:
    """The goals of `municipalities` (default: every goal), grouped by municipality for a
    <select> with <optgroup>s. One query."""
    groups: dict[str, list[tuple[int, str]]] = {}
    goals = Goal.objects.select_related("municipality").order_by(
        "municipality__name", "order", "id"
    )
    if municipalities is not None:
        goals = goals.filter(municipality__in=municipalities)
    for goal in goals:
        groups.setdefault(goal.municipality.name, []).append((goal.pk, str(goal)))
    return list(groups.items())


class LinkForm(forms.Form):
    """Which goal the KPI becomes an indicator of, its direction and an optional target.

    The goal choices are passed in, read once for every form on the page.
    """

    goal = forms.TypedChoiceField(label=_("Mål"), coerce=int)
    direction = forms.ChoiceField(
        label=_("Riktning"),
        choices=Direction.choices,
        initial=Direction.HIGHER,
        widget=forms.RadioSelect,
    )
    target_year = YearField(
        label=_("Målår"), required=False, help_text=_("Frivilligt, t.ex. 2026.")
    )
    target_value = forms.FloatField(
        label=_("Målvärde"),
        required=False,
        localize=True,  # "45,5" as well as "45.5"
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, goal_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", _("Välj mål")), *goal_choices]

    def clean_goal(self):
        goal = Goal.objects.select_related("municipality").filter(pk=self.cleaned_data["goal"])
        found = goal.first()
        if found is None:
            raise forms.ValidationError(_("Målet finns inte längre."))
        return found

    def clean(self):
        data = super().clean()
        year, value = data.get("target_year"), data.get("target_value")
        if year is not None and value is None and "target_value" not in self.errors:
            self.add_error("target_value", _("Ange målvärdet för målåret."))
        if value is not None and year is None and "target_year" not in self.errors:
            self.add_error("target_year", _("Ange vilket år målvärdet gäller."))
        return data

    @property
    def target(self) -> tuple[str, float] | None:
        year, value = self.cleaned_data.get("target_year"), self.cleaned_data.get("target_value")
        return (str(year), value) if year is not None and value is not None else None
