"""Reading the records of a Kolada API file one at a time, in constant memory.

Kolada answers with an envelope, `{"count": N, "values": [...], "next_url": "..."}`, whose
keys may come in any order. `iter_records(path)` yields the dicts of the "values" list one
by one while reading the file (plain or gzip-compressed JSON) through a refilled text
buffer, so a file of a million values never sits in memory whole. The other keys are
decoded and thrown away. Each element is decoded by the stdlib's C scanner; an element cut
by the end of the buffer is decoded again after the buffer is refilled.

Anything that is not such an envelope raises `MalformedFile`, whose message names the file,
the 1-based record number and the line. Pure Python, no Django.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

__all__ = ["MalformedFile", "iter_records"]

BUFFER_SIZE = 1 << 20  # characters read per refill
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER_TAIL = re.compile(r"[0-9.eE+-]*")
_GZIP_MAGIC = b"\x1f\x8b"


class MalformedFile(ValueError):
    """A file that cannot be read as a Kolada envelope; the message says where and why."""

    def __init__(self, path, problem: str, *, record: int | None = None, line: int | None = None):
        self.path, self.problem, self.record, self.line = str(path), problem, record, line
        where = [self.path]
        if record is not None:
            where.append(f"record {record}")
        if line is not None:
            where.append(f"line {line}")
        super().__init__(f"{', '.join(where)}: {problem}")


def _reject_constant(name: str):
    # json accepts NaN and Infinity by default; Kolada never sends them and JSON forbids them.
    raise ValueError(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
# The decoder's scanner (set in JSONDecoder.__init__, untyped in typeshed): one value at an index.
_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]


def _skip_whitespace(text: str, pos: int) -> int:
    """The index of the first non-whitespace character at or after `pos`."""
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def open_text(path) -> io.TextIOBase:
    """Open a file as UTF-8 text, decompressing it if it is gzip (by content, not by name)."""
    raw = open(path, "rb")  # noqa: SIM115 - handed to the caller, who closes it
    try:
        gzipped = raw.peek(2)[:2] == _GZIP_MAGIC
        binary = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        text = io.TextIOWrapper(binary, encoding="utf-8-sig")
    except BaseException:
        raw.close()
        raise
    if gzipped:
        # Closing the text wrapper closes the GzipFile, which leaves fileobj open: chain it.
        original_close = text.close

        def close():
            try:
                original_close()
            finally:
                raw.close()

        # Closing the text closes the raw file under it too.
        setattr(text, "close", close)  # noqa: B010 (mypy: a method is not assignable)
    return text


class _Reader:
    """A text buffer over a file with a cursor, refilled on demand; counts lines."""

    def __init__(self, path, handle, size: int):
        self.path, self.handle, self.size = path, handle, size
        self.buf, self.pos, self.eof = "", 0, False
        self.lines_before = 0  # newlines in the text already dropped from the buffer
        self.record: int | None = None

    def fill(self, at_least: int = 1) -> bool:
        """Drop the consumed text and read more; False at the end of the file."""
        if self.eof:
            return False
        self.lines_before += self.buf.count("\n", 0, self.pos)
        rest = self.buf[self.pos :]
        chunk = self._read(max(self.size, at_least))
        if not chunk:
            self.eof = True
        self.buf, self.pos = rest + chunk, 0
        return bool(chunk)

    def _read(self, size: int) -> str:
        try:
            text: str = self.handle.read(size)
            return text
        except UnicodeDecodeError as error:
            raise self.error(f"is not UTF-8 text ({error.reason})") from None
        except (OSError, EOFError, zlib.error) as error:
            raise self.error(f"cannot be read: {error}") from None

    def line_at(self, pos: int) -> int:
        return self.lines_before + self.buf.count("\n", 0, pos) + 1

    def error(self, problem: str, pos: int | None = None) -> MalformedFile:
        line = self.line_at(self.pos if pos is None else pos)
        return MalformedFile(self.path, problem, record=self.record, line=line)

    def peek(self) -> str:
        """The next non-whitespace character ("" at the end), leaving the cursor on it."""
        while True:
            self.pos = _skip_whitespace(self.buf, self.pos)
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.fill():
                return ""

    def expect(self, char: str, what: str) -> None:
        found = self.peek()
        if found != char:
            shown = f"{found!r}" if found else "the end of the file"
            raise self.error(f"expected {what}, found {shown}")
        self.pos += 1

    def value(self):
        """Decode one JSON value at the cursor, refilling while it runs past the buffer."""
        self.peek()
        grow = self.size
        failure: str | None
        while True:
            try:
                obj, end = _SCAN(self.buf, self.pos)
            except StopIteration as stop:
                failure, at = "expected a JSON value", stop.value
            except json.JSONDecodeError as error:
                failure, at = error.msg, error.pos
            except (ValueError, RecursionError) as error:
                failure, at = str(error), self.pos
            else:
                # A number followed by nothing but number characters up to the buffer's end
                # ("12" of "12.5e3") may continue after it; anything else ends where it ends.
                if self.eof or not (
                    obj.__class__ in (int, float) and _NUMBER_TAIL.fullmatch(self.buf, end)
                ):
                    self.pos = end
                    return obj
                failure, at = None, end
            if failure is not None and _genuine(failure, at, len(self.buf)):
                raise self.error(f"not valid JSON: {failure}", at)
            if not self.fill(grow):
                if failure is None:
                    self.pos = end
                    return obj
                if at >= len(self.buf) - 1:
                    failure = "the file ends in the middle of a value (truncated?)"
                raise self.error(f"not valid JSON: {failure}", at)
            grow *= 2  # a value longer than the buffer: read more each time


def _genuine(failure: str, at: int, length: int) -> bool:
    """Whether a decoding failure is a real error rather than a value cut by the buffer.

    A value cut short fails within a few characters of the buffer's end ("tr", "-", "\\u00"),
    except an unterminated string, which is reported where the string starts. Telling them
    apart keeps a bad record near the start of a big file from reading the rest of it.
    """
    return at < length - 8 and not failure.startswith("Unterminated string")


def iter_records(path, *, buffer_size: int = BUFFER_SIZE) -> Generator:
    """Yield the elements of the envelope's "values" list, one at a time, as decoded JSON.

    Raises MalformedFile (naming the file, record and line) for a missing or unreadable file,
    text that is not JSON, or JSON that is not an envelope with a "values" list.
    """
    path_text = str(path)
    try:
        handle = open_text(Path(path))
    except OSError as error:
        raise MalformedFile(path_text, f"cannot be read: {error.strerror or error}") from None
    with handle:
        reader = _Reader(path_text, handle, max(buffer_size, 2))
        yield from _envelope(reader)


def _envelope(reader: _Reader) -> Iterator:
    not_envelope = 'is not a Kolada file: expected an object with a "values" list'
    first = reader.peek()
    if first == "":
        raise reader.error("is empty")
    if first == "[":
        raise reader.error(not_envelope)
    if first != "{":
        reader.value()  # raises if this is not JSON either
        raise reader.error(not_envelope)
    reader.pos += 1
    seen_values = False
    if reader.peek() == "}":
        reader.pos += 1
    else:
        while True:
            if reader.peek() != '"':
                raise reader.error("expected a key in double quotes")
            key = reader.value()
            reader.expect(":", "':' after a key")
            if key == "values" and not seen_values:
                seen_values = True
                yield from _values(reader)
            else:
                reader.value()
            found = reader.peek()
            reader.pos += 1
            if found == "}":
                break
            if found != ",":
                reader.pos -= 1
                raise reader.error("expected ',' or '}' after a value in the envelope")
    reader.record = None
    if reader.peek() != "":
        raise reader.error("not valid JSON: text after the end of the envelope")
    if not seen_values:
        raise reader.error(not_envelope)


def _values(reader: _Reader) -> Iterator:
    if reader.peek() != "[":
        raise reader.error('"values" is not a list')
    reader.pos += 1
    number = 0
    if reader.peek() == "]":
        reader.pos += 1
        return
    # The hot loop: one scan per element, then skip to the comma or the closing bracket. The
    # buffer and position live in locals and go back to the reader only for the careful path.
    scan, skip = _SCAN, _WHITESPACE.match
    buf, pos = reader.buf, reader.pos
    last = len(buf) - 1
    while True:
        number += 1
        try:
            element, end = scan(buf, pos)
        except (StopIteration, ValueError, RecursionError):
            element, end = None, last + 1
        if end >= last or element.__class__ is not dict:
            # Cut by the buffer's end, malformed, or not a record: take the careful path.
            reader.pos, reader.record = pos, number
            element = reader.value()
            buf, end = reader.buf, reader.pos
            last = len(buf) - 1
        yield element
        pos = skip(buf, end).end()  # type: ignore[union-attr]  # \s* always matches
        if pos < last and buf[pos] == ",":
            pos += 1
            continue
        reader.pos, reader.record = pos, number
        found = reader.peek()
        reader.pos += 1
        if found == ",":
            buf, pos = reader.buf, reader.pos
            last = len(buf) - 1
            continue
        if found == "]":
            reader.record = None
            return
        reader.pos -= 1
        raise reader.error("expected ',' or ']' after a record")
