"""Answering a bad query parameter with a 400 page that names it, in Swedish."""

import datetime as dt
import functools

from django.shortcuts import render

from styr.lib import dates
from styr.lib.fields import explain


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
            return render(request, "portal/bad_request.html", context, status=400)

    return wrapper


def read_day(request, name: str, default: dt.date | None = None) -> dt.date | None:
    """?as_of=2015-09-02: a day under the one date rule (`styr.lib.dates.read_date`);
    `default` when not given; BadQuery naming the parameter, the value and the range."""
    text = request.GET.get(name, "")
    if not text.strip():
        return default
    try:
        return dates.read_date(text, name)
    except dates.InvalidDate as error:
        raise BadQuery(explain(error)) from None


def read_year(request, name: str = "ar") -> int | None:
    """?ar=2016: a year to show under the one rule; None when not given; else BadQuery."""
    text = request.GET.get(name, "").strip()
    if not text:
        return None
    try:
        return dates.read_year(text, name)
    except dates.InvalidDate as error:
        raise BadQuery(explain(error)) from None
