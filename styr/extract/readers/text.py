"""Plain text and Markdown: passed through as they are, once decoded."""

from __future__ import annotations

from styr.extract.readers.limits import UnreadableDocument


def read_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Notepad saves "Unicode"
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("this is a binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument("the text is neither UTF-8 nor Windows-1252")  # pragma: no cover
