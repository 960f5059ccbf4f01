"""Query parameters of the goal and indicator pages, validated before the views read them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from styr.lib.http import BadQuery


def read_comparison(request, known_municipalities: set[str], known_groups: set[str]):
    """?jamfor=0180&jamfor=1480&grupp=G37475: whom to compare with, or None for the defaults.

    The comparison form always sends `jamforelse=1`, so that choosing nobody is possible.
    """
    if "jamforelse" not in request.GET and not {"jamfor", "grupp"} & set(request.GET):
        return None
    ids = [value.strip() for value in request.GET.getlist("jamfor") if value.strip()]
    unknown = [value for value in ids if value not in known_municipalities]
    if unknown:
        raise BadQuery(
            _("Kommunen med Kolada-id ”%(value)s” finns inte. Ange fyra siffror, t.ex. 0180.")
            % {"value": unknown[0]}
        )
    group = request.GET.get("grupp", "").strip() or None
    if group is not None and group not in known_groups:
        raise BadQuery(_("Kommungruppen ”%(value)s” finns inte.") % {"value": group})
    return ids, group
