"""Benchmark: `styr reminders send` for 3,000 responsible people and 2,000 actions.

Builds a plan with an open reporting round (every third person with an account, every
tenth action late, every fourth reported), starts a real SMTP server (aiosmtpd) on
127.0.0.1 and runs the day's send; prints the median of the runs (the sent log emptied
before each), the mails sent and the SQL queries. SQLite in memory by default; PostgreSQL
when DATABASE_URL points at a server.

    .venv/bin/python benchmarks/reminders.py [--people 3000] [--actions 2000] [--runs 3]
"""

import argparse
import socket
import statistics
import time

from throwaway_db import throwaway_database


class Sink:
    """An SMTP handler that counts what it accepted."""

    def __init__(self):
        self.received = 0

    async def handle_DATA(self, server, session, envelope):
        self.received += 1
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with throwaway_database() as connection:
        run(connection, args)


def run(connection, args) -> None:
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from styr.reminders.models import SentMail
    from styr.reminders.send import send_today
    from styr.reminders.synthetic import build_round

    today = timezone.localdate()
    started = time.perf_counter()
    build_round(people=args.people, actions=args.actions, today=today)
    built = time.perf_counter() - started
    print(
        f"database: {connection.vendor}; {args.people} responsible people, "
        f"{args.actions} actions, one open round (built in {built:.1f} s)"
    )
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    times = []
    try:
        for _ in range(args.runs):
            SentMail.objects.all().delete()
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                day = send_today(today)
                times.append(time.perf_counter() - start)
            assert day.delivery.ok, day.delivery.error
    finally:
        controller.stop()
    per_kind = ", ".join(f"{count} {kind}" for kind, count in sorted(day.sent_per_kind().items()))
    median, low, high = (f(times) for f in (statistics.median, min, max))
    print(
        f"reminders send: median {median:.1f} s (min {low:.1f}, max {high:.1f}) over "
        f"{args.runs} runs; {len(day.delivery.sent)} mails ({per_kind}); "
        f"{len(captured)} SQL queries; skipped {dict(day.batch.skipped)}; "
        f"the server received {sink.received}"
    )


if __name__ == "__main__":
    main()
