"""Word (.docx): headings, list items, italic status notes and tables, in document order.

The package is checked by `zips.check_zip` before python-docx inflates any part of it.
"""

from __future__ import annotations

import io
import re
import zipfile

from styr.extract.readers.limits import Budget, UnreadableDocument
from styr.extract.readers.zips import check_zip


def read_docx(data: bytes, budget: Budget) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(data, budget, "Word document")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"not a valid Word document ({error})") from error
    except Exception as error:  # python-docx raises several kinds on a broken package
        raise UnreadableDocument(f"not a valid Word document ({type(error).__name__})") from error
    lines: list[str] = []
    for tag, element in _blocks(document.element.body):
        budget.tick()
        if tag == "p":
            lines.append(budget.add_text(_docx_paragraph(Paragraph(element, document))))
        else:
            lines += [budget.add_text(line) for line in _table(Table(element, document))]
            lines.append("")
    return "\n\n".join(lines).rstrip("\n")


def _table(table) -> list[str]:
    """A table's rows as "| a | b |", a merged cell's text in its first column only; a row
    that is one merged cell under the header is a group's name (a committee, a goal): a
    heading, with the header repeated after it so the rows below keep their columns."""
    lines: list[str] = []
    header = None
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # python-docx gives a cell merged across columns once per column it spans.
            cells.append("" if id(cell._tc) in seen else " ".join(cell.text.split()))
            seen.add(id(cell._tc))
        filled = [cell for cell in cells if cell]
        if header and len(seen) == 1 and len(cells) > 1 and filled and _is_group(filled[0]):
            lines += [f"# {filled[0]}", header]
            continue
        line = "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"
        header = header or line
        lines.append(line)
    return lines


def _is_group(text: str) -> bool:
    return len(text) <= 80 and not text.endswith((".", "!", "?"))


# Elements that wrap paragraphs and tables without being either: content controls (Word's
# templates put whole sections in them) and custom XML.
_WRAPPERS = {"sdt", "sdtContent", "customXml"}
# Runs not to read: deleted text (tracked changes), text boxes (read as their own shapes).
_NOT_READ = {"del", "moveFrom", "txbxContent"}


def _blocks(container):
    """Paragraphs and tables in document order, also those inside content controls."""
    for element in container.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield tag, element
        elif tag in _WRAPPERS:
            yield from _blocks(element)


def _runs(paragraph):
    """The paragraph's runs, also those inside links, fields and tracked insertions."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    for element in paragraph._p.iter(qn("w:r")):
        ancestor = element.getparent()
        while ancestor is not None and ancestor is not paragraph._p:
            if ancestor.tag.rsplit("}", 1)[-1] in _NOT_READ:
                break
            ancestor = ancestor.getparent()
        else:
            yield Run(element, paragraph)


def _docx_paragraph(paragraph) -> str:
    text = "".join(
        f"*{run.text}*" if run.italic and run.text.strip() else run.text for run in _runs(paragraph)
    )
    text = text.replace("**", "")  # neighbouring italic runs become one italic stretch
    if not text.strip():
        return ""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = re.match(r"(?:Heading|Rubrik)\s*(\d)", style, re.IGNORECASE)
    if heading:
        return "#" * int(heading.group(1)) + " " + text.replace("*", "").strip()
    if style.lower() == "title":
        return "# " + text.replace("*", "").strip()
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    if "list" in style.lower() or numbered:
        return "- " + text.strip()
    return text.strip()
