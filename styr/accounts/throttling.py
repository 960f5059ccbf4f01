"""Login throttling with django-axes: whose attempt it is, and what a locked-out user sees.

The rules themselves (5 failures for a username from one address within 15 minutes lock it
out for 15 minutes) are settings: see AXES_* in styr/settings.py.
"""

import ipaddress

from django.conf import settings
from django.shortcuts import render


def client_address(request) -> str | None:
    """The address a request comes from, for login throttling and the audit log alike.

    Behind the TLS-terminating proxy that STYR_HTTPS assumes, every request arrives from the
    proxy; counting failures (or logging writes) per proxy address would say nothing. The
    proxy appends the address it received the request from to X-Forwarded-For, so the last
    entry is the one it vouches for; earlier entries are whatever the client claimed.
    Without STYR_HTTPS only the peer the server saw counts. None if it is no IP address.
    """
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    if request is not None and settings.HTTPS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        address = forwarded or address
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def lockout_response(request, original_response=None, credentials=None):
    """429 Too Many Requests, with a page that says in Swedish why and for how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "accounts/lockout.html",
        {"minutes": minutes, "attempts": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
