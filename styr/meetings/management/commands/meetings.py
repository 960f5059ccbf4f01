"""`styr meetings list`, `styr meetings import FILE --meeting ID [--user USERNAME]` and
`styr meetings rates --from YYYY-MM-DD --to YYYY-MM-DD [--format json]`: the manager
meetings from scripts, through the same domain functions and queries as the web."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styr.accounts.commands import acting_user
from styr.lib.dates import date_option
from styr.lib.numbers import format_percent
from styr.meetings import rates
from styr.meetings.domain import AttendanceListError, import_attendance
from styr.meetings.models import Meeting
from styr.meetings.queries import attendance_sheet
from styr.org.commands import choose_municipality


def share(rate: rates.Rate) -> float | None:
    return None if rate.share is None else round(rate.share, 1)


class Command(BaseCommand):
    help = "List the manager meetings, import a meeting's attendance list, print the rates."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        listing = commands.add_parser("list", help="the meetings: id, date, kind, audience")
        listing.add_argument("--municipality", help="municipality slug (if there are several)")
        loading = commands.add_parser("import", help="record a meeting's attendance list")
        loading.add_argument("file", help="the list, .csv or .xlsx")
        loading.add_argument("--meeting", type=int, required=True, help="the meeting's id")
        loading.add_argument("--user", help="the account recorded as having imported it")
        rating = commands.add_parser("rates", help="attendance per director's line")
        rating.add_argument("--from", dest="start", required=True, type=date_option("--from"))
        rating.add_argument("--to", dest="end", required=True, type=date_option("--to"))
        rating.add_argument("--municipality", help="municipality slug (if there are several)")
        rating.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, subcommand: str, **options):
        if subcommand == "list":
            return self.list(options["municipality"])
        if subcommand == "import":
            return self.load(options["file"], options["meeting"], options["user"])
        return self.rates(**options)

    def list(self, slug: str | None) -> None:
        place = choose_municipality(slug)
        for meeting in Meeting.objects.filter(municipality=place).order_by("date", "id"):
            mark = " (exempel)" if meeting.is_example else ""
            duty = "obligatoriskt" if meeting.mandatory else "frivilligt"
            self.stdout.write(
                f"{meeting.pk}\t{meeting.date}{mark}\t{meeting.get_kind_display()}\t"
                f"{meeting.get_audience_display()}\t{duty}"
            )

    def load(self, file: str, meeting_id: int, username: str | None) -> None:
        meeting = Meeting.objects.select_related("municipality").filter(pk=meeting_id).first()
        if meeting is None:
            raise CommandError(f"--meeting {meeting_id}: no such meeting; see `styr meetings list`")
        by = acting_user(username, "meetings.record_attendance", meeting)
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: cannot read the file ({error.strerror})") from None
        try:
            done = import_attendance(meeting, data, path.name, by=by)
        except AttendanceListError as error:
            for problem in error.errors:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(f"{path.name}: nothing was imported") from None
        counts = ", ".join(f"{n} {status}" for status, n in done.counts.items())
        self.stdout.write(self.style.SUCCESS(f"{meeting}: {counts}; {done.recorded} rows written."))

    def rates(self, *, start, end, municipality, format, **_):
        if end < start:
            raise CommandError("--to is before --from")
        sheet = attendance_sheet(choose_municipality(municipality), start, end)
        total = rates.total(sheet.counted)
        lines = director_lines(sheet)
        if format == "json":
            result = {
                "from": start.isoformat(),
                "to": end.isoformat(),
                "meetings": len(sheet.meetings),
                "present": total.present,
                "excused": total.excused,
                "absent": total.absent,
                "share": share(total),
                "lines": lines,
            }
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{len(sheet.meetings)} meetings {start} – {end}: {format_percent(total.share, 1)} "
            f"present ({total.present} present, {total.excused} excused, {total.absent} absent)"
        )
        for line in lines:
            self.stdout.write(
                f"{line['director'] or '(no director)'}: "
                f"{format_percent(line['share'], 1)} of {line['managers']} managers"
            )


def director_lines(sheet) -> list[dict]:
    """One entry per director's line, by the director's name: the line's counts and share,
    and each of its managers' share, by name."""
    counted = sheet.counted
    managers = rates.per_manager(counted)
    lines = []
    for director_id, rate in rates.per_line(counted).items():
        members = sorted(
            {e.person_id for e in counted if e.director_id == director_id},
            key=lambda p: sheet.managers[p].name,
        )
        lines.append(
            {
                "director": sheet.directors.get(director_id) or None,
                "managers": len(rate.managers),
                "present": rate.present,
                "excused": rate.excused,
                "absent": rate.absent,
                "share": share(rate),
                "people": [
                    {"name": sheet.managers[p].name, "share": share(managers[p])} for p in members
                ],
            }
        )
    lines.sort(key=lambda line: line["director"] or "")
    return lines
