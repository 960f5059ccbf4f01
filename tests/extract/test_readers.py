"""Reading .txt, .md, .docx and .pdf into marked-up text; bad files named clearly."""

import io

import docx
import pytest

from styr.extract.readers import UnreadableDocument, read_document


def word_file(path):
    document = docx.Document()
    document.add_heading("Kommande åtgärder", level=1)
    paragraph = document.add_paragraph("Ta fram en ny IT-strategi. Ansvarig är IT-chef Anna Berg. ")
    paragraph.add_run("Pågår.").italic = True
    document.add_paragraph("Inför e-arkiv", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Åtgärd", "Ansvar", "Klart senast"], strict=True):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["Ny webb", "Kommunikationschef", "2016-06-30"], strict=True
    ):
        cell.text = text
    document.save(path)
    return path


def test_word_headings_italics_lists_and_tables_are_marked(tmp_path):
    text = read_document(word_file(tmp_path / "plan.docx"))
    assert "# Kommande åtgärder" in text
    assert "Ansvarig är IT-chef Anna Berg. *Pågår.*" in text
    assert "- Inför e-arkiv" in text
    assert "| Åtgärd | Ansvar | Klart senast |" in text
    assert "| Ny webb | Kommunikationschef | 2016-06-30 |" in text


def test_pdf_text_is_read_with_italics_and_paragraphs(tmp_path):
    import typst

    from styr.reports.render_pdf import FONT_DIR  # the bundled fonts

    source = tmp_path / "plan.typ"
    source.write_text(
        '#set text(font: "Liberation Sans", size: 11pt)\n'
        "Kommande åtgärder\n\n"
        "Utbildning erbjuds nya ledamöter under första kvartalet 2015. "
        "Ansvariga är Lena Dahlstedt och Helena Meier.\n\n"
        "_Genomfört._\n",
        encoding="utf-8",
    )
    path = tmp_path / "plan.pdf"
    typst.compile(source, output=path, font_paths=[FONT_DIR], ignore_system_fonts=True)
    text = read_document(path)
    assert "Utbildning erbjuds nya ledamöter under första kvartalet 2015." in text
    assert "*Genomfört.*" in text


def test_text_and_markdown_pass_through_and_windows_encoding_is_understood(tmp_path):
    (tmp_path / "a.md").write_text("# Rubrik\n\nText.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Åtgärd för äldre".encode("cp1252"))
    assert read_document(tmp_path / "a.md") == "# Rubrik\n\nText."
    assert read_document(tmp_path / "b.txt") == "Åtgärd för äldre"
    (tmp_path / "c.txt").write_bytes("Åtgärd\r\nför äldre".encode("utf-16"))  # Notepad's "Unicode"
    assert read_document(tmp_path / "c.txt") == "Åtgärd\nför äldre"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tom.txt", b"", "tom.txt: the file is empty"),
        ("blank.md", b"  \n\n ", "blank.md: the file is empty"),
        ("binar.txt", b"\x00\x01\x02binary", "binar.txt: this is a binary file, not text"),
        ("bild.png", b"\x89PNG", "bild.png: unsupported file type '.png'"),
        ("utan", b"text", "utan: unsupported file type '(none)'"),
        ("trasig.docx", b"PK\x03\x04 broken", "trasig.docx: not a valid Word document"),
        ("text.docx", "Detta är ingen Word-fil".encode(), "text.docx: not a valid Word document"),
        ("trasig.pdf", b"%PDF-1.4\n%%EOF garbage", "trasig.pdf: "),
        ("trasig.xlsx", b"PK\x03\x04 broken", "trasig.xlsx: not a valid spreadsheet"),
        ("tom.html", b"<html><nav>Meny</nav></html>", "tom.html: no text found"),
    ],
)
def test_a_bad_file_gets_a_message_naming_it(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument) as error:
        read_document(path)
    assert str(error.value).startswith(str(tmp_path / message.split(":")[0]))
    assert message.split(": ", 1)[1] in str(error.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(UnreadableDocument, match="saknas.txt: cannot read the file"):
        read_document(tmp_path / "saknas.txt")


def test_a_docx_with_no_text_says_so(tmp_path):
    path = tmp_path / "tom.docx"
    docx.Document().save(path)
    with pytest.raises(UnreadableDocument, match="no text found"):
        read_document(path)


def test_reading_bytes_of_a_real_docx_from_memory_matches(tmp_path):
    buffer = io.BytesIO()
    word_file(buffer)
    path = tmp_path / "x.docx"
    path.write_bytes(buffer.getvalue())
    assert "# Kommande åtgärder" in read_document(path)


def test_word_text_in_content_controls_links_and_tracked_insertions_is_read(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.element.body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r>"
            "<w:t>Ta fram en ny lokalförsörjningsplan.</w:t>"
            "</w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    paragraph = document.add_paragraph("Följ upp enligt ")
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w")} w:anchor="plan"><w:r><w:t>planen för 2026</w:t></w:r>'
            "</w:hyperlink>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="A"><w:r>'
            '<w:t xml:space="preserve"> och bilagan.</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="A"><w:r>'
            "<w:delText> Struken mening.</w:delText></w:r></w:del>"
        )
    )
    document.save(tmp_path / "kontroller.docx")
    text = read_document(tmp_path / "kontroller.docx")
    assert (
        text
        == "Ta fram en ny lokalförsörjningsplan.\n\nFölj upp enligt planen för 2026 och bilagan."
    )


def test_word_table_merged_cells_give_their_text_once_and_group_rows_head_their_rows(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    rows = [
        ["Åtgärd", "Ansvarig", "Klart"],
        ["Socialnämnden", "", ""],
        ["Fler platser i familjehem", "Socialchef", "2026-12-31"],
        ["Ny rutin för orosanmälningar", "Enhetschef", ""],
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    group = table.rows[1].cells
    group[0].merge(group[2])  # the committee's name across the whole row
    last = table.rows[3].cells
    last[1].merge(last[2])  # responsible and deadline in one cell
    document.save(tmp_path / "tabell.docx")
    assert read_document(tmp_path / "tabell.docx") == (
        "| Åtgärd | Ansvarig | Klart |\n\n"
        "# Socialnämnden\n\n"
        "| Åtgärd | Ansvarig | Klart |\n\n"
        "| Fler platser i familjehem | Socialchef | 2026-12-31 |\n\n"
        "| Ny rutin för orosanmälningar | Enhetschef |  |"
    )
