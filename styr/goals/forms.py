"""Query parameters of the goal and indicator pages, validated before the views read them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from styr.kolada.models import KoladaGroup
from styr.lib.http import BadQuery


class ComparisonForm(forms.Form):
    """?jamforelse=1&jamfor=0180&jamfor=1480&grupp=G37475: whom to compare an indicator with.

    The comparison form always sends `jamforelse=1`, so that choosing nobody is possible;
    without any of the three parameters the indicator's own comparison applies (`asked`).
    Plain fields rather than CharField: its NUL check would answer in another voice than
    the Swedish messages below.
    """

    jamfor = forms.Field(required=False, widget=forms.MultipleHiddenInput)
    grupp = forms.Field(required=False)

    def __init__(self, data, *, known_municipalities: set[str]):
        super().__init__(data)
        self.known_municipalities = known_municipalities

    @property
    def asked(self) -> bool:
        return "jamforelse" in self.data or bool({"jamfor", "grupp"} & set(self.data))

    def clean_jamfor(self) -> list[str]:
        ids = [value.strip() for value in self.cleaned_data["jamfor"] or [] if value.strip()]
        unknown = [value for value in ids if value not in self.known_municipalities]
        if unknown:
            raise forms.ValidationError(
                _("Kommunen med Kolada-id ”%(value)s” finns inte. Ange fyra siffror, t.ex. 0180.")
                % {"value": unknown[0]}
            )
        return ids

    def clean_grupp(self) -> KoladaGroup | None:
        group_id = (self.cleaned_data["grupp"] or "").strip()
        if not group_id:
            return None
        # Only what can be an id is looked up (PostgreSQL refuses a NUL with an error);
        # anything else is a group that does not exist.
        could_be_id = len(group_id) <= 20 and "\x00" not in group_id
        group = (
            KoladaGroup.objects.prefetch_related("members").filter(id=group_id).first()
            if could_be_id
            else None
        )
        if group is None:
            raise forms.ValidationError(
                _("Kommungruppen ”%(value)s” finns inte.") % {"value": group_id}
            )
        return group


def read_comparison(query, known_municipalities: set[str]):
    """Whom the query asks to compare with, (Kolada ids, group or None), or None for the
    indicator's own comparison; BadQuery with the first thing wrong."""
    form = ComparisonForm(query, known_municipalities=known_municipalities)
    if not form.asked:
        return None
    if not form.is_valid():
        raise BadQuery(next(iter(form.errors.values()))[0])
    return form.cleaned_data["jamfor"], form.cleaned_data["grupp"]
