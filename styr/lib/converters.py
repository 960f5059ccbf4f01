"""`<id:pk>` in URL patterns: a database id that always fits the database's integer.

Django's `<int:…>` takes any number of digits, and SQLite cannot even be asked about a
number beyond 64 bits (OverflowError, a 500). Ids here have at most 18 digits, below
2**63 - 1; a longer number matches no pattern and is answered 404 like any unknown page.
Importing this module registers the converter; every urls module that uses it imports it.
"""

from django.urls import register_converter

MAX_DIGITS = 18


class IdConverter:
    regex = f"[0-9]{{1,{MAX_DIGITS}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
