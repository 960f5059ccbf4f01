"""Importing a document into Styr: the command, the review page, all or nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from styr.accounts.domain import grant_role
from styr.demo.loader import DEMO_FILE
from styr.imports.domain import import_plan
from styr.imports.models import PlanImport
from styr.org.models import Body, Municipality
from styr.plans.models import Action, Plan, Responsibility, StatusUpdate
from tests import html
from tests.conftest import demo_once

pytestmark = pytest.mark.django_db

# The demo is loaded once for the module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

PLAN_SLUG = "styrning-och-ledning-2015-2016"

MEMO = DEMO_FILE.with_name("nacka2015-memo.txt")

SMALL_PLAN = """2016-02-01

Handlingsplan för digitalisering

Service

Ta fram en ny e-tjänst för bygglov. Ansvarig är administrativ direktör Mats Boman. Klart senast den 30 juni 2016. *Pågår.*

Inför digital signering i alla nämnder under hösten 2016. Ansvarig är Okänd Okändsson.
"""


def kommunstyrelsen() -> Body:
    return Body.objects.get(slug="kommunstyrelsen")


def plans_before():
    return set(Plan.objects.values_list("id", flat=True))


def test_import_command_saves_the_memo_as_a_new_plan(demo, tmp_path):
    out = StringIO()
    call_command(
        "import", str(MEMO), "--plan", "Nacka 2015 (import)", "--as-of", "2015-09-02",
        "--registration-number", "IMPORT 1", "--owner", "kommunstyrelsen", stdout=out,
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
        "import", str(path), "--plan", "Digitalisering", "--as-of", "2016-02-01",
        "--owner", "Kommunstyrelsen", stdout=out,
    )  # fmt: skip
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
            "--owner", "kommunstyrelsen", stdout=StringIO(),
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
        call_command(
            "import", str(path), "--plan", "X", "--owner", "kommunstyrelsen", stdout=StringIO()
        )
    assert not Plan.objects.filter(title="X").exists()


def upload(client, text=SMALL_PLAN, name="plan.txt"):
    return client.post("/import/", {"document": SimpleUploadedFile(name, text.encode("utf-8"))})


def test_review_page_shows_the_extracted_actions_and_flags_unknown_names(importer, demo):
    page = html.parse(upload(importer))
    rows = page.xpath("//fieldset[@class='import-row'][starts-with(@id, 'atgard-')]")
    assert "Ta fram en ny e-tjänst för bygglov" in [html.facts(row)["Titel"] for row in rows]
    assert html.texts(page, "//fieldset[@class='import-row']/p[@class='overdue']") == [
        "Okänd person, granska: Okänd Okändsson"
    ]
    assert not Plan.objects.filter(title__icontains="plan").exclude(slug=PLAN_SLUG).exists()


def review_data(response) -> dict:
    """What the review form would post back unchanged (the title and owner still empty)."""
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


def test_saving_the_reviewed_table_creates_the_plan_with_the_edits(importer, demo):
    data = review_data(upload(importer))
    data["title"] = "Digitalisering 2016"
    data["owner"] = kommunstyrelsen().pk
    data["registration_number"] = "KS 2016/1-001"
    data["as_of"] = "2016-02-01"
    data["form-1-responsible"] = "Mats Bohman (administrativ direktör)"
    data["form-0-title"] = "Ny e-tjänst för bygglov"
    response = importer.post("/import/spara/", data)
    assert response.status_code == 302
    plan = Plan.objects.get(title="Digitalisering 2016")
    assert list(plan.actions.order_by("order").values_list("title", flat=True))[0] == (
        "Ny e-tjänst för bygglov"
    )
    second = plan.actions.order_by("order")[1]
    assert second.responsibilities.get().person.name == "Mats Bohman"


def test_a_bad_row_saves_nothing_and_says_why(importer, demo):
    data = review_data(upload(importer))
    data.update({"title": "Trasig", "registration_number": "KS 2016/2-001", "as_of": "2016-02-01"})
    data["owner"] = kommunstyrelsen().pk
    data["form-0-deadline_date"] = "2016-13-45"
    response = importer.post("/import/spara/", data)
    page = html.parse(response, status=400)
    assert html.field_errors(page, "form-0-deadline_date") == [
        "Ogiltigt datum ”2016-13-45” för klart senast. Ange ett datum som ÅÅÅÅ-MM-DD mellan "
        "1950-01-01 och 2100-12-31, t.ex. 2015-09-02."
    ]
    assert not Plan.objects.filter(title="Trasig").exists()


def test_citizens_cannot_import(client, demo):
    response = upload(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def small_plan_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    return path


def test_the_command_saves_a_draft_and_records_the_import(demo, tmp_path, municipality_strateg):
    out = StringIO()
    call_command(
        "import", str(small_plan_file(tmp_path)), "--plan", "Digitalisering",
        "--as-of", "2016-02-01", "--owner", "kommunstyrelsen", "--user", "kommunstrateg",
        stdout=out,
    )  # fmt: skip
    plan = Plan.objects.get(title="Digitalisering")
    assert plan.published_at is None
    record = PlanImport.objects.get(plan=plan)
    assert (record.source, record.imported_by, record.unmatched_names) == (
        "plan.txt",
        municipality_strateg,
        ["Okänd Okändsson"],
    )
    assert "The plan is a draft" in out.getvalue()
    assert f"styr plan publish {plan.slug}" in out.getvalue()


@pytest.mark.parametrize(
    ("owner", "problem"),
    [
        ([], "give --owner, the body that owns the plan"),
        (["--owner", "stadsdelsnamnden"], "unknown owner 'stadsdelsnamnden'"),
    ],
)
def test_a_missing_or_unknown_owner_lists_the_known_bodies_and_writes_nothing(
    demo, tmp_path, owner, problem
):
    before = (plans_before(), Action.objects.count(), PlanImport.objects.count())
    with pytest.raises(CommandError) as raised:
        call_command(
            "import", str(small_plan_file(tmp_path)), "--plan", "Digitalisering", *owner,
            stdout=StringIO(),
        )  # fmt: skip
    message = str(raised.value)
    assert message.startswith(problem)
    assert "known bodies in Nacka kommun:" in message
    assert "kommunstyrelsen (Kommunstyrelsen)" in message
    assert "aldrenamnden (Äldrenämnden)" in message
    assert (plans_before(), Action.objects.count(), PlanImport.objects.count()) == before


def test_the_owner_is_found_by_name_in_any_case(demo, tmp_path):
    call_command(
        "import", str(small_plan_file(tmp_path)), "--plan", "Äldreomsorg",
        "--owner", "ÄLDRENÄMNDEN", stdout=StringIO(),
    )  # fmt: skip
    assert Plan.objects.get(title="Äldreomsorg").owner.slug == "aldrenamnden"


def test_the_command_refuses_a_blank_title(demo, tmp_path):
    with pytest.raises(CommandError, match="give the plan a title"):
        call_command(
            "import", str(small_plan_file(tmp_path)), "--plan", "  ",
            "--owner", "kommunstyrelsen", stdout=StringIO(),
        )  # fmt: skip
    assert set(Plan.objects.values_list("slug", flat=True)) == {PLAN_SLUG}


def test_import_plan_refuses_a_blank_title(demo):
    document = {"source": "plan.txt", "actions": [{"title": "Gör något", "text": "Gör något."}]}
    with pytest.raises(ValidationError, match="Planen behöver en titel."):
        import_plan(
            document,
            municipality=demo,
            owner=kommunstyrelsen(),
            title=" ",
            as_of=dt.date(2016, 2, 1),
            registration_number="KS 2016/9-001",
        )
    assert not PlanImport.objects.exists()


def test_import_plan_refuses_an_owner_from_another_municipality(demo):
    other = Municipality.objects.create(name="Arboga kommun", slug="arboga")
    foreign = Body.objects.create(
        municipality=other, slug="kommunstyrelsen", name="Kommunstyrelsen", kind="styrelse"
    )
    document = {"source": "plan.txt", "actions": [{"title": "Gör något", "text": "Gör något."}]}
    with pytest.raises(
        ValidationError, match="Kommunstyrelsen hör inte till Nacka kommun"
    ) as raised:
        import_plan(
            document,
            municipality=demo,
            owner=foreign,
            title="Fel ägare",
            as_of=dt.date(2016, 2, 1),
            registration_number="KS 2016/9-001",
        )
    assert "Kända organ: " in str(raised.value)
    assert "Kommunfullmäktige" in str(raised.value)
    assert not Plan.objects.filter(title="Fel ägare").exists()


def test_the_review_page_has_no_title_and_no_owner_until_a_person_chooses(importer, demo):
    response = upload(importer)
    fields = response.context["plan_fields"]
    assert fields["title"].value() is None
    assert fields["owner"].value() is None
    page = html.parse(response)
    assert html.text(page, "//*[@id='id_title_helptext']").startswith(
        "Planens namn som det står i beslutet"
    )
    chosen = page.xpath("//select[@name='owner']/option[@selected]")
    assert [(option.get("value"), html.visible_text(option)) for option in chosen] == [
        ("", "Välj organ")
    ]
    # One municipality to import into: nothing to choose, it is carried along.
    assert page.xpath("//input[@type='hidden'][@name='municipality']/@value") == [str(demo.pk)]
    assert page.xpath("//select[@name='municipality']") == []


def test_saving_without_a_title_or_owner_says_so_in_swedish(importer, demo):
    data = review_data(upload(importer))
    data.update({"registration_number": "KS 2016/3-001", "as_of": "2016-02-01"})
    page = html.parse(importer.post("/import/spara/", data), status=400)
    assert html.field_errors(page, "title") == [
        "Ge planen en titel. Filnamnet används inte som titel."
    ]
    assert html.field_errors(page, "owner") == ["Välj vilket politiskt organ som äger planen."]
    assert not Plan.objects.filter(registration_number="KS 2016/3-001").exists()


def test_an_unknown_owner_on_the_review_page_lists_the_known_bodies(importer, demo):
    data = review_data(upload(importer))
    data.update({"title": "Digitalisering", "registration_number": "KS 2016/4-001"})
    data["owner"] = "999999"
    response = importer.post("/import/spara/", data)
    assert response.status_code == 400
    errors = response.context["plan_fields"].errors["owner"]
    assert errors[0].startswith("Okänt organ. Kända organ: ")
    assert {"Kommunfullmäktige", "Kommunstyrelsen", "Äldrenämnden"} <= set(
        errors[0].removeprefix("Okänt organ. Kända organ: ").rstrip(".").split("; ")
    )
    assert not Plan.objects.filter(title="Digitalisering").exists()


def test_the_municipality_is_one_the_user_may_import_into(importer, demo):
    other = Municipality.objects.create(name="Arboga kommun", slug="arboga")
    foreign = Body.objects.create(
        municipality=other, slug="kommunstyrelsen", name="Kommunstyrelsen", kind="styrelse"
    )
    data = review_data(upload(importer))
    data.update({"title": "Arboga", "registration_number": "KS 2016/5-001"})
    data.update({"municipality": other.pk, "owner": foreign.pk})
    response = importer.post("/import/spara/", data)
    assert response.status_code == 400
    assert not Plan.objects.filter(title="Arboga").exists()


def test_a_strateg_in_several_municipalities_chooses_one(client, demo, municipality_strateg):
    other = Municipality.objects.create(name="Arboga kommun", slug="arboga")
    Body.objects.create(municipality=other, slug="ks", name="Kommunstyrelsen", kind="styrelse")
    grant_role(municipality_strateg, "strateg", municipality=other)
    client.force_login(municipality_strateg)
    page = html.parse(upload(client))
    assert len(page.xpath("//select[@name='municipality']")) == 1
    owners = html.texts(page, "//select[@name='owner']//option")
    assert "Kommunstyrelsen (Arboga kommun)" in owners
    assert "Kommunstyrelsen (Nacka kommun)" in owners


def test_a_superuser_still_may_import(client, staff, demo):
    client.force_login(staff)
    data = review_data(upload(client))
    data.update({"title": "Av superanvändaren", "registration_number": "KS 2016/6-001"})
    data.update({"owner": kommunstyrelsen().pk, "as_of": "2016-02-01"})
    response = client.post("/import/spara/", data)
    assert response.status_code == 302
    plan = Plan.objects.get(title="Av superanvändaren")
    assert (plan.published_at, plan.import_record.imported_by) == (None, staff)


def test_a_saved_import_lands_on_its_draft_page_with_what_to_review(importer, demo):
    data = review_data(upload(importer))
    data.update({"title": "Digitalisering 2016", "registration_number": "KS 2016/7-001"})
    data.update({"owner": kommunstyrelsen().pk, "as_of": "2016-02-01"})
    response = importer.post("/import/spara/", data, follow=True)
    plan = Plan.objects.get(title="Digitalisering 2016")
    assert response.redirect_chain == [(plan.get_absolute_url(), 302)]
    page = html.parse(response)
    (saved,) = html.messages(page)
    assert saved.startswith("Planen sparades som ett utkast med 2 åtgärder.")
    assert html.text(page, "//section[@class='draft']/h2") == "Utkast – inte offentligt ännu"
    assert html.texts(page, "//ul[@class='review-names']/li") == ["Okänd Okändsson"]
    assert plan.published_at is None
    assert (plan.import_record.source, plan.import_record.unmatched_names) == (
        "plan.txt",
        ["Okänd Okändsson"],
    )
