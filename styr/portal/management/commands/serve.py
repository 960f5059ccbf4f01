"""`styr serve [ADDR:PORT] [--workers N]`: Styr in production.

gunicorn with sync workers runs the WSGI application (styr.wsgi); whitenoise serves the
static files from the same processes, so no other web server is needed for them. Put a
proxy that ends TLS in front (see README, Production) and set STYR_HTTPS=true.

Static files are collected into STYR_STATIC_ROOT (default STYR_DATA_DIR/static, set by
styr/cli.py) at every start, before the workers load: their names then carry a hash of
their content, whitenoise lets browsers cache them for a year, and a restart after an
upgrade can never pair new pages with yesterday's CSS. Collecting takes a second or two;
doing it here means no deployment step can be forgotten.

gunicorn runs in this process: SIGTERM (systemd's stop) or Ctrl-C stops it gracefully,
letting the workers finish the requests they are answering.
"""

from __future__ import annotations

import argparse
import re

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from gunicorn.app.base import BaseApplication

DEFAULT_ADDRESS = "127.0.0.1:8000"
MAX_WORKERS = 64
ADDRESS = re.compile(r"^(?:(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):)?(?P<port>[0-9]+)$")


def address(text: str) -> str:
    """ADDR:PORT or PORT (on 127.0.0.1); IPv6 in brackets, e.g. [::1]:8000."""
    match = ADDRESS.match(text)
    if not match or not 1 <= int(match["port"]) <= 65535:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an address; give ADDR:PORT such as 127.0.0.1:8000 (port 1-65535)"
        )
    return f"{match['host'] or '127.0.0.1'}:{int(match['port'])}"


def worker_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(
            f"--workers must be a whole number from 1 to {MAX_WORKERS}, not {text!r}"
        )
    return int(text)


class StyrServer(BaseApplication):
    """gunicorn configured from this command, not from gunicorn's own command line or files."""

    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self):
        from styr.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve Styr with gunicorn (sync workers) and whitenoise, for production."

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport",
            nargs="?",
            default=DEFAULT_ADDRESS,
            type=address,
            help=f"where to listen (default {DEFAULT_ADDRESS}; keep loopback behind a proxy)",
        )
        parser.add_argument(
            "--workers",
            type=worker_count,
            default=2,
            help="worker processes, each answering one request at a time (default 2)",
        )

    def handle(self, *args, addrport: str, workers: int, **options):
        self.collect_static()
        # Nothing opened in this process may be shared with the forked workers.
        connections.close_all()
        self.stdout.write(f"Styr: http://{addrport}/ with {workers} workers (Ctrl-C stops)")
        self.stdout.flush()
        StyrServer(self.gunicorn_options(addrport, workers)).run()

    def collect_static(self):
        if settings.STATIC_ROOT is None:
            # Started other than as `styr serve` (styr/cli.py sets the root): whitenoise
            # serves the app folders, as under `styr up`, with short cache lifetimes.
            self.stderr.write("STYR_STATIC_ROOT is not set: static files are not collected.")
            return
        call_command("collectstatic", interactive=False, verbosity=0)

    def gunicorn_options(self, addrport: str, workers: int) -> dict:
        return {
            "bind": [addrport],
            "workers": workers,
            "worker_class": "sync",
            # Load Styr once before forking: a broken configuration stops the start with
            # one message instead of every worker failing in turn.
            "preload_app": True,
            "proc_name": "styr",
            # gunicorn's control socket lives in the user's home by default; two Styr
            # instances (or a test beside a running one) would fight over it.
            "control_socket_disable": True,
        }
