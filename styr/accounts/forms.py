"""Query strings the accounts views read: where the admin's login sends a person on, and
the single sign-on provider's answer."""

from __future__ import annotations

from django import forms


class _AsSentForm(forms.Form):
    """Plain fields, each value as sent ('' when absent): nothing here is refused, since
    what the views do with a value is the check (a safe redirect, a known state)."""

    def clean(self):
        return {name: value or "" for name, value in super().clean().items()}


class NextForm(_AsSentForm):
    """?next=/admin/plans/: where to go after signing in; the view checks it is on Styr."""

    next = forms.Field(required=False)


class ProviderAnswerForm(_AsSentForm):
    """Back from the provider: ?code=…&state=…, or ?error=…&error_description=…&state=…
    (OpenID Connect Core 1.0, 3.1.2.5 and 3.1.2.6)."""

    state = forms.Field(required=False)
    code = forms.Field(required=False)
    error = forms.Field(required=False)
    error_description = forms.Field(required=False)


def read_query(form_class: type[_AsSentForm], query) -> dict[str, str]:
    """The form's values from the query string; such a form is always valid."""
    form = form_class(query)
    form.is_valid()
    return form.cleaned_data
