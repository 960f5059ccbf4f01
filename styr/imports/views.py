"""The import page: upload a document, review its actions, save them as a draft plan; and
publishing a draft plan, which makes it public.

Importing needs "imports.import_plan" in the municipality the plan is saved in; publishing
needs "plans.publish_plan" on the plan (`styr.accounts.policy`)."""

from __future__ import annotations

import tempfile
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
from styr.extract.readers import UnreadableDocument, read_document
from styr.imports.domain import find_registration_number, import_plan, known_people
from styr.imports.forms import ActionFormSet, ActionRow, PlanFields, UploadForm
from styr.imports.matching import match_person
from styr.imports.uploads import SizeLimit
from styr.plans.domain import publish_plan
from styr.plans.models import Plan


def _read_upload(upload) -> str:
    suffix = Path(upload.name).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            return read_document(Path(handle.name))
        except UnreadableDocument as error:
            # Name the user's file, not the temporary one.
            raise UnreadableDocument(str(error).replace(handle.name, upload.name)) from error


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


def _review(request, plan_fields, formset, source, status=200):
    chosen = plan_fields.cleaned_data.get("municipality") if plan_fields.is_bound else None
    municipality = chosen or plan_fields.fields["municipality"].queryset.first()
    rows = list(zip(formset, _unknown_names(formset, municipality), strict=True))
    return render(
        request,
        "imports/review.html",
        {"plan_fields": plan_fields, "formset": formset, "rows": rows, "source": source},
        status=status,
    )


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
            formset = ActionFormSet(
                initial=[ActionRow.initial_from(a) for a in extracted["actions"]]
            )
            return _review(request, plan_fields, formset, document.name)
    return render(request, "imports/upload.html", {"form": form}, status=400)


@requires("imports.import_plan")
def save(request):
    if request.method != "POST":
        return redirect("imports:upload")
    source = request.POST.get("source", "dokument")
    plan_fields = PlanFields(request.POST, municipalities=_municipalities(request))
    formset = ActionFormSet(request.POST)
    if not (plan_fields.is_valid() and formset.is_valid()):
        return _review(request, plan_fields, formset, source, status=400)
    actions = [form.as_action() for form in formset if form.cleaned_data.get("include")]
    data = plan_fields.cleaned_data
    try:
        result = import_plan(
            {"source": source, "actions": actions},
            municipality=data["municipality"],
            owner=data["owner"],
            title=data["title"],
            as_of=data["as_of"],
            registration_number=data["registration_number"],
            by=request.user,
        )
    except ValidationError as error:
        plan_fields.add_error(None, " ".join(error.messages))
        return _review(request, plan_fields, formset, source, status=400)
    messages.success(
        request,
        _(
            "Planen sparades som ett utkast med %(n)s åtgärder. Den är inte offentlig förrän "
            "en strateg offentliggör den."
        )
        % {"n": result.actions},
    )
    return redirect(result.plan.get_absolute_url())


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
