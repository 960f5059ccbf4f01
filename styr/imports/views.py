"""The import page for staff: upload a document, review its actions, save them as a plan."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from styr.extract.document import extract_text
from styr.extract.readers import UnreadableDocument, read_document
from styr.imports.domain import find_registration_number, import_plan, known_people
from styr.imports.forms import ActionFormSet, ActionRow, PlanFields, UploadForm
from styr.imports.matching import match_person
from styr.org.models import Body, Municipality


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
    municipality = chosen or plan_fields.initial.get("municipality")
    rows = list(zip(formset, _unknown_names(formset, municipality), strict=True))
    return render(
        request,
        "imports/review.html",
        {"plan_fields": plan_fields, "formset": formset, "rows": rows, "source": source},
        status=status,
    )


@staff_member_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["document"]
        try:
            text = _read_upload(document)
        except UnreadableDocument as error:
            form.add_error("document", f"Filen kunde inte läsas: {error}")
        else:
            extracted = extract_text(text, document.name)
            municipality = Municipality.objects.first()
            owner = Body.objects.filter(municipality=municipality, kind="styrelse").first()
            plan_fields = PlanFields(
                initial={
                    "title": Path(document.name).stem.replace("_", " "),
                    "municipality": municipality,
                    "owner": owner,
                    "registration_number": find_registration_number(text) or "",
                    "as_of": timezone.localdate(),
                }
            )
            formset = ActionFormSet(
                initial=[ActionRow.initial_from(a) for a in extracted["actions"]]
            )
            return _review(request, plan_fields, formset, document.name)
    return render(request, "imports/upload.html", {"form": form})


@staff_member_required
def save(request):
    if request.method != "POST":
        return redirect("imports:upload")
    source = request.POST.get("source", "dokument")
    plan_fields = PlanFields(request.POST)
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
        f"Planen sparades med {result.actions} åtgärder."
        + (f" Okända namn att granska: {', '.join(result.unmatched)}." if result.unmatched else ""),
    )
    return redirect(result.plan.get_absolute_url())
