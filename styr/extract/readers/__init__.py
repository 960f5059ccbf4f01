"""Read a plan document into marked-up text that the segmenter understands.

Every reader returns plain text with a little Markdown: "# " before a heading (more "#" for
deeper ones), "- " before a list item, "*…*" around italic text, "| a | b |" for a table row,
and a form feed between pages. Plain .txt and .md files pass through unchanged.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
PAGE_BREAK = "\f"


class UnreadableDocument(Exception):
    """The file cannot be read as a plan document; the message names the file and why."""


def read_document(path: Path) -> str:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableDocument(
            f"{path}: unsupported file type {suffix or '(none)'!r}; "
            f"Styr reads {', '.join(SUFFIXES)}"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"{path}: cannot read the file ({error.strerror})") from error
    if not data.strip():
        raise UnreadableDocument(f"{path}: the file is empty")
    try:
        if suffix == ".docx":
            text = read_docx(data)
        elif suffix == ".pdf":
            text = read_pdf(data)
        else:
            text = read_text(data)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{path}: {error}") from error
    if not text.strip():
        raise UnreadableDocument(f"{path}: no text found in the document")
    return text


def read_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("this is a binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument("the text is neither UTF-8 nor Windows-1252")  # pragma: no cover


def read_docx(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"not a valid Word document ({error})") from error
    except Exception as error:  # python-docx raises several kinds on a broken package
        raise UnreadableDocument(f"not a valid Word document ({type(error).__name__})") from error
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_docx_paragraph(Paragraph(element, document)))
        elif tag == "tbl":
            for row in Table(element, document).rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n\n".join(line for line in lines if line is not None)


def _docx_paragraph(paragraph) -> str:
    text = "".join(
        f"*{run.text}*" if run.italic and run.text.strip() else run.text for run in paragraph.runs
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


def read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [_pdf_page(page) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise UnreadableDocument(f"not a valid PDF ({error})") from error
    except Exception as error:  # pypdf raises several kinds on a broken file
        raise UnreadableDocument(f"not a valid PDF ({type(error).__name__})") from error
    return PAGE_BREAK.join(pages)


def _pdf_page(page) -> str:
    """The page's text, with italic stretches marked, lines kept as they are laid out."""
    parts: list[str] = []

    def visit(text, cm, tm, font_dict, font_size):
        name = str((font_dict or {}).get("/BaseFont", ""))
        italic = "italic" in name.lower() or "oblique" in name.lower()
        parts.append(f"\x01{text}\x02" if italic and text.strip() else text)

    page.extract_text(visitor_text=visit)
    text = "".join(parts)
    # Italic stretches become *…*, joined across the line breaks inside them.
    text = re.sub(r"\x02(\s*)\x01", r"\1", text)
    text = text.replace("\x01", "*").replace("\x02", "*")
    return reflow(text)


_ENDS_SENTENCE = re.compile(r"[.!?:]\**\s*$")
_STARTS_BLOCK = re.compile(r"^\s*(?:[-•–*]\s|\d+[.)]\s|[A-ZÅÄÖÉ0-9|])")


def reflow(page_text: str) -> str:
    """Join a PDF page's laid-out lines into paragraphs separated by blank lines.

    A line ends its paragraph when it ends a sentence and is clearly shorter than a full
    line, or when it is short and unpunctuated (a heading) and the next line starts anew.
    """
    lines = [line.rstrip() for line in page_text.split("\n")]
    full = max((len(line) for line in lines), default=0)
    paragraphs: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line.strip())
        following = lines[index + 1] if index + 1 < len(lines) else ""
        short = len(line) < 0.8 * full
        ends = bool(_ENDS_SENTENCE.search(line))
        if (
            following.strip()
            and _STARTS_BLOCK.match(following)
            and ((ends and short) or (not ends and len(line) < 0.6 * full))
        ):
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)
