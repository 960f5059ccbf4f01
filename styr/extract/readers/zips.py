"""Checking a .docx or .xlsx (both zip packages) before a library inflates it.

python-docx and openpyxl read each part whole, and Python's zipfile inflates a part in one
call before it cuts the result to the declared size: a part that declares 1 KB but holds
400 MB of XML still takes 400 MB of memory there. So before either library sees the file,
every entry is inflated here in 64 KB steps and thrown away, counting the bytes that really
come out and the XML tags in them: the file is refused as soon as the entries declare,
or turn out to hold, more than the limits, and when a part holds another size than it
declares.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from styr.extract.readers.limits import Budget, DocumentTooLarge, UnreadableDocument, megabytes

STEP = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's own layout of a local file header
_LOCAL_MAGIC = b"PK\x03\x04"  # its signature (zipfile.stringFileHeader, private and untyped)


def check_zip(data: bytes, budget: Budget, kind: str) -> int:
    """Refuse a zip package whose entries are too many or inflate past the limit; returns
    the bytes inflated, which equal the declared sizes once it passes."""
    limits = budget.limits
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise UnreadableDocument(f"not a valid {kind} ({error})") from error
    if len(entries) > limits.entries:
        raise DocumentTooLarge(
            f"the {kind} holds {len(entries):,} parts, more than Styr's limit of "
            f"{limits.entries:,}; refused",
            limit="entries",
            value=limits.entries,
        )
    declared = sum(entry.file_size for entry in entries)
    if declared > limits.inflated:
        raise DocumentTooLarge(
            f"the {kind} inflates to {megabytes(declared)}, more than Styr's limit of "
            f"{megabytes(limits.inflated)}; refused",
            limit="inflated",
            value=limits.inflated,
        )
    counter = _Counter(budget, kind)
    for entry in entries:
        _inflate(data, entry, counter)
        budget.tick()
    return counter.inflated


class _Counter:
    """Bytes inflated and XML tags seen so far in one package, against the limits."""

    def __init__(self, budget: Budget, kind: str):
        self.limits = budget.limits
        self.kind = kind
        self.inflated = 0
        self.tags = 0

    def add(self, entry: zipfile.ZipInfo, out: bytes) -> None:
        self.inflated += len(out)
        if self.inflated > self.limits.inflated:
            raise DocumentTooLarge(
                f"the {self.kind} inflates to more than Styr's limit of "
                f"{megabytes(self.limits.inflated)} although its {entry.filename} declares "
                f"{megabytes(entry.file_size)}; refused",
                limit="inflated",
                value=self.limits.inflated,
                inflated=self.inflated,
            )
        if entry.filename.endswith((".xml", ".rels")):
            self.tags += out.count(b"<")  # start and end tags, and the rare comment
            if self.tags > self.limits.xml_tags:
                raise DocumentTooLarge(
                    f"the {self.kind}'s XML has more than {self.limits.xml_tags:,} "
                    "tags (Styr's limit for one document); refused",
                    limit="xml_tags",
                    value=self.limits.xml_tags,
                    inflated=self.inflated,
                )


def _inflate(data: bytes, entry: zipfile.ZipInfo, counter: _Counter) -> None:
    """Inflate one entry in steps, counting; refuse it past the limits."""
    kind = counter.kind
    if entry.flag_bits & 0x1:
        raise UnreadableDocument(f"the {kind} is encrypted ({entry.filename})")
    raw = _compressed(data, entry, kind)
    before = counter.inflated
    if entry.compress_type == zipfile.ZIP_STORED:
        for start in range(0, min(len(raw), entry.file_size), STEP):
            counter.add(entry, raw[start : min(start + STEP, entry.file_size)])
    elif entry.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        pending = raw
        while not inflater.eof:
            try:
                out = inflater.decompress(pending, STEP)
            except zlib.error as error:
                raise UnreadableDocument(
                    f"not a valid {kind} ({entry.filename}: {error})"
                ) from error
            pending = inflater.unconsumed_tail
            counter.add(entry, out)
            if not out and not pending:
                break
    else:
        raise UnreadableDocument(
            f"not a valid {kind} ({entry.filename} uses compression method "
            f"{entry.compress_type}, which Office files do not)"
        )
    count = counter.inflated - before
    if count != entry.file_size:
        raise UnreadableDocument(
            f"not a valid {kind} ({entry.filename} declares {entry.file_size:,} bytes "
            f"but holds {count:,})"
        )


def _compressed(data: bytes, entry: zipfile.ZipInfo, kind: str) -> bytes:
    start = entry.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise UnreadableDocument(f"not a valid {kind} ({entry.filename} is cut off)")
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != _LOCAL_MAGIC:
        raise UnreadableDocument(f"not a valid {kind} ({entry.filename} has no header)")
    name_length, extra_length = fields[10], fields[11]
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    return data[begin : begin + entry.compress_size]
