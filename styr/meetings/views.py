"""The manager meetings on the web.

- `/<kommun>/chefsmoten/`: public: the meeting plan of a half-year and the attendance rate
  per director's line, no names (a line of fewer than `rates.MIN_MANAGERS` is not shown);
- `/<kommun>/chefsmoten/narvaro/`: signed in: attendance per manager and meeting, each
  reader seeing what the policy lets them (coordinators, HR and admins all; a manager their
  own and their line's);
- `/<kommun>/chefsmoten/chefer/<person>/`: one manager's meetings: themselves, those above
  them in the line, the coordinators, HR and admins;
- `/<kommun>/chefsmoten/<id>/`: a meeting's list, its recording and import, its chefspriser:
  the coordinating unit and admins record; HR reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styr.accounts.policy import can, person_of
from styr.accounts.views import requires
from styr.caching.pages import cached_page
from styr.lib.http import BadQuery, answers_bad_query
from styr.meetings import rates
from styr.meetings.domain import AttendanceListError, award_prize, import_attendance
from styr.meetings.domain import record_attendance as record
from styr.meetings.forms import AttendanceForm, AwardForm, ImportForm, PeriodForm
from styr.meetings.models import Meeting
from styr.meetings.queries import attendance_sheet
from styr.org.models import Municipality, Person


def the_municipality(request, municipality: str, **kwargs) -> Municipality:
    return get_object_or_404(Municipality, slug=municipality)


def the_meeting(request, municipality: str, pk: int) -> Meeting:
    found = get_object_or_404(
        Meeting.objects.select_related("municipality"), pk=pk, municipality__slug=municipality
    )
    return found


def the_person(request, municipality: str, person: str) -> Person:
    return get_object_or_404(
        Person.objects.select_related("municipality"), slug=person, municipality__slug=municipality
    )


def period(request, municipality: Municipality) -> tuple[dt.date, dt.date]:
    """The period asked for (?fran=&till=), else the half-year of the latest meeting held
    (else of the next one, else today's). A bad date is a BadQuery (a 400 page)."""
    asked = PeriodForm(request.GET)
    if not asked.is_valid():
        raise BadQuery(asked.problem())
    start, end = asked.cleaned_data["fran"], asked.cleaned_data["till"]
    if start and end:
        return start, end
    today = timezone.localdate()
    held = Meeting.objects.filter(municipality=municipality)
    latest = held.filter(date__lte=today).order_by("-date").values_list("date", flat=True).first()
    latest = latest or held.order_by("date").values_list("date", flat=True).first() or today
    first, last = rates.half_year(start or end or latest)
    return start or first, end or last


def half_years(municipality: Municipality) -> list[tuple[dt.date, dt.date]]:
    """The half-years that have meetings, newest first (links to each)."""
    days = Meeting.objects.filter(municipality=municipality).values_list("date", flat=True)
    return sorted({rates.half_year(day) for day in days}, reverse=True)


@cached_page(by="municipality")
@answers_bad_query
def meetings(request, municipality: str):
    """Public: the meeting plan of the period and the attendance per line, no names."""
    place = the_municipality(request, municipality)
    start, end = period(request, place)
    sheet = attendance_sheet(place, start, end)
    public = rates.public_lines(rates.per_line(sheet.counted))
    lines = [
        {"director": sheet.directors.get(director_id) or _("Utan direktör"), "rate": rate}
        for director_id, rate in public.shown
    ]
    signed_in = request.user.is_authenticated
    context = {
        "municipality": place,
        "start": start,
        "end": end,
        "sheet": sheet,
        "half_years": half_years(place),
        "public": public,
        "lines": sorted(lines, key=lambda line: str(line["director"])),
        "min_managers": rates.MIN_MANAGERS,
        "recorded": any(entry.status for entry in sheet.counted),
        "may_read": signed_in and can(request.user, "meetings.view_rates", place),
        "may_record": signed_in and can(request.user, "meetings.view_attendance", place),
    }
    return render(request, "meetings/meetings.html", context)


@answers_bad_query
@requires("meetings.view_rates", the_municipality)
def attendance(request, municipality: str):
    """Attendance per manager and meeting in the period, grouped by director's line."""
    place = the_municipality(request, municipality)
    start, end = period(request, place)
    sheet = attendance_sheet(place, start, end)
    sees_all = can(request.user, "meetings.view_attendance", place)
    if sees_all:
        entries = sheet.entries
    else:
        person = person_of(request.user)
        entries = sheet.visible_to(person.id) if person else []
    counted = rates.counting(sheet.facts, entries)
    context = {
        "municipality": place,
        "start": start,
        "end": end,
        "sheet": sheet,
        "half_years": half_years(place),
        "sees_all": sees_all,
        "total": rates.total(counted),
        "lines": _attendance_lines(sheet, entries, counted),
    }
    return render(request, "meetings/attendance.html", context)


def _attendance_lines(sheet, entries, counted) -> list[dict]:
    """The managers the entries show, by director's line (in the directors' order), each
    with their rate and one cell per meeting; each line with its rate."""
    per_person = rates.per_manager(counted)
    visible = {entry.person_id for entry in entries}
    by_pair = {(e.meeting_id, e.person_id): e.status for e in entries}
    lines: dict[int | None, list[dict]] = {}
    for person_id in sorted(visible, key=lambda p: sheet.managers[p].name):
        row = sheet.managers[person_id]
        lines.setdefault(row.director_id, []).append(
            {
                "row": row,
                "slug": sheet.slugs.get(person_id, ""),
                "rate": per_person.get(person_id, rates.Rate()),
                "cells": [by_pair.get((m.id, person_id), False) for m in sheet.meetings],
            }
        )
    return [
        {
            "director": sheet.directors.get(d) or _("Utan direktör"),
            "managers": members,
            "rate": rates.per_line(counted).get(d, rates.Rate()),
        }
        for d, members in sorted(lines.items(), key=lambda item: sheet.directors.get(item[0]) or "")
    ]


@answers_bad_query
@requires("meetings.view_manager_attendance", the_person)
def manager(request, municipality: str, person: str):
    """One manager's meetings in the period: expected or not, and their attendance."""
    found = the_person(request, municipality, person)
    place = found.municipality
    start, end = period(request, place)
    sheet = attendance_sheet(place, start, end)
    mine = [entry for entry in sheet.entries if entry.person_id == found.id]
    statuses = {entry.meeting_id: entry.status for entry in mine}
    context = {
        "municipality": place,
        "person": found,
        "start": start,
        "end": end,
        "half_years": half_years(place),
        "rows": [(meeting, statuses.get(meeting.id, False)) for meeting in sheet.meetings],
        "rate": rates.total(rates.counting(sheet.facts, mine)),
    }
    return render(request, "meetings/manager.html", context)


def meeting_context(request, found: Meeting, **forms) -> dict:
    sheet = attendance_sheet(found.municipality, found.date, found.date)
    expected = [e for e in sheet.entries if e.meeting_id == found.id]
    rows = sorted((sheet.managers[e.person_id] for e in expected), key=lambda r: r.name)
    current = {e.person_id: e.status for e in expected if e.status}
    may_record = can(request.user, "meetings.record_attendance", found)
    form = forms.get("form") or AttendanceForm(managers=rows, current=current)
    return {
        "municipality": found.municipality,
        "meeting": found,
        "managers": rows,
        "current": current,
        "rows": [
            (
                {**asdict(row), "director_name": sheet.directors.get(row.director_id, "")},
                current.get(row.person_id),
                form[f"p{row.person_id}"] if may_record else None,
            )
            for row in rows
        ],
        "rate": rates.total(expected),
        "awards": list(found.awards.select_related("person")),
        "may_record": may_record,
        "form": form if may_record else None,
        "import_form": forms.get("import_form") or ImportForm(),
        "import_errors": forms.get("import_errors", []),
        "award_form": forms.get("award_form") or AwardForm(municipality=found.municipality),
    }


@requires("meetings.view_attendance", the_meeting)
def meeting(request, municipality: str, pk: int):
    found = the_meeting(request, municipality, pk)
    return render(request, "meetings/meeting.html", meeting_context(request, found))


@requires("meetings.record_attendance", the_meeting)
@require_POST
def record_attendance(request, municipality: str, pk: int):
    """Save the meeting's attendance as chosen on its page (empty choices: unchanged)."""
    found = the_meeting(request, municipality, pk)
    context = meeting_context(request, found)
    form = AttendanceForm(request.POST, managers=context["managers"], current=context["current"])
    if not form.is_valid():
        context = meeting_context(request, found, form=form)
        return render(request, "meetings/meeting.html", context, status=400)
    written = record(found, form.statuses(), by=request.user)
    messages.success(request, _("Närvaron är sparad (%(n)s ändringar).") % {"n": written})
    return redirect("meetings:meeting", municipality=municipality, pk=found.pk)


@requires("meetings.record_attendance", the_meeting)
@require_http_methods(["GET", "POST"])
def import_list(request, municipality: str, pk: int):
    """Upload the meeting's attendance list: all of it is recorded, or nothing and every
    problem by row."""
    found = the_meeting(request, municipality, pk)
    if request.method == "GET":
        return redirect("meetings:meeting", municipality=municipality, pk=found.pk)
    form = ImportForm(request.POST, request.FILES)
    errors: list[str] = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            done = import_attendance(found, upload.read(), upload.name, by=request.user)
        except AttendanceListError as error:
            errors = error.errors
        else:
            messages.success(
                request,
                _("Närvarolistan %(file)s är inläst: %(n)s ändringar.")
                % {"file": upload.name, "n": done.recorded},
            )
            return redirect("meetings:meeting", municipality=municipality, pk=found.pk)
    context = meeting_context(request, found, import_form=form, import_errors=errors)
    return render(request, "meetings/meeting.html", context, status=400)


@requires("meetings.record_attendance", the_meeting)
@require_POST
def award(request, municipality: str, pk: int):
    """Award a chefspris at the meeting."""
    found = the_meeting(request, municipality, pk)
    form = AwardForm(request.POST, municipality=found.municipality)
    if form.is_valid():
        data = form.cleaned_data
        try:
            award_prize(
                found,
                data["person"],
                prize=data["prize"],
                citation=data["citation"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Chefspriset är registrerat."))
            return redirect("meetings:meeting", municipality=municipality, pk=found.pk)
    context = meeting_context(request, found, award_form=form)
    return render(request, "meetings/meeting.html", context, status=400)
