"""The one date rule in Django's forms: a day field, a year field and a query-string form.

Every form that takes a day or a year (a page's `?as_of=`, `?ar=`, the publish form's date)
uses these fields, so it reads input exactly as `styr.lib.dates.read_date`/`read_year` do
and as the command line does: the same format, the same range, the same Swedish message.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext

from styr.lib.dates import (
    FIRST_DAY,
    FIRST_YEAR,
    LAST_DAY,
    LAST_YEAR,
    InvalidDate,
    read_date,
    read_year,
)


def explain(error: InvalidDate) -> str:
    """The error's message, translated."""
    return gettext(error.template) % error.params


def _invalid(error: InvalidDate) -> forms.ValidationError:
    return forms.ValidationError(gettext(error.template), code="invalid", params=error.params)


class DayField(forms.DateField):
    """A day, YYYY-MM-DD, between FIRST_DAY and LAST_DAY.

    Messages name the field by `parameter` (the query parameter, set by QueryForm) or else
    by its label.
    """

    def __init__(self, *, parameter: str | None = None, **kwargs):
        # The browser's date picker offers only what the server accepts.
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                attrs={"type": "date", "min": FIRST_DAY.isoformat(), "max": LAST_DAY.isoformat()},
                format="%Y-%m-%d",
            ),
        )
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)
        self.parameter = parameter

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        try:
            return read_date(text, self.parameter or str(self.label or "datum").lower())
        except InvalidDate as error:
            raise _invalid(error) from None


class YearField(forms.IntegerField):
    """A year, four digits, between FIRST_YEAR and LAST_YEAR."""

    def __init__(self, *, parameter: str | None = None, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(**kwargs)
        self.parameter = parameter

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return read_year(str(value), self.parameter or str(self.label or "år").lower())
        except InvalidDate as error:
            raise _invalid(error) from None


class QueryForm(forms.Form):
    """A page's query string. Its day and year fields name themselves by their parameter
    (`as_of`, `ar`), and `problem()` says in one Swedish sentence per field what is wrong."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, DayField | YearField):
                field.parameter = name

    def problem(self) -> str:
        return " ".join(
            self.field_problem(name, [str(message) for message in errors])
            for name, errors in self.errors.items()
        )

    def field_problem(self, name: str, messages: list[str]) -> str:
        """What is wrong with one field; forms with choices say it their own way."""
        return " ".join(messages)
