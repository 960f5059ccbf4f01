"""An upload over 20 MB is refused while it streams in: the rest is never read or written."""

import pytest
from django.test import Client

from styr.lib.uploads import FORM_OVERHEAD, MAX_UPLOAD
from tests import html
from tests.conftest import demo_once

pytestmark = pytest.mark.django_db

# The demo is loaded once for the module; each test's writes are rolled back.
demo = pytest.fixture(demo_once)

BOUNDARY = "styr-test-boundary"
MB = 1024 * 1024


class StreamedBody:
    """A multipart request body made as it is read (no 25 MB in memory), counting the bytes
    the server reads: the CSRF field, then a file of `size` bytes."""

    def __init__(self, token: str, size: int, name: str = "stor.txt"):
        self.head = (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{token}\r\n"
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="document"; filename="{name}"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.size = size
        self.length = len(self.head) + size + len(self.tail)
        self.read_bytes = 0

    def _at(self, start: int, end: int) -> bytes:
        file_start, file_end = len(self.head), len(self.head) + self.size
        out = bytearray()
        if start < file_start:
            out += self.head[start : min(end, file_start)]
        if end > file_start and start < file_end:
            out += b"x" * (min(end, file_end) - max(start, file_start))
        if end > file_end:
            out += self.tail[max(start, file_end) - file_end : end - file_end]
        return bytes(out)

    def read(self, size: int = -1) -> bytes:
        end = self.length if size is None or size < 0 else min(self.length, self.read_bytes + size)
        data = self._at(self.read_bytes, end)
        self.read_bytes = end
        return data

    def readline(self, size: int = -1) -> bytes:
        rest = self._at(self.read_bytes, self.length if size < 0 else self.read_bytes + size)
        line = rest[: rest.index(b"\n") + 1] if b"\n" in rest else rest
        self.read_bytes += len(line)
        return line


@pytest.fixture
def browser(municipality_strateg):
    """A client that checks CSRF tokens as a browser's requests are checked."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(municipality_strateg)
    return client


@pytest.fixture
def upload_dir(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    return tmp_path


def post(client, body: StreamedBody):
    return client.generic(
        "POST",
        "/import/",
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(body.length),
        **{"wsgi.input": body},
    )


def token(client) -> str:
    return str(client.get("/import/").context["csrf_token"])


def test_a_25_mb_upload_is_refused_before_its_content_is_read(browser, upload_dir):
    body = StreamedBody(token(browser), 25 * MB)
    response = post(browser, body)
    assert html.field_errors(html.parse(response, 400), "document") == ["Filen är större än 20 MB."]
    assert body.read_bytes < 21 * MB
    assert body.read_bytes < MB, "the Content-Length said it all: the file need not be read"
    assert list(upload_dir.iterdir()) == []


def test_a_file_that_passes_20_mb_while_streaming_is_stopped_there(browser, upload_dir):
    # Within the Content-Length allowance, so only counting the bytes can catch it.
    body = StreamedBody(token(browser), MAX_UPLOAD + FORM_OVERHEAD // 2)
    assert body.length <= MAX_UPLOAD + FORM_OVERHEAD
    response = post(browser, body)
    assert html.field_errors(html.parse(response, 400), "document") == ["Filen är större än 20 MB."]
    assert MAX_UPLOAD < body.read_bytes < MAX_UPLOAD + FORM_OVERHEAD // 2
    assert list(upload_dir.iterdir()) == [], "the partly written temporary file is deleted"


def test_a_small_file_is_read_and_reviewed(browser, upload_dir):
    text = "Ta fram en ny e-tjänst för bygglov. Ansvarig är Mats Boman. *Pågår.*\n"
    body = StreamedBody(token(browser), 0, name="plan.txt")
    body.head += text.encode()
    body.length += len(text.encode())
    response = post(browser, body)
    (first,) = html.parse(response).xpath("//fieldset[@id='atgard-1']")
    assert html.facts(first)["Titel"].startswith("Ta fram en ny e-tjänst för bygglov")
    assert body.read_bytes == body.length


def test_the_upload_still_checks_the_csrf_token(browser, upload_dir):
    response = post(browser, StreamedBody("fel-token", 10))
    assert (
        html.texts(html.parse(response, 403), "//p")[0]
        == "CSRF-verifikation misslyckades. Förfrågan avbröts."
    )
