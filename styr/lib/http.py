"""Answering a bad query parameter with a 400 page that names it, in Swedish."""

import functools

from django.shortcuts import render


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
