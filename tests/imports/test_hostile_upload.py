"""A Word bomb (600 KB that inflates to 400 MB of XML) is refused on the upload page and by
`styr import`: in Swedish on the page, with status 400, naming the file, nothing saved, and
without Python ever holding more than a few MB for it."""

import tracemalloc
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from styr.plans.models import Action, Plan
from tests import html
from tests.conftest import demo_once
from tests.extract.hostile import MB, word_bomb

pytestmark = pytest.mark.django_db

# The demo is loaded once for the module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    return word_bomb(tmp_path_factory.mktemp("hostile") / "bomb.docx")


def test_the_upload_page_refuses_a_word_bomb_in_swedish_and_saves_nothing(importer, demo, bomb):
    before = (Plan.objects.count(), Action.objects.count())
    upload = SimpleUploadedFile("budget.docx", bomb.read_bytes())
    tracemalloc.start()
    try:
        response = importer.post("/import/", {"document": upload})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert html.field_errors(html.parse(response, 400), "document") == [
        "”budget.docx” lästes inte: uppackad blir den större än 50 MB, "
        "vilket är gränsen för ett dokument."
    ]
    assert (Plan.objects.count(), Action.objects.count()) == before
    assert peak < 20 * MB, f"{peak / MB:.0f} MB allocated: the bomb was inflated"


def test_styr_import_refuses_a_word_bomb_naming_it(demo, bomb):
    before = Plan.objects.count()
    with pytest.raises(CommandError, match=r"bomb.docx: the Word document inflates to 401 MB"):
        call_command(
            "import", str(bomb), "--plan", "Bomb", "--owner", "kommunstyrelsen", stdout=StringIO()
        )
    assert Plan.objects.count() == before


@pytest.mark.parametrize(
    ("limit", "value", "reason"),
    [
        ("entries", 2000, "den består av fler än 2\u00a0000 delar"),
        ("xml_tags", 1_500_000, "dess XML har fler än 1\u00a0500\u00a0000 taggar"),
        ("pages", 500, "den har fler än 500 sidor"),
        ("page_drawing", 2 * MB, "en av dess sidor ritas med mer än 2 MB instruktioner"),
        ("text", 5_000_000, "den innehåller mer än 5\u00a0000\u00a0000 tecken text"),
        ("seconds", 20.0, "att läsa den tog längre än 20 sekunder"),
    ],
)
def test_each_limit_is_named_in_swedish_on_the_upload_page(limit, value, reason):
    from styr.extract.readers import DocumentTooLarge
    from styr.imports.views import _refusal

    error = DocumentTooLarge("refused", limit=limit, value=value)
    assert _refusal("plan.pdf", error) == (
        f"”plan.pdf” lästes inte: {reason}, vilket är gränsen för ett dokument."
    )
