"""The import page: upload a document, review its actions, save them as a draft plan; and
publishing a draft plan, which makes it public.

The review happens before the draft plan is written, not on the draft: what the reviewer
rejects or merges never becomes an action with a history of its own (no version, no status
update, no audit row to explain away), and nothing is saved until the whole review is. So
between the upload and "Spara som ny plan" the document text and where each action was read
in it are kept in the user's session (database sessions, on the server, as the status
spreadsheet's preview), for the page to mark the spans again after an error; the actions
themselves, as the reviewer edited them, are posted with the form. A session that has lost
the text still saves what was posted; the page then only lacks the document beside it.

Importing needs "imports.import_plan" in the municipality the plan is saved in; publishing
needs "plans.publish_plan" on the plan (`styr.accounts.policy`)."""

from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from styr.accounts.policy import municipalities_where
from styr.accounts.views import requires
from styr.extract.document import extract_text
from styr.extract.readers import DocumentTooLarge, UnreadableDocument, read_document
from styr.imports import review
from styr.imports.domain import find_registration_number, import_plan, known_people
from styr.imports.forms import ActionFormSet, ActionRow, PlanFields, ReviewKey, UploadForm
from styr.imports.matching import match_person
from styr.lib.uploads import SizeLimit
from styr.plans.domain import publish_plan
from styr.plans.models import Plan, Status


def _read_upload(upload) -> str:
    suffix = Path(upload.name).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            return read_document(Path(handle.name))
        except UnreadableDocument as error:
            # Name the user's file, not the temporary one; a refusal keeps its limit.
            error.args = (str(error).replace(handle.name, upload.name),)
            raise


def _refusal(name: str, error: DocumentTooLarge) -> str:
    """Why a file over one of the reader's limits is not read, in the page's language."""
    messages_by_limit = {
        "inflated": _("uppackad blir den större än %(limit)s MB"),
        "entries": _("den består av fler än %(limit)s delar"),
        "xml_tags": _("dess XML har fler än %(limit)s taggar"),
        "pages": _("den har fler än %(limit)s sidor"),
        "text": _("den innehåller mer än %(limit)s tecken text"),
        "page_drawing": _("en av dess sidor ritas med mer än %(limit)s MB instruktioner"),
        "seconds": _("att läsa den tog längre än %(limit)s sekunder"),
    }
    in_bytes = error.limit in ("inflated", "page_drawing")
    value = error.value // (1024 * 1024) if in_bytes else error.value
    # "5 000 000 tecken", "20 sekunder": Swedish groups thousands with a (no-break) space.
    limit = f"{value:,}".replace(",", "\u00a0") if isinstance(value, int) else f"{value:g}"
    reason = messages_by_limit.get(error.limit, _("den är för stor")) % {"limit": limit}
    return _("”%(name)s” lästes inte: %(reason)s, vilket är gränsen för ett dokument.") % {
        "name": name,
        "reason": reason,
    }


def _unknown_names(formset, municipality) -> list[list[str]]:
    """Per row, the names that match no known person (shown for review)."""
    people = known_people(municipality)
    result = []
    for form in formset:
        names = []
        for field in ("responsible", "supporting"):
            value = form[field].value() or ""
            names += [p.strip().split(" (")[0] for p in value.split(";") if p.strip()]
        result.append([n for n in names if n[:1].isupper() and match_person(n, people) is None])
    return result


SESSION_KEY = "styr_import_review"


@dataclass
class ReviewRow:
    """One action on the review page: its form, the names to check, and where it was read."""

    form: ActionRow
    number: int
    unknown: list[str]
    confidence: float | None = None
    placed: bool = False  # its span is marked in the document shown

    @property
    def new(self) -> bool:
        return self.form.new

    @property
    def uncertain(self) -> bool:
        return review.is_uncertain(self.confidence)

    @property
    def percent(self) -> int | None:
        return None if self.confidence is None else round(self.confidence * 100)

    @property
    def deadline(self) -> str:
        """As it now stands in the row's fields: the phrase, and the date it was read as."""
        text, day = self.form["deadline_text"].value(), self.form["deadline_date"].value()
        day = day.isoformat() if hasattr(day, "isoformat") else day
        return f"{text} ({day})" if text and day and text != day else text or day or ""

    @property
    def status(self) -> str:
        code, note = self.form["status_code"].value(), self.form["status_note"].value()
        label = str(dict(Status.choices).get(code, ""))
        if not (label and note) or note.strip(" .*").casefold() == label.casefold():
            return label  # "Pågår" for the note "Pågår.": said once
        return f"{label}: {note}"


def _keep(request, source: str, text: str, actions: list[dict]) -> str:
    """Keep the document for the review page; the token names this upload."""
    token = secrets.token_urlsafe(16)
    request.session[SESSION_KEY] = {
        "token": token,
        "source": source,
        "text": text[: review.MAX_SHOWN],
        "shortened": len(text) > review.MAX_SHOWN,
        "found": [
            {"span": list(span) if span else None, "confidence": action.get("confidence")}
            for action, span in zip(actions, review.spans(text, actions), strict=True)
        ],
    }
    return token


def _kept(request, token: str) -> dict | None:
    kept = request.session.get(SESSION_KEY)
    return kept if token and kept and kept.get("token") == token else None


def _names_municipality(plan_fields):
    """Where names are matched to people: the municipality chosen, or the only one the user
    may import into. With several and none chosen yet there is none, never "the first": every
    name is then listed for review until the user chooses."""
    if plan_fields.is_bound and plan_fields.cleaned_data.get("municipality"):
        return plan_fields.cleaned_data["municipality"]
    allowed = list(plan_fields.fields["municipality"].queryset[:2])
    return allowed[0] if len(allowed) == 1 else None


def _review_rows(formset, unknown_names, found: list, text: str) -> list[ReviewRow]:
    """One row per action form: its number, the names Styr does not know, how sure the
    reading was, and whether its place in the document is known."""
    rows = []
    for index, (form, unknown) in enumerate(zip(formset, unknown_names, strict=True)):
        info = found[index] if index < len(found) else {}
        span = tuple(info["span"]) if info.get("span") else None
        rows.append(
            ReviewRow(
                form,
                index + 1,
                unknown,
                confidence=info.get("confidence"),
                placed=span is not None and span[0] < len(text),
            )
        )
    return rows


def _review(request, plan_fields, formset, key: ReviewKey, kept: dict | None, status=200):
    municipality = _names_municipality(plan_fields)
    found = (kept or {}).get("found") or []
    text = (kept or {}).get("text") or ""
    rows = _review_rows(formset, _unknown_names(formset, municipality), found, text)
    numbered: list[tuple[int, tuple[int, int] | None]] = [
        (row.number, (found[row.number - 1]["span"][0], found[row.number - 1]["span"][1]))
        for row in rows
        if row.placed
    ]
    context = {
        "plan_fields": plan_fields,
        "formset": formset,
        "key": key,
        "source": key["source"].value(),
        "rows": rows,
        "document": review.segments(text, numbered) if kept else None,
        "shortened": bool(kept and kept.get("shortened")),
        "uncertain": [row for row in rows if row.uncertain],
        "found_count": formset.initial_form_count(),
    }
    return render(request, "imports/review.html", context, status=status)


def _municipalities(request):
    """Where the user may import: the policy decides, never "the first municipality"."""
    return municipalities_where(request.user, "imports.import_plan")


@csrf_exempt
@requires("imports.import_plan")
def upload(request):
    # The size limit must be in place before anything reads the body, and the CSRF check
    # reads it: so CSRF is checked in the inner view, after the handler is installed
    # (Django's documented pattern for changing upload handlers in a view).
    limit = SizeLimit(request)
    request.upload_handlers.insert(0, limit)
    return _upload(request, limit)


@csrf_protect
def _upload(request, limit: SizeLimit):
    if request.method != "POST":
        return render(request, "imports/upload.html", {"form": UploadForm()})
    form = UploadForm(request.POST, request.FILES, too_large=limit.refused)
    if form.is_valid():
        document = form.cleaned_data["document"]
        try:
            text = _read_upload(document)
        except DocumentTooLarge as error:
            form.add_error("document", _refusal(document.name, error))
        except UnreadableDocument as error:
            form.add_error("document", f"Filen kunde inte läsas: {error}")
        else:
            extracted = extract_text(text, document.name)
            plan_fields = PlanFields(
                municipalities=_municipalities(request),
                initial={
                    # The title is typed by a person; the owner is chosen, never defaulted.
                    "registration_number": find_registration_number(text) or "",
                    "as_of": timezone.localdate(),
                },
            )
            actions = extracted["actions"]
            formset = ActionFormSet(initial=[ActionRow.initial_from(a) for a in actions])
            token = _keep(request, document.name, text, actions)
            key = ReviewKey(initial={"source": document.name, "token": token})
            return _review(request, plan_fields, formset, key, _kept(request, token))
    return render(request, "imports/upload.html", {"form": form}, status=400)


@requires("imports.import_plan")
def save(request):
    if request.method != "POST":
        return redirect("imports:upload")
    key = ReviewKey(request.POST)
    key.is_valid()
    kept = _kept(request, key.cleaned_data.get("token"))
    plan_fields = PlanFields(request.POST, municipalities=_municipalities(request))
    formset = ActionFormSet(request.POST)
    result = None
    if key.is_valid() and plan_fields.is_valid() and formset.is_valid():
        result = _import_reviewed(request, key, plan_fields, formset)
    if result is None:
        return _review(request, plan_fields, formset, key, kept, status=400)
    if kept:
        del request.session[SESSION_KEY]
    messages.success(
        request,
        _(
            "Planen sparades som ett utkast med %(n)s åtgärder. Den är inte offentlig förrän "
            "en strateg offentliggör den."
        )
        % {"n": result.actions},
    )
    return redirect(result.plan.get_absolute_url())


def _import_reviewed(request, key, plan_fields, formset):
    """The plan saved as a draft with the actions as decided in review; None, with the
    errors added to the forms, when nothing can be saved."""
    decided = formset.decided()
    try:
        actions = review.apply_decisions(decided)
    except review.DecisionError as error:
        formset.forms[error.index].add_error("decision", str(error))
        return None
    if not actions:
        plan_fields.add_error(None, _nothing_to_save(decided))
        return None
    data = plan_fields.cleaned_data
    try:
        return import_plan(
            {"source": key.cleaned_data.get("source") or "dokument", "actions": actions},
            municipality=data["municipality"],
            owner=data["owner"],
            title=data["title"],
            as_of=data["as_of"],
            registration_number=data["registration_number"],
            by=request.user,
            review=review.tally(
                [form.cleaned_data["decision"] for form in formset.forms if not form.new],
                added=len(formset.added()),
            ),
        )
    except ValidationError as error:
        plan_fields.add_error(None, " ".join(error.messages))
        return None


def _nothing_to_save(decided) -> str:
    if decided:
        return _("Alla åtgärder är borttagna. Godkänn minst en för att spara planen.")
    return _("Det finns inga åtgärder att spara. Lägg till en eller läs ett annat dokument.")


def _plan(request, slug: str) -> Plan:
    return get_object_or_404(Plan.objects.select_related("municipality"), slug=slug)


@requires("plans.publish_plan", _plan)
@require_POST
def publish(request, slug: str):
    plan = publish_plan(_plan(request, slug), by=request.user)
    messages.success(
        request, _("Planen ”%(title)s” är nu offentlig: alla kan läsa den.") % {"title": plan.title}
    )
    return redirect(plan.get_absolute_url())
