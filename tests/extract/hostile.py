"""Hostile files built by the tests themselves: a Word file that inflates to 400 MB of XML.

The bomb is a valid .docx (python-docx writes it) whose document.xml is padded with empty
paragraphs, streamed into the zip so that building it never holds more than a chunk; it
compresses about 700:1, to some 600 KB.
"""

import io
import struct
import zipfile
from pathlib import Path

import docx

MB = 1024 * 1024
PADDING = b"<w:p/>" * (MB // 6)  # one MB of empty paragraphs at a time


def word_bomb(path: Path, inflated_mb: int = 400) -> Path:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Ta fram en ny handlingsplan för äldreomsorgen under 2025.")
    document.save(buffer)
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename != "word/document.xml":
                bomb.writestr(entry, content)
                continue
            head, tail = content.split(b"<w:body>", 1)
            with bomb.open("word/document.xml", "w") as part:
                part.write(head + b"<w:body>")
                for _ in range(inflated_mb):
                    part.write(PADDING)
                part.write(tail)
    return path


_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # a central directory record, as zipfile reads it


def lie_about_sizes(path: Path, name: str = "word/document.xml", size: int = 4096) -> Path:
    """Rewrite the zip's records so that `name` declares `size` bytes, whatever it holds."""
    data = bytearray(path.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        fields = _CENTRAL.unpack_from(data, start)
        name_length = fields[12]
        entry = bytes(data[start + _CENTRAL.size : start + _CENTRAL.size + name_length])
        if entry.decode() == name:
            struct.pack_into("<L", data, start + 24, size)  # the central record's size
            local = fields[-1]
            struct.pack_into("<L", data, local + 22, size)  # the local header's size
        start += _CENTRAL.size
    path.write_bytes(bytes(data))
    return path
