"""The status spreadsheet on the web: download, upload, preview, save (with the test client).

The cast (tests/cast.py): `responsible` is Elisabeth Carle's account on the demo plan.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from styr.accounts.policy import can
from styr.plans.models import StatusUpdate
from styr.plans.spreadsheet import COLUMNS, read_sheet, write_csv, write_xlsx
from styr.plans.status_import import export_rows, status_labels
from tests import html


@pytest.fixture
def client_of(cast):
    def signed_in(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return signed_in


def own_actions(cast):
    return [
        a
        for a in cast.plan.actions.order_by("order")
        if can(cast.responsible, "plans.report_status", a)
    ]


def filled_in(cast, edits: dict) -> list[list]:
    """The export with rows edited: {action id: {column: value}}."""
    rows = [list(row) for row in export_rows(cast.plan)]
    for row in rows:
        for name, value in edits.get(row[0], {}).items():
            row[COLUMNS.index(name)] = value
    return rows


def test_the_plan_downloads_as_xlsx_and_csv(cast, client_of):
    client = client_of(cast.responsible)
    xlsx = client.get(f"/planer/{cast.plan.slug}/status.xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    today = timezone.localdate().isoformat()
    assert xlsx["Content-Disposition"] == (
        f'attachment; filename="{cast.plan.slug}-status-{today}.xlsx"'
    )
    rows = read_sheet("status.xlsx", xlsx.content)
    assert [row["id"] for row in rows] == [str(row[0]) for row in export_rows(cast.plan)]
    csv = client.get(f"/planer/{cast.plan.slug}/status.csv")
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.content.startswith(b"\xef\xbb\xbfid;tema;")
    assert len(read_sheet("status.csv", csv.content)) == len(rows)


def test_a_citizen_is_sent_to_log_in_for_the_download(cast):
    response = Client().get(f"/planer/{cast.plan.slug}/status.xlsx")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_mina_atgarder_and_the_plan_page_link_to_the_spreadsheet(cast, client_of):
    page = html.parse(client_of(cast.responsible).get("/mina-atgarder/"))
    assert f"/planer/{cast.plan.slug}/status.xlsx" in html.hrefs(page, "Ladda ned som Excel")
    assert f"/planer/{cast.plan.slug}/status/import/" in html.hrefs(page, "ladda upp ifylld fil")
    plan_page = html.parse(client_of(cast.strateg).get(f"/planer/{cast.plan.slug}/"))
    assert html.hrefs(plan_page, "Status i kalkylark") == [
        f"/planer/{cast.plan.slug}/status/import/"
    ]
    public = Client().get(f"/planer/{cast.plan.slug}/").content.decode()
    assert "/status/import/" not in public, "a citizen is not offered what needs signing in"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_upload_preview_and_save(cast, client_of, fmt):
    first, second = own_actions(cast)[:2]
    rows = filled_in(
        cast,
        {
            first.id: {"status": "Genomfört", "kommentar": "Klart i november."},
            second.id: {"status": "Pågår", "kommentar": "Ny kommentar.", "datum": None},
        },
    )
    data = write_xlsx(rows, status_labels()) if fmt == "xlsx" else write_csv(rows)
    client = client_of(cast.responsible)
    url = f"/planer/{cast.plan.slug}/status/import/"
    form_page = html.parse(client.get(url))
    assert html.hrefs(form_page, "Ladda ned som Excel (.xlsx)") == [
        f"/planer/{cast.plan.slug}/status.xlsx"
    ]
    before = StatusUpdate.objects.count()

    preview = client.post(url, {"sheet": SimpleUploadedFile(f"plan.{fmt}", data)})

    page = html.parse(preview)
    assert html.text(page, "//main//p[@class='lead']") == (
        f"plan.{fmt}: 2 ändrade rader, {len(rows) - 2} oförändrade, 0 fel."
    )
    assert html.column(page, "Åtgärd") == [first.title, second.title]
    assert html.column(page, "Kommentar") == ["Klart i november.", "Ny kommentar."]
    assert StatusUpdate.objects.count() == before, "a preview saves nothing"

    form = preview.context["save_form"]
    saved = client.post(url, {"token": form["token"].value(), "digest": form["digest"].value()})

    assert saved.status_code == 302
    assert StatusUpdate.objects.count() == before + 2
    new = StatusUpdate.objects.order_by("-id")[:2]
    assert {(u.action_id, u.note, u.author) for u in new} == {
        (first.id, "Klart i november.", cast.responsible),
        (second.id, "Ny kommentar.", cast.responsible),
    }
    done = html.parse(client.get(saved["Location"]))
    assert html.messages(done) == [f"2 statusuppdateringar från plan.{fmt} är sparade."]

    again = client.post(url, {"sheet": SimpleUploadedFile(f"plan.{fmt}", data)})
    assert html.text(html.parse(again), "//section[@aria-labelledby='andringar']/p") == (
        "Filen ändrar ingen status: varje rad säger det som redan gäller."
    )
    assert again.context["save_form"] is None


def test_errors_are_listed_by_row_and_column_and_there_is_nothing_to_save(cast, client_of):
    mine = own_actions(cast)
    theirs = next(a for a in cast.plan.actions.order_by("order") if a not in mine)
    rows = filled_in(
        cast,
        {
            mine[0].id: {"status": "Pågår", "kommentar": "Den här raden är bra."},
            theirs.id: {"status": "Genomfört", "kommentar": "Inte min."},
        },
    )
    response = Client()
    response.force_login(cast.responsible)
    page = response.post(
        f"/planer/{cast.plan.slug}/status/import/",
        {"sheet": SimpleUploadedFile("plan.csv", write_csv(rows))},
    )
    tree = html.parse(page, 400)
    row = [r[0] for r in rows].index(theirs.id) + 2
    number, column, message = html.row(tree, str(row))
    assert column == "status" and message.startswith("Du får inte rapportera")
    assert html.alerts(tree) == [
        "Inget sparas förrän alla fel är rättade. Rätta filen och ladda upp den igen."
    ]
    assert page.context["save_form"] is None


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.csv", b"", "Rad 1: Filen är tom."),
        ("plan.docx", b"PK", "”plan.docx” är inte ett kalkylark som Styr kan läsa."),
    ],
)
def test_a_bad_file_is_named_on_the_upload_form(cast, client_of, name, data, message):
    page = client_of(cast.responsible).post(
        f"/planer/{cast.plan.slug}/status/import/", {"sheet": SimpleUploadedFile(name, data)}
    )
    (error,) = html.field_errors(html.parse(page, 400), "sheet")
    assert error.startswith(message)


def test_a_save_after_someone_else_reported_shows_the_new_preview_and_saves_nothing(
    cast, client_of
):
    action = own_actions(cast)[0]
    rows = filled_in(
        cast, {action.id: {"status": "Genomfört", "kommentar": "Klart.", "datum": None}}
    )
    client = client_of(cast.responsible)
    url = f"/planer/{cast.plan.slug}/status/import/"
    preview = client.post(url, {"sheet": SimpleUploadedFile("plan.csv", write_csv(rows))})
    form = preview.context["save_form"]
    StatusUpdate.objects.create(
        action=action, date=timezone.localdate(), status="unknown", note="Strategen var först."
    )
    before = StatusUpdate.objects.count()
    saved = client.post(url, {"token": form["token"].value(), "digest": form["digest"].value()})
    (notice,) = html.alerts(html.parse(saved, 409))
    assert notice.startswith("Inget är sparat: statusen för någon av åtgärderna har ändrats")
    assert StatusUpdate.objects.count() == before


def test_a_save_without_a_kept_preview_asks_for_the_file_again(cast, client_of):
    page = client_of(cast.responsible).post(
        f"/planer/{cast.plan.slug}/status/import/", {"token": "gammal", "digest": "x"}
    )
    assert html.alerts(html.parse(page, 400)) == [
        "Förhandsvisningen finns inte längre sparad. Ladda upp filen igen."
    ]


def test_an_upload_over_the_import_limit_is_refused_while_it_streams_in(cast, client_of):
    from styr.lib.uploads import MAX_UPLOAD
    from tests.imports.test_upload_limit import BOUNDARY, StreamedBody

    body = StreamedBody("token", MAX_UPLOAD + 5 * 1024 * 1024, name="stor.csv")
    body.head = body.head.replace(b'name="document"', b'name="sheet"')
    body.length = len(body.head) + body.size + len(body.tail)
    response = client_of(cast.responsible).generic(
        "POST",
        f"/planer/{cast.plan.slug}/status/import/",
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(body.length),
        **{"wsgi.input": body},
    )
    assert html.field_errors(html.parse(response, 400), "sheet") == ["Filen är större än 20 MB."]
    assert body.read_bytes < 1024 * 1024, "the Content-Length said it all: the file is not read"
