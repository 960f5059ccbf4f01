"""Read a plan document into marked-up text that the segmenter understands.

Every reader returns plain text with a little Markdown: "# " before a heading (more "#" for
deeper ones), "- " before a list item, "*…*" around italic text, "| a | b |" for a table row
(a spreadsheet's rows too), and a form feed between pages. Plain .txt and .md files pass
through unchanged.

One module per format; `limits` says what one document may cost, and every reader keeps to
it, so a hostile file is refused quickly with a message naming it (`DocumentTooLarge`).
"""

from __future__ import annotations

from pathlib import Path

from styr.extract.readers.limits import (
    LIMITS,
    Budget,
    DocumentTooLarge,
    Limits,
    UnreadableDocument,
)
from styr.extract.readers.pdf import PAGE_BREAK, read_pdf
from styr.extract.readers.sheet import read_xlsx
from styr.extract.readers.text import read_text
from styr.extract.readers.webpage import read_html
from styr.extract.readers.word import read_docx

__all__ = [
    "LIMITS",
    "PAGE_BREAK",
    "SUFFIXES",
    "DocumentTooLarge",
    "Limits",
    "UnreadableDocument",
    "read_document",
]

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".xlsx")
# The readers of files that are not plain text, each within the document's budget.
_READERS = {
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".xlsx": read_xlsx,
}


def read_document(path: Path, limits: Limits = LIMITS) -> str:
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
    budget = Budget(limits)
    try:
        reader = _READERS.get(suffix)
        text = reader(data, budget) if reader else budget.add_text(read_text(data))
    except UnreadableDocument as error:
        # The same error, now naming the file: a refusal keeps its kind and its limit.
        error.args = (f"{path}: {error}",)
        raise
    if not text.strip():
        raise UnreadableDocument(f"{path}: no text found in the document")
    return text
