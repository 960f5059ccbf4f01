"""The upload page reads the new formats: a web page and a spreadsheet become actions to
review; the file chooser offers every format the readers know."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from styr.extract.readers import SUFFIXES
from tests import html
from tests.conftest import demo_once

pytestmark = pytest.mark.django_db

# The demo is loaded once for the module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

PAGE = """<html><body><nav><a href="/">Startsida</a><a href="/kontakt">Kontakta oss</a></nav>
<main><h1>Plan för digital utveckling 2026</h1>
<ul><li>Införa e-tjänst för föreningsbidrag senast den 30 april 2026. Ansvarig: kultursekreteraren.</li></ul>
</main><footer>Växel 0123-456 00</footer></body></html>"""


def spreadsheet() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["Åtgärd", "Ansvarig", "Klart senast", "Status"])
    book.active.append(["Ny växel för kommunhuset", "IT-chef", "2026-09-30", "Pågår"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("plan.html", PAGE.encode(), "Införa e-tjänst för föreningsbidrag"),
        ("plan.xlsx", spreadsheet(), "Ny växel för kommunhuset"),
    ],
    ids=["web-page", "spreadsheet"],
)
def test_a_web_page_and_a_spreadsheet_are_read_for_review(importer, demo, name, content, title):
    response = importer.post("/import/", {"document": SimpleUploadedFile(name, content)})
    (first,) = html.parse(response).xpath("//fieldset[@id='atgard-1']")
    assert html.facts(first)["Titel"].startswith(title)
    assert "Kontakta oss" not in response.content.decode()  # the web page's footer is left out


def test_the_file_chooser_offers_the_formats_styr_reads(importer, demo):
    (chooser,) = html.parse(importer.get("/import/")).xpath("//input[@name='document']")
    assert chooser.get("accept") == ",".join(SUFFIXES)
    assert ".html" in SUFFIXES and ".xlsx" in SUFFIXES
