"""Save an extracted plan document as a new draft plan, in one transaction.

The document is the `styr extract` JSON of one file (possibly edited by a person on the
review page). Names are matched to known people, titles to known posts; a name Styr does not
know is kept as written on the responsibility and reported back for review.

An imported plan is a draft (`published_at` empty): a machine read it, so nobody outside has
seen it until a strateg has checked it and published it (`styr.plans.domain.publish_plan`).
The `PlanImport` written beside it says where it came from, who imported it and which names
are still to review.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from styr.accounts.audit import AuditEvent, audited
from styr.imports.matching import match_person, match_post
from styr.imports.models import PlanImport
from styr.lib.asof import recorded_on
from styr.org.models import Body, Municipality, Person, Post
from styr.plans.domain import record_action_version, record_status_update
from styr.plans.models import Action, Plan, Responsibility, Status, Theme

REGISTRATION_NUMBER = re.compile(r"\b[A-ZÅÄÖ]{2,8}\s?\d{4}/\d{1,6}(?:-\d{1,4})?\b")
PRECISIONS = {"day", "week", "month", "quarter", "tertial", "season", "half_year", "year"}


@dataclass
class ImportResult:
    plan: Plan
    actions: int
    unmatched: list[str] = field(default_factory=list)


def find_registration_number(text: str) -> str | None:
    match = REGISTRATION_NUMBER.search(text)
    return match.group(0) if match else None


def _unique_slug(title: str) -> str:
    base = slugify(title)[:80] or "plan"
    slug, n = base, 1
    while Plan.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def known_people(municipality) -> list[Person]:
    """The municipality's people with `alias_names`, as `match_person` wants them."""
    people = list(Person.objects.filter(municipality=municipality).prefetch_related("aliases"))
    for person in people:
        person.alias_names = [alias.name for alias in person.aliases.all()]
    return people


def _date(value, what: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{what}: ”{value}” är inte ett datum (ÅÅÅÅ-MM-DD).") from None


@audited(AuditEvent.PLAN_IMPORT, actor="by")
@transaction.atomic
def import_plan(
    document: dict,
    *,
    municipality: Municipality,
    owner: Body,
    title: str,
    as_of: dt.date,
    registration_number: str,
    by=None,
    review: dict | None = None,
) -> ImportResult:
    """Create the plan as a draft with its themes, actions, responsibilities and status, and
    the `PlanImport` that records the source file, who imported it, the names to review and
    what the review page did with the actions found (`review`: counts by decision); all or
    nothing."""
    if not title.strip():
        raise ValidationError("Planen behöver en titel.")
    if owner.municipality_id != municipality.id:
        known = ", ".join(
            b.name for b in Body.objects.filter(municipality=municipality).order_by("name")
        )
        raise ValidationError(f"{owner} hör inte till {municipality}. Kända organ: {known}.")
    if Plan.objects.filter(
        municipality=municipality, registration_number=registration_number
    ).exists():
        raise ValidationError(
            f"Det finns redan en plan med diarienummer {registration_number} i {municipality}."
        )
    actions = document.get("actions") or []
    if not actions:
        raise ValidationError("Dokumentet innehåller inga åtgärder att spara.")
    source = document.get("source") or "dokument"
    deadlines = [
        d
        for d in (_date((a.get("deadline") or {}).get("date"), a.get("title", "")) for a in actions)
        if d
    ]
    plan = Plan(
        municipality=municipality,
        slug=_unique_slug(title),
        title=title.strip()[:300],
        registration_number=registration_number,
        period_start=dt.date(as_of.year, 1, 1),
        period_end=max([dt.date(as_of.year, 12, 31), *deadlines]),
        owner=owner,
        decided_on=as_of,
        published_at=None,
    )
    plan.full_clean()
    plan.save()

    people, posts = known_people(municipality), list(Post.objects.filter(municipality=municipality))
    # The document was the record of what it says on its own date (never later than now).
    recorded_at = min(recorded_on(as_of, timezone.get_current_timezone()), timezone.now())
    themes: dict[str, Theme] = {}
    unmatched: list[str] = []
    for order, item in enumerate(actions, start=1):
        theme_title = (item.get("theme") or "Åtgärder").strip()[:300]
        if theme_title not in themes:
            themes[theme_title] = Theme.objects.create(
                plan=plan, title=theme_title, order=len(themes) + 1
            )
        deadline = item.get("deadline") or {}
        precision = deadline.get("precision") or ""
        if deadline and precision not in PRECISIONS:
            raise ValidationError(f"Åtgärd {order}: okänd precision ”{precision}”.")
        status = item.get("status") or {}
        action = Action(
            plan=plan,
            theme=themes[theme_title],
            order=order,
            title=(item.get("title") or "").strip()[:300] or f"Åtgärd {order}",
            text=(item.get("text") or item.get("title") or "").strip(),
            origin="earlier" if status else "new",
            introduced_on=as_of,
            deadline_text=(deadline.get("text") or "")[:200],
            deadline_date=_date(deadline.get("date"), f"Åtgärd {order}, datum"),
            deadline_precision=precision if deadline.get("date") else "",
        )
        try:
            action.full_clean()
        except ValidationError as error:
            raise ValidationError(f"Åtgärd {order}: {'; '.join(error.messages)}") from error
        action.save()
        for kind, key in (("responsible", "responsible"), ("supporting", "supporting")):
            for rank, party in enumerate(item.get(key) or []):
                _responsibility(action, kind, rank, party, people, posts, unmatched)
        record_action_version(action, by=by, recorded_at=recorded_at)
        if status:
            code = status.get("code") or "unknown"
            if code not in Status.values:
                raise ValidationError(f"Åtgärd {order}: okänd status ”{code}”.")
            record_status_update(
                action,
                date=as_of,
                status=code,
                note=status.get("text") or "",
                author=by,
                author_name=f"Import från {source}",
                recorded_at=recorded_at,
            )
    PlanImport.objects.create(
        plan=plan,
        source=source[:300],
        imported_at=timezone.now(),
        imported_by=by,
        unmatched_names=unmatched,
        review=review or {},
    )
    return ImportResult(plan=plan, actions=len(actions), unmatched=unmatched)


def _responsibility(action, kind, rank, party, people, posts, unmatched) -> Responsibility | None:
    name, role = (party.get("name") or "").strip(), (party.get("role") or "").strip()
    person = match_person(name, people) if name else None
    post = match_post(role, posts) if role else None
    role_text = ""
    if name and person is None:
        # Kept as written, for a person to review: nothing from the document is dropped.
        role_text = f"{name}, {role}" if role else name
        unmatched.append(role_text)
        post = None
    elif not name and post is None:
        role_text = role
    if not (person or post or role_text):
        return None
    return Responsibility.objects.create(
        action=action, kind=kind, person=person, post=post, role_text=role_text[:200], order=rank
    )
