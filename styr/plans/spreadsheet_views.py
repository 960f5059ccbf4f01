"""The status spreadsheet on the web: download a plan's actions as .xlsx or .csv, upload the
file filled in, see what it changes, save.

Between the preview and "Spara" the rows read from the file (the four columns import reads,
plain text) are kept in the user's session, not the file re-posted: the user need not choose
the file again, nothing of the file is echoed into the page, and the session lives on the
server (database sessions), where the user cannot alter what was previewed. The rows are
checked again at saving, with the actions locked, against the plan as it then stands; if
the outcome differs from the preview the user saw (its digest is posted back), nothing is
saved and the new preview is shown. The upload is refused while it streams in above the
plan import's own limit (`styr.lib.uploads`).

Rights: downloading and uploading need a signed-in user who may see the plan (the policy's
`plans.export_status` and `plans.import_status`); whether they may report on an action is
asked row by row (`plans.report_status`) by `styr.plans.status_import`.
"""

from __future__ import annotations

import secrets
from functools import partial

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from styr.accounts.policy import can, viewable_plans
from styr.accounts.views import requires
from styr.lib.uploads import MAX_UPLOAD, SizeLimit
from styr.plans.models import Plan
from styr.plans.spreadsheet import READ_COLUMNS, SUFFIXES, SheetRow, write_csv, write_xlsx
from styr.plans.status_import import (
    ImportRefused,
    Preview,
    compare,
    export_rows,
    read_upload,
    save_import,
    status_labels,
)

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
TOO_LARGE = gettext_lazy("Filen är större än 20 MB.")


def viewed_plan(request, slug: str, **kwargs) -> Plan:
    """The plan of the URL among those the user may see (else 404), read once per request."""
    if not hasattr(request, "_styr_plan"):
        visible = Plan.objects.filter(viewable_plans(request.user)).select_related("municipality")
        request._styr_plan = get_object_or_404(visible, slug=slug)
    return request._styr_plan


@require_GET
@requires("plans.export_status", viewed_plan)
def status_export(request, slug: str, fmt: str):
    plan = viewed_plan(request, slug)
    rows = export_rows(plan)
    data = write_xlsx(rows, statuses=status_labels()) if fmt == "xlsx" else write_csv(rows)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    filename = f"{plan.slug}-status-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SheetUploadForm(forms.Form):
    """The filled-in file; `too_large` when the upload handler refused it while it streamed."""

    sheet = forms.FileField(
        label=gettext_lazy("Ifylld fil"),
        help_text=gettext_lazy(
            "Excel (.xlsx) eller CSV (.csv) med kolumnerna från den nedladdade filen, högst 20 MB."
        ),
        error_messages={"required": gettext_lazy("Välj filen du har fyllt i.")},
        # An empty file is told as the reader tells it, naming the row the header belongs on.
        allow_empty_file=True,
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:
            self.fields["sheet"].required = False

    def clean_sheet(self):
        if self.too_large:
            raise forms.ValidationError(TOO_LARGE)
        upload = self.cleaned_data["sheet"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in SUFFIXES:
            raise forms.ValidationError(
                _(
                    "”%(name)s” är inte ett kalkylark som Styr kan läsa. Ladda upp en .xlsx- eller "
                    ".csv-fil."
                )
                % {"name": upload.name}
            )
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(TOO_LARGE)
        return upload


class SaveForm(forms.Form):
    """Which preview is saved: the token of the rows kept in the session, and the digest of
    what the preview showed."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
    digest = forms.CharField(widget=forms.HiddenInput, max_length=100)


def session_key(plan: Plan) -> str:
    return f"styr_status_import_{plan.id}"


@csrf_exempt
@requires("plans.import_status", viewed_plan)
def status_import(request, slug: str):
    # The size limit must be in place before anything reads the body, and the CSRF check
    # reads it: so CSRF is checked in the inner view (as on the plan import page).
    limit = SizeLimit(request)
    request.upload_handlers.insert(0, limit)
    return _status_import(request, slug, limit)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _status_import(request, slug: str, limit: SizeLimit):
    plan = viewed_plan(request, slug)
    if request.method == "GET":
        return upload_page(request, plan, SheetUploadForm())
    if "token" in request.POST:
        return save(request, plan)
    form = SheetUploadForm(request.POST, request.FILES, too_large=limit.refused)
    if not form.is_valid():
        return upload_page(request, plan, form, status=400)
    upload = form.cleaned_data["sheet"]
    rows, errors = read_upload(upload.name, upload.read())
    if errors:
        for error in errors:
            form.add_error("sheet", str(error))
        return upload_page(request, plan, form, status=400)
    preview = compare(plan, rows, request.user, may=partial(can, request.user))
    token = ""
    if preview.changes and not preview.errors:
        token = secrets.token_urlsafe(16)
        request.session[session_key(plan)] = {
            "token": token,
            "name": upload.name,
            # Only what import reads: the other columns may be long and are never used.
            "rows": [[row.number, {c: row[c] for c in READ_COLUMNS}] for row in rows],
        }
    return preview_page(request, plan, preview, upload.name, token)


def save(request, plan: Plan):
    form = SaveForm(request.POST)
    kept = request.session.get(session_key(plan))
    if not form.is_valid() or not kept or kept.get("token") != form.cleaned_data["token"]:
        problem = _("Förhandsvisningen finns inte längre sparad. Ladda upp filen igen.")
        return upload_page(request, plan, SheetUploadForm(), problem, status=400)
    rows = [SheetRow(number, values) for number, values in kept["rows"]]
    try:
        preview = save_import(
            plan,
            rows,
            request.user,
            may=partial(can, request.user),
            digest=form.cleaned_data["digest"],
            source=kept["name"],
        )
    except ImportRefused as refused:
        return _refused_page(request, plan, refused, kept)
    del request.session[session_key(plan)]
    messages.success(request, _saved_message(len(preview.changes), kept["name"]))
    return redirect("plans:status_import", slug=plan.slug)


def _refused_page(request, plan: Plan, refused: ImportRefused, kept: dict):
    """Nothing saved. A stale preview is shown again as it now stands, to be saved again;
    rows with errors end the upload."""
    if refused.stale and not refused.preview.errors:
        notice = _(
            "Inget är sparat: statusen för någon av åtgärderna har ändrats sedan "
            "förhandsvisningen. Så här ser ändringarna ut nu; spara igen om de stämmer."
        )
        return preview_page(
            request, plan, refused.preview, kept["name"], kept["token"], notice, status=409
        )
    del request.session[session_key(plan)]
    return preview_page(request, plan, refused.preview, kept["name"], "", status=400)


def _saved_message(count: int, name: str) -> str:
    if count == 1:
        return _("1 statusuppdatering från %(name)s är sparad.") % {"name": name}
    return _("%(count)s statusuppdateringar från %(name)s är sparade.") % {
        "count": count,
        "name": name,
    }


def upload_page(request, plan: Plan, form: SheetUploadForm, problem: str = "", status: int = 200):
    context = {"plan": plan, "form": form, "problem": problem}
    return render(request, "plans/status_import.html", context, status=status)


def preview_page(
    request,
    plan: Plan,
    preview: Preview,
    name: str,
    token: str,
    notice: str = "",
    status: int | None = None,
):
    context = {
        "plan": plan,
        "preview": preview,
        "name": name,
        "notice": notice,
        "save_form": SaveForm(initial={"token": token, "digest": preview.digest})
        if token
        else None,
    }
    if status is None:
        status = 400 if preview.errors else 200
    return render(request, "plans/status_import_preview.html", context, status=status)
