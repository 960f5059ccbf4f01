"""Answering a bad query parameter with a 400 page that names it, in Swedish."""

import functools

from django.shortcuts import render
from django.utils.translation import gettext as _

from styr.lib.periods import FIRST_YEAR, LAST_YEAR


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


def read_year(request, name: str = "ar") -> int | None:
    """?ar=2016: a year to show; None when not given; BadQuery in Swedish when not a year."""
    text = request.GET.get(name, "").strip()
    if not text:
        return None
    if not (len(text) == 4 and text.isdigit()) or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise BadQuery(
            _("Ogiltigt år ”%(value)s”. Ange ett år mellan %(first)s och %(last)s, t.ex. 2016.")
            % {"value": text, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return int(text)
