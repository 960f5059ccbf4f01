"""The public HME page: one survey's indices for the whole municipality and per unit."""

from __future__ import annotations

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from styr.caching.pages import cached_page
from styr.engagement import hme
from styr.engagement.models import EngagementSurvey
from styr.engagement.queries import unit_results
from styr.lib.fields import QueryForm, YearField
from styr.lib.http import BadQuery, answers_bad_query
from styr.org.models import Municipality


class YearForm(QueryForm):
    """?ar=2015: which year's survey to show (default the latest)."""

    ar = YearField(label=gettext_lazy("År"), required=False)

    def __init__(self, data, *, years: list[int]):
        super().__init__(data)
        self.fields["ar"].widget = forms.Select(choices=[(year, year) for year in years])


@cached_page(by="municipality")
@answers_bad_query
def survey(request, municipality: str):
    place = get_object_or_404(Municipality, slug=municipality)
    surveys = list(EngagementSurvey.objects.filter(municipality=place).order_by("-year"))
    years = [survey.year for survey in surveys]
    asked = YearForm(request.GET, years=years)
    if not asked.is_valid():
        raise BadQuery(asked.problem())
    year = asked.cleaned_data["ar"]
    if year is None:
        chosen = surveys[0] if surveys else None
    else:
        chosen = next((survey for survey in surveys if survey.year == year), None)
    context = {
        "municipality": place,
        "survey": chosen,
        "asked_year": year,
        "years": years,
        "form": YearForm({"ar": chosen.year if chosen else ""}, years=years),
        "min_respondents": hme.MIN_RESPONDENTS,
        "subindices": hme.SUBINDICES,
    }
    if chosen is None:
        # No survey at all is a normal state; a year without one is an unknown address.
        status = 404 if year is not None else 200
        return render(request, "engagement/survey.html", context, status=status)
    context["results"] = unit_results(chosen)
    return render(request, "engagement/survey.html", context)
