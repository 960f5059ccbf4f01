"""Refusing an upload by its size while it streams in, not after it is on disk.

Django's own handlers write a large file to a temporary file in full before any form can
look at its size; a 200 MB document would be read and written for nothing. `SizeLimit` is
put first in the request's upload handlers, before the body is read (see
`styr.imports.views.upload`):

- when the request's Content-Length already says the body is too large, the small fields
  before the file (the CSRF token) are read and the file is refused at its first byte;
- otherwise it counts the file's bytes as they arrive and stops the upload as soon as they
  pass the limit; what a later handler had written to a temporary file is closed, which
  deletes it.

Either way the rest of the body is left unread (`StopUpload(connection_reset=True)`), and
`refused` tells the form to say "Filen är större än 20 MB.".
"""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

MAX_UPLOAD = 20 * 1024 * 1024
# The form's other fields and the multipart headers around the file: a body this much over
# the limit may still hold a file within it.
FORM_OVERHEAD = 256 * 1024


class SizeLimit(FileUploadHandler):
    """An upload handler that passes chunks on until the file passes `limit` bytes."""

    def __init__(self, request=None, limit: int = MAX_UPLOAD):
        super().__init__(request)
        self.limit = limit
        self.too_large_body = False
        self.refused = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Only noted here: the fields before the file must still be read (the CSRF token).
        self.too_large_body = content_length > self.limit + FORM_OVERHEAD
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.too_large_body:
            self.stop()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.stop()
        return raw_data

    def file_complete(self, file_size: int):
        # The next handler (memory or temporary file) makes the uploaded file.
        return None

    def stop(self):
        self.refused = True
        raise StopUpload(connection_reset=True)
