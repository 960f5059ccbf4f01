"""Hostile files are refused quickly, with a message naming the file and the limit.

The bomb is a real Word file that inflates to 400 MB of XML (tests/extract/hostile.py). What
is asserted is the refusal and the bytes inflated before it (counted by the reader, and the
memory Python allocated meanwhile), never the wall clock.
"""

import json
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import docx
import pytest

from styr.extract.readers import LIMITS, DocumentTooLarge, Limits, UnreadableDocument, read_document
from styr.extract.readers.zips import STEP
from tests.extract.hostile import MB, lie_about_sizes, word_bomb


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    return word_bomb(tmp_path_factory.mktemp("hostile") / "bomb.docx")


@pytest.fixture
def liar(bomb, tmp_path):
    """The same bomb, its document.xml declaring 4 KB: only inflating it shows the truth."""
    return lie_about_sizes(Path(shutil.copy(bomb, tmp_path / "liar.docx")))


def small_word_file(path, paragraphs=3):
    document = docx.Document()
    for number in range(paragraphs):
        document.add_paragraph(f"Åtgärd {number}: ta fram en rutin för uppföljning.")
    document.save(path)
    return path


def test_the_bomb_is_small_on_disk_and_huge_inflated(bomb):
    assert bomb.stat().st_size < MB


def test_a_word_bomb_is_refused_on_its_declared_size_before_anything_is_inflated(bomb):
    with pytest.raises(DocumentTooLarge) as refusal:
        read_document(bomb)
    message = str(refusal.value)
    assert message.startswith(f"{bomb}: the Word document inflates to 401 MB")
    assert "more than Styr's limit of 50 MB; refused" in message
    assert (refusal.value.limit, refusal.value.inflated) == ("inflated", 0)


def test_a_word_bomb_that_lies_about_its_size_is_refused_while_inflating(liar):
    tracemalloc.start()
    try:
        with pytest.raises(DocumentTooLarge) as refusal:
            read_document(liar, Limits(xml_tags=10**9))  # the bytes, not the tags
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "declares 4,096 bytes" in str(refusal.value)
    assert LIMITS.inflated < refusal.value.inflated <= LIMITS.inflated + STEP
    assert peak < 10 * MB, f"{peak / MB:.0f} MB allocated: the parts were inflated whole"


def test_xml_of_more_tags_than_the_limit_is_refused_within_its_first_megabytes(liar):
    with pytest.raises(DocumentTooLarge, match="liar.docx: the Word document's XML has more"):
        read_document(liar)
    with pytest.raises(DocumentTooLarge) as refusal:
        read_document(liar, Limits(xml_tags=100_000))
    assert refusal.value.limit == "xml_tags"
    assert refusal.value.inflated <= 100_000 * len("<w:p/>") + 2 * STEP


def test_a_part_that_holds_more_than_it_declares_under_the_limit_is_refused(tmp_path):
    path = lie_about_sizes(small_word_file(tmp_path / "skev.docx"), size=100)
    with pytest.raises(UnreadableDocument, match="declares 100 bytes but holds"):
        read_document(path)


def test_a_package_of_more_parts_than_the_limit_is_refused(tmp_path):
    path = small_word_file(tmp_path / "delar.docx")
    with pytest.raises(DocumentTooLarge, match=r"delar.docx: the Word document holds \d+ parts"):
        read_document(path, Limits(entries=5))


def test_a_text_longer_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "lang.txt"
    path.write_text("Ta fram en plan. " * 100, encoding="utf-8")
    with pytest.raises(DocumentTooLarge, match="lang.txt: more than 1,000 characters of text"):
        read_document(path, Limits(text=1000))


def test_a_pdf_of_more_pages_than_the_limit_is_refused_before_its_pages_are_read(tmp_path):
    import typst

    source = tmp_path / "sidor.typ"
    source.write_text("Sida ett #pagebreak() Sida två #pagebreak() Sida tre", encoding="utf-8")
    path = tmp_path / "sidor.pdf"
    typst.compile(source, output=path)
    with pytest.raises(DocumentTooLarge, match="sidor.pdf: the PDF has 3 pages, more than"):
        read_document(path, Limits(pages=2))
    assert "Sida tre" in read_document(path, Limits(pages=3))


class Clock:
    """A clock that moves a second each time it is read: the budget, not the machine, decides."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += 1.0
        return self.now


def test_reading_stops_when_the_time_budget_is_spent(tmp_path):
    path = small_word_file(tmp_path / "seg.docx", paragraphs=20)
    with pytest.raises(DocumentTooLarge, match="seg.docx: reading took longer than 10 s") as error:
        read_document(path, Limits(seconds=10, clock=Clock()))
    assert error.value.limit == "seconds"
    assert "Åtgärd 19" in read_document(path, Limits(seconds=100, clock=Clock()))


# The process's own peak (VmHWM of its memory map), not getrusage's ru_maxrss: Linux carries
# ru_maxrss over exec from the forked parent, so a pytest worker that has grown to 350 MB
# would be counted as the command's own use.
MAX_RSS_REPORT = (
    "import re, sys\n"
    "from styr.cli import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    status = open('/proc/self/status').read()\n"
    "    kb = re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1)\n"
    "    print(f'maxrss {kb}', file=sys.stderr)\n"
)


def test_styr_extract_refuses_the_bomb_naming_it_and_the_limit(bomb, tmp_path):
    ordinary = small_word_file(tmp_path / "vanlig.docx")
    result = subprocess.run(
        [sys.executable, "-c", MAX_RSS_REPORT, "extract", str(bomb), str(ordinary)],
        capture_output=True,
        text=True,
        env={
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            "STYR_SECRET_KEY": "tests-only-not-a-secret",
        },
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert result.returncode == 1
    assert f"styr extract: {bomb}: the Word document inflates to 401 MB" in result.stderr
    assert "Styr's limit of 50 MB" in result.stderr
    output = json.loads(result.stdout)
    assert [d["source"] for d in output["documents"]] == ["vanlig.docx"]
    assert output["errors"][0]["source"] == str(bomb)
    peak_mb = int(result.stderr.rsplit("maxrss ", 1)[1]) / 1024
    assert peak_mb < 300, f"styr extract took {peak_mb:.0f} MB for a refused file"


def test_a_pdf_page_drawn_with_too_many_instructions_is_refused_before_it_is_laid_out(tmp_path):
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    drawing = DecodedStreamObject()
    drawing.set_data(b"0 0 m 10 10 l S\n" * 20_000)  # 320 KB of lines, no text
    page.replace_contents(drawing)
    page.compress_content_streams()
    path = tmp_path / "ritning.pdf"
    writer.write(path)
    with pytest.raises(DocumentTooLarge, match="ritning.pdf: page 1 of the PDF is drawn with"):
        read_document(path, Limits(page_drawing=100_000))
