from django import forms
from django.utils.translation import gettext_lazy as _


class AddressForm(forms.Form):
    email = forms.EmailField(label=_("E-postadress"), max_length=254)


class ChoiceForm(forms.Form):
    """The signed-in user's own choice: subscribe or not."""

    subscribe = forms.TypedChoiceField(
        choices=[("1", _("Prenumerera")), ("0", _("Sluta prenumerera"))],
        coerce=lambda value: value == "1",
    )
