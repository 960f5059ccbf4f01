"""PDF: each page's text, italic stretches marked, lines joined into paragraphs.

The page count is checked before any page is read, and the time budget between pages;
pypdf's own limits bound what one stream may inflate to.
"""

from __future__ import annotations

import io
import re

from styr.extract.readers.limits import Budget, DocumentTooLarge, UnreadableDocument

PAGE_BREAK = "\f"


def read_pdf(data: bytes, budget: Budget) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
        if count > budget.limits.pages:
            raise DocumentTooLarge(
                f"the PDF has {count:,} pages, more than Styr's limit of "
                f"{budget.limits.pages:,}; refused",
                limit="pages",
                value=budget.limits.pages,
            )
        pages = []
        for page in reader.pages:
            budget.tick()
            pages.append(budget.add_text(_pdf_page(page)))
    except UnreadableDocument:
        raise
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
