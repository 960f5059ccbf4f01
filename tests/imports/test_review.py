"""The import review page: the document with what was taken marked and what was left plain,
each action with its facts and confidence, and accept / edit / merge / reject before the
draft plan is saved, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styr.extract.document import extract_text
from styr.imports.models import PlanImport
from styr.imports.review import LOW_CONFIDENCE
from styr.imports.views import SESSION_KEY
from styr.org.models import Body
from styr.plans.models import Action, Plan
from tests import html
from tests.conftest import demo_once

pytestmark = pytest.mark.django_db

# The demo is loaded once for the module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

DOCUMENT = """2016-03-01

Handlingsplan för e-förvaltning

Service

Inför en e-tjänst för föreningsbidrag. Ansvarig är administrativ direktör Mats Boman. Klart senast den 30 september 2016. *Pågår.*

Ta fram riktlinjer för öppna data under hösten 2016. Ansvarig är Okänd Okändsson.

Kontakt: kommunens växel.
"""

# The review record in the plan page's draft banner.
REVIEWED = "//section[@class='draft']/p[3]"


def upload(client, text=DOCUMENT, name="e-plan.txt"):
    return client.post("/import/", {"document": SimpleUploadedFile(name, text.encode("utf-8"))})


def marks(page) -> dict[int, str]:
    """The marked pieces of the document pane by action number, as written (the piece follows
    its label "Åtgärd n" and a space; the hidden end note is left out)."""
    return {
        int(mark.get("id").removeprefix("i-dokumentet-")): label.tail.removeprefix(" ")
        for mark in page.xpath("//div[@class='import-document']/mark")
        for label in mark.xpath("./a[@class='import-mark-label']")
    }


def unmarked(page) -> str:
    """The document pane's text outside every mark, as written."""
    (pane,) = page.xpath("//div[@class='import-document']")
    return (pane.text or "") + "".join(mark.tail or "" for mark in pane.xpath("./mark"))


def row_of(page, number: int):
    """The review's fieldset for the action numbered `number`."""
    (row,) = page.xpath(f"//fieldset[@id='atgard-{number}']")
    return row


def plan_data(**extra) -> dict:
    owner = Body.objects.get(slug="kommunstyrelsen")
    data = {
        "source": "e-plan.txt",
        "municipality": owner.municipality_id,
        "title": "E-förvaltning 2016",
        "owner": owner.pk,
        "registration_number": "KS 2016/7-001",
        "as_of": "2016-03-01",
    }
    return {**data, **extra}


def rows_data(*rows: dict, found: int | None = None) -> dict:
    """The formset as the page posts it: one dict of fields per row; rows after the first
    `found` are the ones added by hand."""
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows) if found is None else found),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "2000",
    }
    for index, row in enumerate(rows):
        fields = {"decision": "accept", "text": row.get("title", ""), **row}
        data.update({f"form-{index}-{name}": value for name, value in fields.items()})
    return data


def save(client, *rows, **extra):
    return client.post("/import/spara/", {**plan_data(**extra), **rows_data(*rows)})


def saved_plan() -> Plan | None:
    return Plan.objects.filter(title="E-förvaltning 2016").first()


def test_the_document_is_shown_with_each_action_marked_and_numbered_and_the_rest_unmarked(
    importer, demo
):
    page = html.parse(upload(importer))
    marked = marks(page)
    assert marked[1].startswith("Inför en e-tjänst för föreningsbidrag.")
    assert marked[2].startswith("Ta fram riktlinjer för öppna data under hösten 2016.")
    # What was left out is in the document, outside every mark.
    left = unmarked(page)
    assert "Handlingsplan för e-förvaltning" in left
    assert "Kontakt: kommunens växel." in left
    # The label says in words which action a mark is, and links to it; the action links back.
    label = page.xpath("//mark[@id='i-dokumentet-1']/a[@class='import-mark-label']")
    assert [(a.get("href"), html.visible_text(a)) for a in label] == [("#atgard-1", "Åtgärd 1")]
    assert html.hrefs(row_of(page, 2), "Visa åtgärd 2 i dokumentet") == ["#i-dokumentet-2"]
    assert row_of(page, 2).get("class") == "import-row"


def test_each_action_shows_its_facts_and_says_osaker_in_words_when_confidence_is_low(
    importer, demo
):
    page = html.parse(upload(importer))
    first = html.facts(row_of(page, 1))
    assert {name: first[name] for name in ("Titel", "Ansvariga", "Klart senast", "Status")} == {
        "Titel": "Inför en e-tjänst för föreningsbidrag",
        "Ansvariga": "Mats Boman (administrativ direktör)",
        "Klart senast": "senast den 30 september 2016 (2016-09-30)",
        "Status": "Pågår",
    }
    confidences = [a["confidence"] for a in extract_text(DOCUMENT, "e-plan.txt")["actions"]]
    for number, confidence in enumerate(confidences, start=1):
        said = html.facts(row_of(page, number))["Säkerhet"]
        uncertain = " Osäker" if confidence < LOW_CONFIDENCE else ""
        assert said == f"{round(confidence * 100)} %{uncertain}"
        flag = row_of(page, number).xpath(".//dd/strong[@class='uncertain']")
        assert bool(flag) == bool(uncertain)


def test_each_action_offers_accept_merge_and_reject_and_the_first_no_merge(importer, demo):
    page = html.parse(upload(importer))
    first, second = row_of(page, 1), row_of(page, 2)
    decision = "./fieldset[@class='import-decision']"
    assert html.text(first, f"{decision}/legend") == "Beslut för åtgärd 1"
    assert html.texts(first, f"{decision}//label") == ["Godkänn", "Ta bort"]
    assert html.texts(second, f"{decision}//label") == [
        "Godkänn",
        "Slå ihop med föregående",
        "Ta bort",
    ]
    assert second.xpath(f"{decision}//input[@checked]/@value") == ["accept"]
    assert html.text(second, "./details/summary") == "Ändra åtgärd 2"


def test_only_accepted_actions_are_saved_with_their_edits(importer, demo):
    response = save(
        importer,
        {"title": "Inför e-tjänst", "responsible": "Mats Bohman (administrativ direktör)"},
        {"title": "Ta fram riktlinjer", "decision": "reject"},
        {
            "title": "Öppna data på webben",
            "deadline_date": "2016-12-31",
            "deadline_precision": "day",
        },
    )
    assert response.status_code == 302
    plan = saved_plan()
    actions = list(plan.actions.order_by("order"))
    assert [a.title for a in actions] == ["Inför e-tjänst", "Öppna data på webben"]
    assert actions[0].responsibilities.get().person.name == "Mats Bohman"
    assert actions[1].deadline_date.isoformat() == "2016-12-31"


def test_a_merged_action_becomes_part_of_the_one_before(importer, demo):
    response = save(
        importer,
        {"title": "Inför e-tjänst", "text": "Inför en e-tjänst.", "responsible": "parkchefen"},
        {
            "title": "Redovisning",
            "text": "Arbetet redovisas senast den 31 december 2016.",
            "responsible": "kommundirektören",
            "deadline_text": "senast den 31 december 2016",
            "deadline_date": "2016-12-31",
            "deadline_precision": "day",
            "decision": "merge",
        },
    )
    assert response.status_code == 302
    (action,) = saved_plan().actions.all()
    assert action.title == "Inför e-tjänst"
    assert action.text == "Inför en e-tjänst. Arbetet redovisas senast den 31 december 2016."
    assert action.deadline_text == "senast den 31 december 2016"
    roles = list(action.responsibilities.order_by("order").values_list("role_text", flat=True))
    assert roles == ["parkchefen", "kommundirektören"]


def test_a_rejected_row_with_errors_in_it_does_not_stop_the_save(importer, demo):
    response = save(
        importer,
        {"title": "Inför e-tjänst"},
        {"title": "", "deadline_date": "2016-13-45", "decision": "reject"},
    )
    assert response.status_code == 302
    assert [a.title for a in saved_plan().actions.all()] == ["Inför e-tjänst"]


def test_a_merge_into_a_rejected_action_saves_nothing_and_names_the_rows(importer, demo):
    before = Action.objects.count()
    response = save(
        importer,
        {"title": "Ett"},
        {"title": "Två", "decision": "reject"},
        {"title": "Tre", "decision": "merge"},
    )
    page = html.parse(response, status=400)
    assert html.alerts(page) == ["Åtgärd 2 tas bort, så åtgärd 3 kan inte slås ihop med den."]
    assert saved_plan() is None and Action.objects.count() == before


def test_rejecting_every_action_saves_nothing_and_says_so(importer, demo):
    page = html.parse(save(importer, {"title": "Ett", "decision": "reject"}), status=400)
    assert html.alerts(page) == [
        "Alla åtgärder är borttagna. Godkänn minst en för att spara planen."
    ]
    assert saved_plan() is None


def test_after_an_error_the_page_marks_the_document_again_from_the_session(importer, demo):
    uploaded = upload(importer)
    token = uploaded.context["key"]["token"].value()
    data = {**uploaded_rows(uploaded), **plan_data(title="", token=token)}
    again = html.parse(importer.post("/import/spara/", data), status=400)
    assert marks(again) == marks(html.parse(uploaded))


def test_the_page_marks_exactly_the_spans_kept_for_it(importer, demo):
    """Spans as the extractor will give them, set here: the page marks those characters."""
    text = "Rubrik\n\nGör A. Ansvarig är B.\n\nGör C senast 2016.\n\nSlut."
    session = importer.session
    session[SESSION_KEY] = {
        "token": "t1",
        "source": "e-plan.txt",
        "text": text,
        "shortened": False,
        "found": [
            {"span": [8, 29], "confidence": 0.9},
            {"span": [31, 49], "confidence": 0.2},
        ],
    }
    session.save()
    response = save(importer, {"title": "Gör A"}, {"title": "Gör C"}, title="", token="t1")
    page = html.parse(response, status=400)
    assert marks(page) == {1: "Gör A. Ansvarig är B.", 2: "Gör C senast 2016."}
    assert unmarked(page).endswith("Rubrik\n\n\n\n\n\nSlut.")
    (notice,) = page.xpath("//h1/following-sibling::p[@class='notice']")
    assert (
        html.visible_text(notice) == "Styr är osäker på 1 åtgärd: Åtgärd 2. Granska dem särskilt."
    )
    assert notice.xpath("./a/@href") == ["#atgard-2"]


def test_the_kept_document_is_dropped_once_the_plan_is_saved(importer, demo):
    uploaded = upload(importer)
    token = uploaded.context["key"]["token"].value()
    response = importer.post(
        "/import/spara/", {**uploaded_rows(uploaded), **plan_data(token=token)}
    )
    assert response.status_code == 302
    assert SESSION_KEY not in importer.session
    # The blank row for an action added by hand was posted empty: nothing saved from it.
    assert saved_plan().actions.count() == uploaded.context["formset"].initial_form_count()


def test_a_save_without_the_kept_document_still_saves_what_was_posted(importer, demo):
    response = save(importer, {"title": "Inför e-tjänst"}, token="gammal")
    assert response.status_code == 302
    assert saved_plan().actions.get().title == "Inför e-tjänst"


def uploaded_rows(response) -> dict:
    """What the review page posts back unchanged for its rows."""
    formset = response.context["formset"]
    data = {}
    management = formset.management_form
    for name in management.fields:
        data[management.add_prefix(name)] = management.initial[name]
    for form in formset.forms:
        for name in form.fields:
            value = form[name].value()
            if value in (None, False, ""):
                continue
            data[form.add_prefix(name)] = (
                value.isoformat() if hasattr(value, "isoformat") else value
            )
    return data


def test_the_draft_says_what_the_review_did_with_the_actions_found(importer, demo):
    response = save(
        importer,
        {"title": "Ett"},
        {"title": "Två", "decision": "merge"},
        {"title": "Tre", "decision": "reject"},
        {"title": "Fyra"},
    )
    assert response.status_code == 302
    plan = saved_plan()
    assert PlanImport.objects.get(plan=plan).review == {
        "found": 4,
        "accepted": 2,
        "merged": 1,
        "rejected": 1,
        "added": 0,
    }
    page = html.parse(importer.get(plan.get_absolute_url()))
    assert html.text(page, REVIEWED) == (
        "Styr hittade 4 åtgärder i dokumentet. "
        "Vid granskningen godkändes 2, 1 slogs ihop med åtgärden före och 1 togs bort."
    )


def numbered_plan(n: int) -> str:
    items = "\n\n".join(
        f"Ta fram riktlinje {i} för e-förvaltning. Ansvarig är Okänd Person{i}. Klart senast "
        "den 30 september 2016."
        for i in range(1, n + 1)
    )
    return f"2016-03-01\n\nHandlingsplan\n\nService\n\n{items}\n"


def queries(client, text: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = upload(client, text)
    assert response.status_code == 200
    return len(captured), response.context["formset"].initial_form_count()


def test_the_review_page_takes_as_many_queries_for_30_actions_as_for_3(importer, demo):
    queries(importer, numbered_plan(1))  # the session row and the user's rights, once
    small, few = queries(importer, numbered_plan(3))
    large, many = queries(importer, numbered_plan(30))
    assert (few, many) == (3, 30)
    assert large == small, (
        f"{small} queries for 3 actions but {large} for 30: the review page must read the "
        "known people and bodies once for all rows (see _unknown_names), not once per row."
    )


def test_a_status_note_that_says_more_than_the_status_is_shown_beside_it(importer, demo):
    row = {"title": "Ett", "status_code": "in_progress", "status_note": "Hälften är klar."}
    page = html.parse(save(importer, row, title=""), status=400)
    assert html.facts(row_of(page, 1))["Status"] == "Pågår: Hälften är klar."


def test_a_document_without_actions_is_shown_unmarked_and_one_can_be_added(importer, demo):
    agenda = "Dagordning\n\n1. Val av justerare\n\n2. Information om budgeten\n"
    response = upload(importer, agenda)
    page = html.parse(response)
    assert html.text(page, "//h1/following-sibling::p[1]").startswith("Styr hittade 0 åtgärder.")
    assert "Val av justerare" in unmarked(page) and marks(page) == {}
    assert html.texts(page, "//section[@class='import-actions']/p[@class='notice']") == [
        "Styr hittade inga åtgärder i dokumentet: hela texten är omarkerad. Finns det ändå en "
        "åtgärd i den kan du lägga till den nedan."
    ]
    assert html.text(page, "//fieldset[@id='ny-atgard']/legend") == (
        "Lägg till en åtgärd som Styr missade"
    )
    # Posted with the added row left blank: said so, nothing saved.
    response = importer.post("/import/spara/", {**uploaded_rows(response), **plan_data()})
    assert html.alerts(html.parse(response, status=400)) == [
        "Det finns inga åtgärder att spara. Lägg till en eller läs ett annat dokument."
    ]
    assert saved_plan() is None


def test_an_action_added_by_hand_is_saved_after_the_found_ones_and_counted(importer, demo):
    data = rows_data(
        {"title": "Ett"},
        {"title": "Två", "decision": "reject"},
        {"title": "Öppna data", "text": "Publicera öppna data.", "responsible": "it-chefen"},
        found=2,
    )
    response = importer.post("/import/spara/", {**plan_data(), **data})
    assert response.status_code == 302
    plan = saved_plan()
    assert list(plan.actions.order_by("order").values_list("title", flat=True)) == [
        "Ett",
        "Öppna data",
    ]
    assert PlanImport.objects.get(plan=plan).review == {
        "found": 2,
        "accepted": 1,
        "merged": 0,
        "rejected": 1,
        "added": 1,
    }
    page = html.parse(importer.get(plan.get_absolute_url()))
    assert html.text(page, REVIEWED).endswith(
        "godkändes 1, 0 slogs ihop med åtgärden före och 1 togs bort. 1 åtgärd lades till för hand."
    )


def test_an_added_action_without_a_title_is_named_and_nothing_is_saved(importer, demo):
    data = rows_data({"title": "Ett"}, {"title": "", "text": "Publicera öppna data."}, found=1)
    page = html.parse(importer.post("/import/spara/", {**plan_data(), **data}), status=400)
    (added,) = page.xpath("//fieldset[@id='ny-atgard']")
    assert html.field_errors(added, "form-1-title") == ["Detta fält måste fyllas i."]
    assert saved_plan() is None
