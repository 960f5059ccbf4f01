"""What one document may cost to read, and the errors that name a file Styr will not read.

A 500 KB Word file can inflate to 400 MB of XML; a PDF can claim ten thousand pages; a text
can be longer than anyone's plan. Each reader checks the limits here as it goes, so a hostile
file is refused after a bounded amount of work (well under a second for the zip bombs, which
are refused on their declared sizes or while inflating) instead of taking a worker's memory.

The time budget is measured with an injectable clock between pages, rows and blocks, never
with signals, so it is the same in a web worker, a thread or a test.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

MB = 1024 * 1024


class UnreadableDocument(Exception):
    """The file cannot be read as a plan document; the message names the file and why."""


class DocumentTooLarge(UnreadableDocument):
    """The file passes one of Styr's limits: `limit` names which ("inflated", "entries",
    "xml_tags", "pages", "page_drawing", "text", "seconds") and `value` is the limit
    itself; `inflated` counts the bytes actually inflated before the refusal (0 when the
    declared sizes sufficed)."""

    def __init__(self, message: str, *, limit: str, value: int | float, inflated: int = 0):
        super().__init__(message)
        self.limit = limit
        self.value = value
        self.inflated = inflated


@dataclass(frozen=True)
class Limits:
    """Per document. The defaults are far above any real plan (a 300-page report is ~1 M
    characters and a few MB inflated) and far below what harms a worker."""

    inflated: int = 50 * MB  # bytes of a .docx/.xlsx once all its zip entries are inflated
    entries: int = 2000  # zip entries; a Word file has 10-50, a spreadsheet a few per sheet
    # Tags in a package's XML (start and end): python-docx and openpyxl hold every element
    # in memory, some 150 bytes each; a 300-page report has a few hundred thousand tags,
    # 45 MB of empty paragraphs eight million (1 GB and 22 s to read).
    xml_tags: int = 1_500_000
    pages: int = 500  # PDF pages; one takes 10-40 ms to lay out
    page_drawing: int = 2 * MB  # one PDF page's drawing instructions (text: ~50 KB; 2 MB: 3 s)
    text: int = 5_000_000  # characters of text handed to the extractor (≥ 1 MB/s: seconds)
    # Reading time, checked between pages, rows and blocks: with the extraction after it,
    # within the 30 s a `styr serve` worker has for a request.
    seconds: float = 20.0
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)


LIMITS = Limits()


def megabytes(size: int) -> str:
    """'401 MB', '50 MB', '4,096 bytes': as precise as a person reading the refusal needs."""
    return f"{size:,} bytes" if size < MB else f"{size / MB:,.0f} MB"


class Budget:
    """One document's reading: the limits, and the time and text spent so far."""

    def __init__(self, limits: Limits = LIMITS):
        self.limits = limits
        self.started = limits.clock()
        self.characters = 0

    def tick(self) -> None:
        """Refuse the document when reading it has taken longer than the limit."""
        if self.limits.clock() - self.started > self.limits.seconds:
            raise DocumentTooLarge(
                f"reading took longer than {self.limits.seconds:g} s (Styr's limit for one "
                "document); refused",
                limit="seconds",
                value=self.limits.seconds,
            )

    def add_text(self, text: str) -> str:
        """Count text as a reader produces it; refuse once there is more than the limit."""
        self.characters += len(text)
        if self.characters > self.limits.text:
            raise DocumentTooLarge(
                f"more than {self.limits.text:,} characters of text (Styr's limit for one "
                "document); refused",
                limit="text",
                value=self.limits.text,
            )
        return text
