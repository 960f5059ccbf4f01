"""PDF: each page's text, columns and tables laid out (`pdf_layout`), italics marked.

pypdf rather than pdfplumber: it is already a dependency, pure Python, with its own limits on
what one stream may inflate to, and its layout mode keeps where each line stands, which is
all the column and table reading needs; measured on a 40-page plan with two columns and a
table, layout mode with the italics pass reads 20 ms a page, pdfplumber's words and tables
23 ms and its text 35 ms, and pdfplumber would bring pdfminer.six, pypdfium2 and
cryptography with it.

The page count is checked before any page is read, and the time budget between pages;
pypdf's own limits bound what one stream may inflate to.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from styr.extract.readers.limits import Budget, DocumentTooLarge, UnreadableDocument, megabytes
from styr.extract.readers.pdf_layout import LINE_SPACING_STEPS, page_text, reflow

PAGE_BREAK = "\f"


def read_pdf(data: bytes, budget: Budget) -> str:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        _decrypt(reader)
        count = len(reader.pages)
        if count > budget.limits.pages:
            raise DocumentTooLarge(
                f"the PDF has {count:,} pages, more than Styr's limit of "
                f"{budget.limits.pages:,}; refused",
                limit="pages",
                value=budget.limits.pages,
            )
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            budget.tick()
            _check_drawing(page, number, budget)
            pages.append(budget.add_text(_pdf_page(page)))
    except UnreadableDocument:
        raise
    except LimitReachedError as error:  # a stream that inflates past pypdf's own limit
        raise DocumentTooLarge(
            f"a part of the PDF inflates past pypdf's limit ({error}); refused",
            limit="inflated",
            value=budget.limits.inflated,
        ) from error
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise UnreadableDocument(f"not a valid PDF ({error})") from error
    except Exception as error:  # pypdf raises several kinds on a broken file
        raise UnreadableDocument(f"not a valid PDF ({type(error).__name__})") from error
    return PAGE_BREAK.join(without_running_lines(pages))


def _decrypt(reader) -> None:
    """Many published PDFs are encrypted only to restrict printing or copying, with an empty
    password for reading; those are read. One that needs a password is refused by name."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as error:  # pypdf lacks the cipher (AES needs the cryptography package)
        raise UnreadableDocument(
            f"the PDF is encrypted in a way Styr cannot open ({type(error).__name__})"
        ) from error
    if not opened:
        raise UnreadableDocument("the PDF is protected by a password")


def without_running_lines(pages: list[str]) -> list[str]:
    """The pages without what is repeated at the top or bottom of most of them (letterhead,
    "Sida 3 av 12", the registration number), which would read as headings in the middle
    of the text; the first page keeps its own, where the date and number are looked for."""
    if len(pages) < 3:
        return pages
    split = [[block for block in page.split("\n\n") if block.strip()] for page in pages]
    seen: Counter[str] = Counter()
    for blocks in split:
        seen.update({_running_key(block) for block in blocks[:2] + blocks[-2:]})
    running = {key for key, n in seen.items() if n >= max(3, len(pages) // 2) and key}
    kept = [pages[0]]
    for blocks in split[1:]:
        edges = {*range(min(2, len(blocks))), *range(max(0, len(blocks) - 2), len(blocks))}
        kept.append(
            "\n\n".join(
                block
                for index, block in enumerate(blocks)
                if not (index in edges and _running_key(block) in running)
            )
        )
    return kept


def _running_key(block: str) -> str:
    """A short block with its numbers left out: page 3 and page 4 are the same line."""
    text = " ".join(block.split())
    return re.sub(r"\d+", "#", text.lower()) if len(text) <= 120 else ""


def _check_drawing(page, number: int, budget: Budget) -> None:
    """Refuse a page whose drawing instructions are too long to lay out in time: pypdf reads
    them one by one in Python, under a MB a second."""
    contents = page.get_contents()
    size = 0 if contents is None else len(contents.get_data())
    if size > budget.limits.page_drawing:
        raise DocumentTooLarge(
            f"page {number} of the PDF is drawn with {megabytes(size)} of instructions, more "
            f"than Styr's limit of {megabytes(budget.limits.page_drawing)}; refused",
            limit="page_drawing",
            value=budget.limits.page_drawing,
        )


def _pdf_page(page) -> str:
    """The page's text laid out (columns, tables), with its italic stretches marked."""
    italics: list[str] = []

    def visit(text, cm, tm, font_dict, font_size):
        name = str((font_dict or {}).get("/BaseFont", ""))
        if ("italic" in name.lower() or "oblique" in name.lower()) and text.strip():
            italics.append(" ".join(text.split()))

    if _has_italic_font(page):  # a second pass over the page, only where it can find any
        page.extract_text(visitor_text=visit)
    try:
        layout = page.extract_text(
            extraction_mode="layout", layout_mode_font_height_weight=LINE_SPACING_STEPS
        )
        text = page_text(layout)
    except Exception:  # layout mode fails on some fonts: the plain order still reads
        text = reflow(page.extract_text())
    return mark_italics(text, italics)


def _has_italic_font(page) -> bool:
    try:
        fonts = page["/Resources"]["/Font"]
        names = [str(fonts[key].get_object().get("/BaseFont", "")) for key in fonts]
    except (KeyError, TypeError, AttributeError):
        return True  # fonts out of the ordinary: look at the text itself
    return any("italic" in name.lower() or "oblique" in name.lower() for name in names)


def mark_italics(text: str, italics: list[str]) -> str:
    """Put *…* around the stretches that were set in italics, found in reading order.

    Layout mode knows no fonts, so the italic pieces the plain pass saw are looked up in
    the laid-out text, each after the previous one (falling back to the start), and
    neighbouring italic stretches become one."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in italics:
        if len(piece) < 2:
            continue
        pattern = re.compile(r"\s+".join(re.escape(word) for word in piece.split()))
        found = pattern.search(text, cursor) or pattern.search(text)
        if found is None or any(a < found.end() and found.start() < b for a, b in spans):
            continue
        spans.append(found.span())
        cursor = found.end()
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}*{text[start:end]}*{text[end:]}"
    return re.sub(r"\*(\s*)\*", r"\1", text)
