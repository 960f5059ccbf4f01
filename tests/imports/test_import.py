"""Importing a document into Styr: the command, the review page, all or nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from styr.demo.loader import DEMO_FILE
from styr.plans.models import Action, Plan, Responsibility, StatusUpdate

pytestmark = pytest.mark.django_db

MEMO = DEMO_FILE.with_name("nacka2015-memo.txt")

SMALL_PLAN = """2016-02-01

Handlingsplan för digitalisering

Service

Ta fram en ny e-tjänst för bygglov. Ansvarig är administrativ direktör Mats Boman. Klart senast den 30 juni 2016. *Pågår.*

Inför digital signering i alla nämnder under hösten 2016. Ansvarig är Okänd Okändsson.
"""


def plans_before():
    return set(Plan.objects.values_list("id", flat=True))


def test_import_command_saves_the_memo_as_a_new_plan(demo, tmp_path):
    out = StringIO()
    call_command(
        "import", str(MEMO), "--plan", "Nacka 2015 (import)", "--as-of", "2015-09-02",
        "--registration-number", "IMPORT 1", stdout=out,
    )  # fmt: skip
    plan = Plan.objects.get(title="Nacka 2015 (import)")
    assert plan.actions.count() >= 30
    contracts = plan.actions.get(
        text__startswith="Alla chefer i Nacka ska ha tydliga resultatkontrakt"
    )
    assert (contracts.deadline_text, contracts.deadline_date) == (
        "senast den 31 december 2015",
        dt.date(2015, 12, 31),
    )
    # "Mats Boman" in the document is the known Mats Bohman.
    smart = plan.actions.get(text__startswith="Under våren 2015 startades arbetet med Smart kommun")
    assert {r.person.name for r in smart.responsibilities.filter(person__isnull=False)} >= {
        "Mats Bohman",
        "Klara Palmberg Broryd",
    }
    done = StatusUpdate.objects.filter(action__plan=plan, status="done").count()
    assert done >= 15
    assert "Saved plan" in out.getvalue()


def test_import_keeps_unknown_names_for_review(demo, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    out = StringIO()
    call_command(
        "import", str(path), "--plan", "Digitalisering", "--as-of", "2016-02-01", stdout=out
    )
    plan = Plan.objects.get(title="Digitalisering")
    first, second = plan.actions.order_by("order")
    assert first.responsibilities.get().person.name == "Mats Bohman"
    assert first.status_updates.get().status == "in_progress"
    assert second.responsibilities.get().role_text == "Okänd Okändsson"
    assert "Okänd Okändsson" in out.getvalue()


def test_a_failed_import_leaves_nothing_behind(demo, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    before = (plans_before(), Action.objects.count(), Responsibility.objects.count())
    with pytest.raises(CommandError, match="diarienummer KFKS 2012/577-001"):
        call_command(
            "import", str(path), "--plan", "Dubblett", "--registration-number", "KFKS 2012/577-001",
            stdout=StringIO(),
        )  # fmt: skip
    assert (plans_before(), Action.objects.count(), Responsibility.objects.count()) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tom.txt", b"", "tom.txt: the file is empty"),
        ("bild.png", b"\x89PNG....", "unsupported file type '.png'"),
        ("trasig.docx", b"PK\x03\x04 not really a zip", "trasig.docx: not a valid Word document"),
        ("trasig.pdf", b"%PDF-1.4 garbage", "trasig.pdf: not a valid PDF"),
    ],
)
def test_import_of_a_bad_file_names_it(demo, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message.replace(".", r"\.").replace("(", r"\(")):
        call_command("import", str(path), "--plan", "X", stdout=StringIO())
    assert not Plan.objects.filter(title="X").exists()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def upload(client, text=SMALL_PLAN, name="plan.txt"):
    return client.post("/import/", {"document": SimpleUploadedFile(name, text.encode("utf-8"))})


def test_review_page_shows_the_extracted_actions_and_flags_unknown_names(staff_client, demo):
    response = upload(staff_client)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ta fram en ny e-tjänst för bygglov" in page
    assert "Okänd person, granska: Okänd Okändsson" in page
    assert (
        not Plan.objects.filter(title__icontains="plan")
        .exclude(slug="styrning-och-ledning-2015-2016")
        .exists()
    )


def review_data(response) -> dict:
    """What the review form would post back unchanged."""
    data = {"source": "plan.txt"}
    forms = [response.context["plan_fields"], *response.context["formset"].forms]
    management = response.context["formset"].management_form
    for name in management.fields:
        data[management.add_prefix(name)] = management.initial[name]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value in (None, False):
                continue
            data[form.add_prefix(name)] = getattr(value, "pk", None) or (
                value.isoformat() if hasattr(value, "isoformat") else value
            )
    return data


def test_saving_the_reviewed_table_creates_the_plan_with_the_edits(staff_client, demo):
    data = review_data(upload(staff_client))
    data["title"] = "Digitalisering 2016"
    data["registration_number"] = "KS 2016/1-001"
    data["as_of"] = "2016-02-01"
    data["form-1-responsible"] = "Mats Bohman (administrativ direktör)"
    data["form-0-title"] = "Ny e-tjänst för bygglov"
    response = staff_client.post("/import/spara/", data)
    assert response.status_code == 302
    plan = Plan.objects.get(title="Digitalisering 2016")
    assert list(plan.actions.order_by("order").values_list("title", flat=True))[0] == (
        "Ny e-tjänst för bygglov"
    )
    second = plan.actions.order_by("order")[1]
    assert second.responsibilities.get().person.name == "Mats Bohman"


def test_a_bad_row_saves_nothing_and_says_why(staff_client, demo):
    data = review_data(upload(staff_client))
    data.update({"title": "Trasig", "registration_number": "KS 2016/2-001", "as_of": "2016-02-01"})
    data["form-0-deadline_date"] = "2016-13-45"
    response = staff_client.post("/import/spara/", data)
    assert response.status_code == 400
    assert "Fyll i ett giltigt datum." in response.content.decode()
    assert not Plan.objects.filter(title="Trasig").exists()


def test_citizens_cannot_import(client, demo):
    response = upload(client)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
