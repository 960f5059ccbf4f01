"""The contract pages' forms: the input boundary; `styr.contracts.domain` decides the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from styr.contracts.domain import ResultInput
from styr.contracts.models import Attainment
from styr.goals.models import Goal, Indicator
from styr.lib.fields import QueryForm
from styr.plans.models import Action

# Room for this many expected results on the page; a contract is short by design.
RESULT_ROWS = 6
TEXT_LIMIT = 2000


class VersionQuery(QueryForm):
    """?version=N: an earlier version of the contract; the newest without it."""

    version = forms.IntegerField(min_value=1, max_value=999_999, required=False)

    def field_problem(self, name: str, messages: list[str]) -> str:
        return gettext("Parametern %(name)s: %(problem)s") % {
            "name": name,
            "problem": " ".join(messages),
        }


class ContractForm(forms.Form):
    """A version of a contract: the assignment, goals, actions and expected results."""

    summary = forms.CharField(
        label=_("Uppdrag och inriktning"),
        required=False,
        max_length=TEXT_LIMIT * 2,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Mål i målträdet"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actions = forms.ModelMultipleChoiceField(
        label=_("Åtgärder i handlingsplanerna"),
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = Goal.objects.filter(municipality=municipality)
        self.fields["actions"].queryset = Action.objects.filter(
            plan__municipality=municipality, plan__published_at__isnull=False
        ).select_related("plan")
        indicators = Indicator.objects.filter(municipality=municipality).order_by("name")
        for n in range(1, RESULT_ROWS + 1):
            self.fields[f"result_{n}"] = forms.CharField(
                label=_("Förväntat resultat %(n)s") % {"n": n},
                required=False,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"indicator_{n}"] = forms.ModelChoiceField(
                label=_("Indikator %(n)s") % {"n": n},
                queryset=indicators,
                required=False,
            )
            self.fields[f"target_{n}"] = forms.CharField(
                label=_("Målvärde %(n)s") % {"n": n}, required=False, max_length=200
            )

    @classmethod
    def initial_from(cls, previous) -> dict:
        """The form's starting point: the latest version's texts, goals, actions and
        results (a new version begins as a copy of it), or nothing."""
        if previous is None:
            return {}
        initial = {
            "summary": previous.summary,
            "goals": list(previous.goals.all()),
            "actions": list(previous.actions.all()),
        }
        for result in previous.results.all():
            initial[f"result_{result.order}"] = result.text
            initial[f"indicator_{result.order}"] = result.indicator_id
            initial[f"target_{result.order}"] = result.target
        return initial

    def rows(self):
        """The bound fields of each expected result's row, for the template."""
        return [
            (self[f"result_{n}"], self[f"indicator_{n}"], self[f"target_{n}"])
            for n in range(1, RESULT_ROWS + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        results = []
        for n in range(1, RESULT_ROWS + 1):
            text = (cleaned.get(f"result_{n}") or "").strip()
            if text:
                results.append(
                    ResultInput(
                        text,
                        indicator=cleaned.get(f"indicator_{n}"),
                        target=(cleaned.get(f"target_{n}") or "").strip(),
                    )
                )
            elif cleaned.get(f"indicator_{n}") or cleaned.get(f"target_{n}"):
                self.add_error(f"result_{n}", _("Skriv det förväntade resultatet."))
        if not results:
            raise forms.ValidationError(_("Skriv minst ett förväntat resultat."))
        cleaned["results"] = results
        return cleaned


class AcceptForm(forms.Form):
    """The manager accepts the version they read (a newer one is refused)."""

    version = forms.IntegerField(min_value=1, max_value=10_000, widget=forms.HiddenInput)


class FollowUpForm(forms.Form):
    """The year's outcome of every expected result of the agreed version."""

    note = forms.CharField(
        label=_("Kommentar"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.results = list(results)
        for result in self.results:
            self.fields[f"attainment_{result.id}"] = forms.ChoiceField(
                label=_("Bedömning"), choices=Attainment.choices
            )
            self.fields[f"outcome_{result.id}"] = forms.CharField(
                label=_("Utfall"),
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        return [(r, self[f"attainment_{r.id}"], self[f"outcome_{r.id}"]) for r in self.results]

    def outcomes(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {r.id: (data[f"attainment_{r.id}"], data[f"outcome_{r.id}"]) for r in self.results}
