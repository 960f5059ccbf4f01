"""Deadlines in Swedish plan text: "senast den 31 december 2015", "under våren 2015", ...

Pure Python (standard library only, no Django): finds the date by which an action must be
done, keeps the phrase exactly as written, and resolves it to the LAST day of the period it
names, together with a precision (see ``PRECISIONS``).

Entry points:

- ``parse_expression(phrase)`` reads one bare expression ("våren 2015", "31/12 2015",
  "vecka 12 2016", "tertial 2" with a default year, ...) and returns ``(date, precision)``.
- ``find_deadline(paragraph)`` finds every date expression in a paragraph, drops the ones that
  are not deadlines and returns the deadline as a ``Deadline``, or ``None``.
- ``list_deadline(sentence)`` reads the lead-in or closing sentence of a list ("Uppdraget ska
  redovisas senast den 9 maj 2026.", "Kommunen har antagit följande löften inför
  2024-2026:"): the time limit it states applies to every item of the list.
- ``document_year(text)`` is the year the document itself states (its date near the top),
  for dates written without a year ("senast den 15 april").

The package is split by phrase family: ``grammar`` (what one expression looks like),
``resolve`` (the date it stands for), ``tense`` (past-tense clauses), ``context`` (the words
around an expression that make it a start, a decision date, a plan year, ...) and ``choice``
(which expression of a text is the deadline).
"""

from .choice import document_year, find_deadline, list_deadline
from .resolve import PRECISIONS, Deadline, parse_expression

__all__ = [
    "PRECISIONS",
    "Deadline",
    "document_year",
    "find_deadline",
    "list_deadline",
    "parse_expression",
]
