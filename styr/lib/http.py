"""Answering a bad query parameter with a 400 page that names it, in Swedish."""

import datetime as dt
import functools
from typing import overload

from django.shortcuts import render

from styr.lib.fields import DayField, QueryForm, YearField


class BadQuery(Exception):
    """A query parameter that cannot be used; the message names it, in Swedish."""


def answers_bad_query(view):
    """Turn a BadQuery raised by the view into a 400 page that says what was wrong."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadQuery as error:
            context = {"message": str(error)}
            # A project template (styr/templates, beside base.html and the error pages):
            # the ground names no app's template.
            return render(request, "bad_query.html", context, status=400)

    return wrapper


@overload
def read_day(request, name: str, default: dt.date) -> dt.date: ...
@overload
def read_day(request, name: str, default: None = None) -> dt.date | None: ...


def read_day(request, name: str, default: dt.date | None = None) -> dt.date | None:
    """?as_of=2015-09-02: a day through the one date field (`styr.lib.fields.DayField`);
    `default` when not given; BadQuery naming the parameter, the value and the range."""
    day = _read(request, name, DayField(required=False))
    return default if day is None else day


def read_year(request, name: str = "ar") -> int | None:
    """?ar=2016: a year through the one year field (`YearField`); None when not given;
    else BadQuery."""
    return _read(request, name, YearField(required=False))


class _ParameterForm(QueryForm):
    """A query string read for one parameter only, through one field (the same form, fields
    and Swedish messages as every page's QueryForm); blank is not given."""

    def __init__(self, query, name: str, field):
        text = query.get(name, "")
        super().__init__({name: text if text.strip() else ""})
        self.fields[name] = field
        field.parameter = name


def _read(request, name: str, field):
    form = _ParameterForm(request.GET, name, field)
    if not form.is_valid():
        raise BadQuery(form.problem())
    return form.cleaned_data[name]
