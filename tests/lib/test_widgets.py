"""QuickSelect writes exactly what Django's Select writes, character for character."""

import pytest
from django import forms

from styr.lib.widgets import QuickSelect

CHOICES = [
    ("", "Alla"),
    ("done", "Genomfört"),
    ("a&b", 'Åsa "Ö" <Öberg> & co'),
    (7, "sju"),
    ("Grupp <1>", [("x", "Ett x"), ("y", "Ett y")]),
    ("z", "Sist"),
]


def form(widget, data):
    class Filters(forms.Form):
        choice = forms.ChoiceField(choices=CHOICES, required=False, widget=widget)
        person = forms.ChoiceField(
            choices=[("", "Alla"), ("anna", "Anna")], widget=widget(attrs={"class": "wide"})
        )

    return Filters(data)


@pytest.mark.parametrize(
    "data",
    [{}, {"choice": "done"}, {"choice": "a&b", "person": "anna"}, {"choice": "7"}, {"choice": "y"}],
)
def test_quick_select_writes_what_djangos_select_writes(data):
    django_form, quick_form = form(forms.Select, data), form(QuickSelect, data)
    for name in ("choice", "person"):
        assert str(quick_form[name]) == str(django_form[name])
    assert "&lt;Öberg&gt; &amp; co" in str(quick_form["choice"])


def test_quick_select_writes_required_and_disabled_as_django_does():
    class Required(forms.Form):
        choice = forms.ChoiceField(choices=CHOICES, widget=QuickSelect(attrs={"disabled": True}))

    class Plain(forms.Form):
        choice = forms.ChoiceField(choices=CHOICES, widget=forms.Select(attrs={"disabled": True}))

    assert str(Required()["choice"]) == str(Plain()["choice"])
    assert " disabled required " in str(Required()["choice"])
